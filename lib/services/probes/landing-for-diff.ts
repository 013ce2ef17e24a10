import "server-only";
import { db } from "@/lib/db/client";
import type { ProbeAnswer as AnswerRow } from "@/generated/prisma/client";
import { compareLandings, type RunAnswer } from "@/lib/probing/compare";
import type { LandingDiff, RunRef } from "@/lib/schemas/landing-compare";
import type { ProbeRunDetail } from "@/lib/schemas/probe";
import { latestCompletedRun } from "@/lib/services/probes/latest-report";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// The "where it lands" part of a version diff: each saved version's report is
// its newest completed probe run (latest-report.ts, the same report the review
// and share pages show). The draft has none — a draft run measured some earlier
// state of a draft that keeps changing, so pairing it with today's draft text
// would compare the wrong thing.

type Side = number | "draft";

/**
 * The persona answers a landing is built from, as the paired comparisons read
 * them: done, scored, and not an outcome of their own (empty/refused/truncated
 * answers are never scores; rows before issue 11 have no outcome).
 */
export function scoredPersonaAnswers(rows: readonly AnswerRow[]): RunAnswer[] {
  return rows
    .filter((r) => r.kind === "persona" && r.status === "done" && r.scores && (r.outcome === null || r.outcome === "scored"))
    .map((r) => ({ traitKey: r.traitKey, itemIndex: r.itemIndex, scores: JSON.parse(r.scores!) as Record<string, number | null> }));
}

async function answersOf(runId: string): Promise<RunAnswer[]> {
  return scoredPersonaAnswers(await db.probeAnswer.findMany({ where: { runId, kind: "persona", status: "done" } }));
}
export type LandingForDiff = { landing: LandingDiff | null; landingNote: string | null };

/** Why a side has no report: still being probed, or never probed to the end. */
async function missingReason(ctx: WorkspaceContext, personaId: string, version: number): Promise<string> {
  const pending = await db.probeRun.count({
    where: { workspaceId: ctx.workspaceId, personaId, versionNumber: version, status: { in: ["queued", "running"] } },
  });
  return pending ? `v${version} is still being probed` : `v${version} has no completed probe report yet`;
}

function runRef(run: ProbeRunDetail): RunRef {
  return { runId: run.id, version: run.version, model: run.target.model, simulated: run.target.simulated, finishedAt: run.finishedAt };
}

/** Differences between the two runs that could move a landing without any change to the persona. */
function caveat(a: ProbeRunDetail, b: ProbeRunDetail): string | null {
  const notes: string[] = [];
  const model = (m: ProbeRunDetail["target"]) => (m.simulated ? `${m.model} (simulator)` : m.model);
  const differ = (x: ProbeRunDetail["target"], y: ProbeRunDetail["target"]) => x.providerId !== y.providerId || x.model !== y.model;
  if (differ(a.target, b.target)) notes.push(`different target models: ${model(a.target)} vs ${model(b.target)}`);
  if (differ(a.judge, b.judge)) notes.push(`different judges: ${model(a.judge)} vs ${model(b.judge)}`);
  if (!notes.length) return null;
  const text = notes.join("; ");
  return `${text[0].toUpperCase()}${text.slice(1)} — part of each shift may come from that, not from the persona.`;
}

export async function landingForDiff(ctx: WorkspaceContext, personaId: string, from: Side, to: Side): Promise<LandingForDiff> {
  if (from === "draft" || to === "draft") {
    return { landing: null, landingNote: "Comparing with the draft: the draft has no report. Save it as a version and probe that version to see where it lands." };
  }
  // personaId comes from findPersonaRow, so it already belongs to the caller's workspace.
  const [a, b] = await Promise.all([latestCompletedRun(personaId, from), latestCompletedRun(personaId, to)]);
  if (!a || !b) {
    const missing = [!a ? from : null, !b && to !== from ? to : null].filter((v): v is number => v !== null);
    const reasons = await Promise.all(missing.map((v) => missingReason(ctx, personaId, v)));
    return { landing: null, landingNote: `${reasons.join("; ")}. Landings are compared once both versions have a completed probe run.` };
  }
  // Both runs answered the same library items (items by index), so the comparison pairs them by item.
  const [answersA, answersB] = await Promise.all([answersOf(a.id), answersOf(b.id)]);
  const comparison = compareLandings({ report: a.report, answers: answersA }, { report: b.report, answers: answersB });
  return {
    landing: { from: runRef(a), to: runRef(b), comparison, caveat: caveat(a, b) },
    landingNote: null,
  };
}
