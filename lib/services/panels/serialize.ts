import "server-only";
import { db } from "@/lib/db/client";
import { DELETED_PROVIDER_LABEL, ENV_PROVIDER_ID, SIMULATOR_LABEL, SIMULATOR_PROVIDER_ID } from "@/lib/schemas/provider";
import type { PanelDetail, PanelSpec, PanelSummary, Seat } from "@/lib/schemas/panel";
import { parseStoredPanelSpec, type PanelRow } from "@/lib/services/panels/find-panel";
import { ENV_PROVIDER_NAME } from "@/lib/services/providers/serialize";

// A panel as the browser sees it: the summary, and each member resolved — the
// persona's name and archetype (the member's label wins), its seat under the
// active plan and a label for it, and whether the persona or pinned version is gone.

export function toPanelSummary(row: PanelRow): PanelSummary {
  const spec = parseStoredPanelSpec(row.spec);
  return {
    id: row.id, slug: row.slug, name: row.name, description: row.description,
    memberCount: spec.members.length, revision: row.revision, latestVersion: row.latestVersion,
    updatedAt: row.updatedAt.toISOString(), updatedBy: row.updatedByName,
  };
}

/** "OpenRouter · gpt-4o-mini", "Simulator — not a language model · persona-sim-2"; null seat → the workspace default. */
export function seatLabel(seat: Seat | null, providerNames: ReadonlyMap<string, string>): string {
  if (!seat) return "Workspace default";
  const provider = seat.providerId === SIMULATOR_PROVIDER_ID ? SIMULATOR_LABEL
    : seat.providerId === ENV_PROVIDER_ID ? ENV_PROVIDER_NAME
    : providerNames.get(seat.providerId) ?? DELETED_PROVIDER_LABEL;
  return `${provider} · ${seat.model}`;
}

export async function toPanelDetail(row: PanelRow): Promise<PanelDetail> {
  const spec: PanelSpec = parseStoredPanelSpec(row.spec);
  const personaIds = [...new Set(spec.members.map((m) => m.personaId))];
  const [personas, versions, providers] = await Promise.all([
    db.persona.findMany({ where: { id: { in: personaIds }, workspaceId: row.workspaceId }, select: { id: true, name: true, archetype: true } }),
    db.personaVersion.findMany({ where: { personaId: { in: personaIds }, persona: { workspaceId: row.workspaceId } }, select: { personaId: true, number: true } }),
    db.modelProvider.findMany({ where: { workspaceId: row.workspaceId }, select: { id: true, name: true } }),
  ]);
  const byId = new Map(personas.map((p) => [p.id, p]));
  const saved = new Set(versions.map((v) => `${v.personaId}#${v.number}`));
  const providerNames = new Map(providers.map((p) => [p.id, p.name]));
  const plan = spec.plans[spec.activePlan];
  return {
    ...toPanelSummary(row),
    spec,
    members: spec.members.map((m) => {
      const persona = byId.get(m.personaId);
      const missing = !persona || (m.version !== "latest" && !saved.has(`${m.personaId}#${m.version}`));
      const seat = plan?.seats[m.key] ?? null;
      return {
        ...m,
        name: m.label?.trim() || persona?.name || m.key,
        archetype: persona?.archetype ?? "",
        seat,
        seatLabel: seatLabel(seat, providerNames),
        missing,
      };
    }),
  };
}
