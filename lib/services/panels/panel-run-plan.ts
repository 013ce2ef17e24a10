import "server-only";
import { createHash } from "node:crypto";
import type { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { customProbeTrait, probeTrait, type FrozenCustomTrait } from "@/lib/probing/traits";
import { defaultWatchSet } from "@/lib/probing/traits/watch-set";
import { PANEL_DEFAULT_TRAITS } from "@/lib/schemas/panel-run";
import type { PanelSpec, Seat } from "@/lib/schemas/panel";
import type { createPanelRunBody, FrozenPanelMember, PanelArm } from "@/lib/schemas/panel-run";
import { listCustomTraits } from "@/lib/services/custom-traits/custom-traits";
import { findPanelRow, parseStoredPanelSpec } from "@/lib/services/panels/find-panel";
import { probeSubject } from "@/lib/services/probes/probe-runs";
import { resolveProvider, type ResolvedProvider } from "@/lib/services/providers/resolve-provider";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";
import { referenceJudgeOf } from "@/lib/services/workspaces/reference-judge";

// What a panel probe freezes before it starts (issue 13 §4–5): the panel (as it
// stands or a saved version), each member resolved to a persona version, its
// compiled prompt and its seat per arm, the watched traits every member is judged
// on, and the one judge for every member and arm. Shared by create and estimate.

export type PanelRunInput = z.output<typeof createPanelRunBody>;

/**
 * The adaptive planner (lib/probing/stats/adaptive.ts) stops a trait once its half-width is at most
 * targetHalfWidth; a negative target is never reached, so every member answers the full budget of the
 * same items (least-asked first, the same order for every member).
 */
export const NEVER_STOP_HALF_WIDTH = -1;

export type PlannedMember = FrozenPanelMember & {
  prompt: string;
  /** The persona's measurable targets (built-in or this workspace's custom traits). */
  targets: Record<string, number>;
};

export type PanelRunPlan = {
  panel: { id: string; name: string; version: number | null };
  spec: PanelSpec;
  arms: PanelArm[];
  members: PlannedMember[];
  watched: string[];
  frozenCustom: FrozenCustomTrait[];
  judge: ResolvedProvider;
  /** Why this judge: "chosen", "reference" (the workspace's), or "first-seat" (no reference judge: the first member's seat). */
  judgeSource: "chosen" | "reference" | "first-seat";
  questions: string[];
};

const firstSentence = (text: string) => {
  const t = text.trim();
  const m = /^.*?[.!?](\s|$)/s.exec(t);
  return (m ? m[0] : t).trim().slice(0, 300);
};

export async function planPanelRun(ctx: WorkspaceContext, panelId: string, input: PanelRunInput): Promise<PanelRunPlan> {
  const row = await findPanelRow(ctx, panelId);
  let spec: PanelSpec;
  if (input.version === "current") spec = parseStoredPanelSpec(row.spec);
  else {
    const v = await db.panelVersion.findUnique({ where: { panelId_number: { panelId: row.id, number: input.version } } });
    if (!v) throw new AppError("validation", `Version ${input.version} of this panel does not exist`, { field: "version" });
    spec = parseStoredPanelSpec(v.spec);
  }
  if (spec.members.length < 2) throw new AppError("validation", "A panel probe needs at least two members", { field: "members" });
  const arms: PanelArm[] = input.experiment === "ceiling" ? ["single", "routed"] : ["active"];
  if (input.experiment === "ceiling") {
    const missing = (["single", "routed"] as const).filter((p) => !spec.plans[p]);
    if (missing.length) {
      throw new AppError("validation", `The ceiling experiment compares the single-model plan with the routed plan; this panel has no ${missing.join(" or ")} plan yet`, { field: "experiment" });
    }
  }
  const fallbackSeat = await resolveProvider(ctx);
  const seatOf = (arm: PanelArm, key: string): Seat => {
    const plan = arm === "active" ? spec.plans[spec.activePlan] : spec.plans[arm];
    return plan?.seats[key] ?? { providerId: fallbackSeat.providerId, model: fallbackSeat.model };
  };
  const custom = new Map((await listCustomTraits(ctx)).map((t) => [t.key, customProbeTrait(t)]));
  const measurable = (k: string) => Boolean(probeTrait(k) || custom.has(k));

  const members: PlannedMember[] = [];
  for (const [i, m] of spec.members.entries()) {
    const persona = await db.persona.findFirst({ where: { id: m.personaId, workspaceId: ctx.workspaceId }, select: { id: true, latestVersion: true } });
    if (!persona) throw new AppError("validation", `Member "${m.key}": its persona is gone from this workspace`, { field: `members.${i}` });
    const version = m.version === "latest" ? (persona.latestVersion > 0 ? persona.latestVersion : null) : m.version;
    const subject = await probeSubject(ctx, persona.id, version ?? "draft").catch((e: unknown) => {
      if (e instanceof AppError) throw new AppError("validation", `Member "${m.key}": ${e.message}`, { field: `members.${i}` });
      throw e;
    });
    const name = m.label?.trim() || subject.spec.name;
    const description = [name, subject.spec.archetype?.trim(), firstSentence(subject.spec.background ?? "")].filter(Boolean).join(" — ");
    members.push({
      key: m.key, personaId: persona.id, version, name, description,
      promptHash: createHash("sha256").update(subject.prompt).digest("hex"),
      seats: Object.fromEntries(arms.map((arm) => [arm, seatOf(arm, m.key)])) as FrozenPanelMember["seats"],
      prompt: subject.prompt,
      targets: Object.fromEntries(Object.entries(subject.spec.traitTargets).filter(([k]) => measurable(k))),
    });
  }

  const union = [...new Set(members.flatMap((m) => Object.keys(m.targets)))];
  const fromTargets = [
    ...defaultWatchSet(union.filter((k) => probeTrait(k)), { cap: 8 }).filter((k) => probeTrait(k)),
    ...union.filter((k) => custom.has(k)),
  ].slice(0, 8);
  // Members with few or no targets (a council imported with prompts only) are compared across the library's clusters.
  const watched = input.traits ?? (fromTargets.length >= 4 ? fromTargets : [...new Set([...fromTargets, ...PANEL_DEFAULT_TRAITS])].slice(0, 8));
  const unknown = watched.filter((k) => !measurable(k));
  if (unknown.length) {
    throw new AppError("validation", `No probe items for: ${unknown.join(", ")} — neither a built-in trait nor one of this workspace's custom traits`, { field: "traits" });
  }
  if (watched.length < 2) {
    throw new AppError("validation", "Nothing to compare the members on: give the members trait targets, or choose at least two traits to watch", { field: "traits" });
  }

  let judge: ResolvedProvider;
  let judgeSource: PanelRunPlan["judgeSource"];
  if (input.judgeProviderId || input.judgeModel) {
    const first = members[0].seats[arms[0]];
    judge = await resolveProvider(ctx, input.judgeProviderId ?? first.providerId, input.judgeModel ?? (input.judgeProviderId ? undefined : first.model))
      .catch((e: unknown) => { throw e instanceof AppError ? new AppError(e.code, e.message, { field: "judgeProviderId" }) : e; });
    judgeSource = "chosen";
  } else {
    const reference = await referenceJudgeOf(ctx.workspaceId);
    if (reference) {
      judge = await resolveProvider(ctx, reference.providerId, reference.model).catch((e: unknown) => {
        if (!(e instanceof AppError)) throw e;
        throw new AppError("validation", `The workspace's reference judge cannot be used (${e.message}): choose a judge for this probe`, { field: "judgeProviderId" });
      });
      judgeSource = "reference";
    } else {
      const first = members[0].seats[arms[0]];
      judge = await resolveProvider(ctx, first.providerId, first.model);
      judgeSource = "first-seat";
    }
  }

  return {
    panel: { id: row.id, name: row.name, version: input.version === "current" ? null : input.version },
    spec, arms, members, watched,
    frozenCustom: watched.filter((k) => custom.has(k)).map((k) => custom.get(k)!) as FrozenCustomTrait[],
    judge, judgeSource,
    questions: input.questions ? spec.questions : [],
  };
}
