import { ApiError } from "@/lib/query/api";
import { PANEL_LIMITS, panelSpecSchema, type PanelDetail, type PanelSpec } from "@/lib/schemas/panel";

// The panel editor's draft and the PATCH built from it: only what changed goes,
// always with the revision it was based on (409 when someone saved in between).

export type PanelDraft = { name: string; description: string; spec: PanelSpec };
export type PanelPatch = { revision: number; name?: string; description?: string; spec?: PanelSpec };

export const draftOf = (d: Pick<PanelDetail, "name" | "description" | "spec">): PanelDraft => ({ name: d.name, description: d.description, spec: d.spec });

export const sameDraft = (a: PanelDraft, b: PanelDraft) => JSON.stringify(a) === JSON.stringify(b);

/** The PATCH body for `local` against the last saved draft, or null when nothing changed. */
export function buildPanelPatch(saved: PanelDraft, local: PanelDraft, revision: number): PanelPatch | null {
  const patch: PanelPatch = { revision };
  if (local.name !== saved.name) patch.name = local.name.trim();
  if (local.description !== saved.description) patch.description = local.description;
  if (JSON.stringify(local.spec) !== JSON.stringify(saved.spec)) patch.spec = local.spec;
  return Object.keys(patch).length === 1 ? null : patch;
}

/** Why the draft cannot be saved yet ("polarityPairs.1.b: …"), or null. Mirrors the server's checks. */
export function draftProblem(d: PanelDraft): string | null {
  if (!d.name.trim()) return "name: Give the panel a name";
  if (d.name.trim().length > PANEL_LIMITS.name) return `name: At most ${PANEL_LIMITS.name} characters`;
  if (d.description.length > PANEL_LIMITS.description) return `description: At most ${PANEL_LIMITS.description} characters`;
  const parsed = panelSpecSchema.safeParse(d.spec);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return `${issue.path.join(".") || "spec"}: ${issue.message}`;
}

/** A stale-revision answer from PATCH (or POST versions): someone else saved first. */
export const isConflict = (e: unknown): e is ApiError => e instanceof ApiError && e.status === 409;

/** Which top-level parts differ between two drafts, for the conflict dialog. */
export function changedParts(theirs: PanelDraft, mine: PanelDraft): string[] {
  const parts: string[] = [];
  if (theirs.name !== mine.name) parts.push("name");
  if (theirs.description !== mine.description) parts.push("description");
  const labels: Record<string, string> = {
    members: "members", polarityPairs: "polarity pairs", groups: "groups", plans: "seat plans", activePlan: "active plan", questions: "questions",
  };
  for (const [k, label] of Object.entries(labels)) {
    if (JSON.stringify(theirs.spec[k as keyof PanelSpec]) !== JSON.stringify(mine.spec[k as keyof PanelSpec])) parts.push(label);
  }
  return parts;
}
