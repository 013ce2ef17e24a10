import "server-only";
import { db } from "@/lib/db/client";
import { correlationMatrix, type ScoreRow } from "@/lib/probing/stats";
import { relationOf } from "@/lib/probing/traits";
import { SIMULATOR_PROVIDER_ID } from "@/lib/schemas/provider";
import type { MeasuredCorrelations } from "@/lib/schemas/coherence";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// What this workspace's own probe runs measured about trait pairs, per target
// model: the answer-level correlation pooled over its recent completed runs,
// shown in the editor beside the library's built-in expectation. A model the
// team uses may not behave like the library says; the measurements win.

const RECENT_RUNS = 30;

export async function measuredCorrelations(ctx: WorkspaceContext, traits: string[]): Promise<MeasuredCorrelations> {
  const keys = [...new Set(traits)];
  const runs = await db.probeRun.findMany({
    where: { workspaceId: ctx.workspaceId, status: "completed" },
    orderBy: { finishedAt: "desc" }, take: RECENT_RUNS,
    select: { id: true, watched: true, targetProviderId: true, targetModel: true },
  });
  const relevant = runs
    .map((r) => ({ ...r, watched: new Set(JSON.parse(r.watched) as string[]) }))
    .filter((r) => keys.filter((k) => r.watched.has(k)).length >= 2);
  const groups = new Map<string, { model: string; simulated: boolean; runs: typeof relevant }>();
  for (const r of relevant) {
    const id = `${r.targetProviderId}\u0000${r.targetModel}`;
    const g = groups.get(id) ?? { model: r.targetModel, simulated: r.targetProviderId === SIMULATOR_PROVIDER_ID, runs: [] };
    g.runs.push(r);
    groups.set(id, g);
  }
  const byModel = await Promise.all([...groups.values()].map(async (g) => {
    const answers = await db.probeAnswer.findMany({ where: { runId: { in: g.runs.map((r) => r.id) }, kind: "persona", status: "done" }, select: { scores: true } });
    const rows: ScoreRow[] = answers.map((a) => JSON.parse(a.scores ?? "{}") as ScoreRow);
    return { ...g, matrix: correlationMatrix(rows, keys) };
  }));
  const pairs = keys.flatMap((a, i) => keys.slice(i + 1).map((b) => [a, b] as const));
  return {
    pairs: pairs.map(([a, b]) => {
      const rel = relationOf(a, b);
      return {
        a, b, expected: rel.relation, reason: rel.reason,
        measured: byModel.flatMap((m) => {
          const i = keys.indexOf(a);
          const j = keys.indexOf(b);
          const r = m.matrix.r[i][j];
          if (r === null) return [];
          const runsWithBoth = m.runs.filter((x) => x.watched.has(a) && x.watched.has(b)).length;
          return [{ model: m.model, simulated: m.simulated, r: Math.round(r * 100) / 100, n: m.matrix.n[i][j], runs: runsWithBoth }];
        }),
      };
    }),
  };
}
