import "server-only";
import { db } from "@/lib/db/client";
import { distinguishJudgments } from "@/lib/probing/panel/estimate";
import { frozenPanelRunSpecSchema, type PanelArm, type PanelRun, type PanelRunConfig, type PanelRunStatus } from "@/lib/schemas/panel-run";
import { SIMULATOR_PROVIDER_ID } from "@/lib/schemas/provider";
import { seatLabel } from "@/lib/services/panels/serialize";

// A panel probe as served: its member runs' statuses and counts aggregated,
// calls and cache hits summed over the member runs and the distinguishability pass.

type PanelRunRow = NonNullable<Awaited<ReturnType<typeof db.panelRun.findUnique>>>;
type MemberRow = { id: string; panelArm: string | null; panelMemberKey: string | null; status: string; modelCalls: number; cacheHits: number; targetProviderId: string; targetModel: string; finishedAt: Date | null };

const JUDGE_NOTES: Record<string, string> = {
  reference: " (the workspace's reference judge)",
  "first-seat": " (no reference judge is set: the first member's seat judges every member)",
};

/** running until every member run and the distinguishability pass are done; failed if any member run failed. */
export function panelRunStatus(row: Pick<PanelRunRow, "cancelledAt" | "distinguishStatus">, members: readonly Pick<MemberRow, "status">[]): PanelRunStatus {
  if (row.cancelledAt) return "cancelled";
  if (members.some((m) => m.status === "failed") || row.distinguishStatus === "failed") return "failed";
  if (members.some((m) => m.status === "cancelled")) return "cancelled";
  if (members.every((m) => m.status === "queued") && row.distinguishStatus !== "running") return "queued";
  if (members.every((m) => m.status === "completed") && (row.distinguishStatus === "done" || row.distinguishStatus === "off")) return "completed";
  return "running";
}

export async function toPanelRun(row: PanelRunRow): Promise<PanelRun> {
  const [members, counts, guesses, providers] = await Promise.all([
    db.probeRun.findMany({
      where: { panelRunId: row.id }, orderBy: { createdAt: "asc" },
      select: { id: true, panelArm: true, panelMemberKey: true, status: true, modelCalls: true, cacheHits: true, targetProviderId: true, targetModel: true, finishedAt: true },
    }),
    db.probeAnswer.groupBy({ by: ["runId", "status"], where: { run: { panelRunId: row.id } }, _count: true }),
    db.panelGuess.groupBy({ by: ["status"], where: { panelRunId: row.id }, _count: true }),
    db.modelProvider.findMany({ where: { workspaceId: row.workspaceId }, select: { id: true, name: true } }),
  ]);
  const spec = frozenPanelRunSpecSchema.parse(JSON.parse(row.spec));
  const config = JSON.parse(row.config) as PanelRunConfig & { judgeSource?: string };
  const names = new Map(providers.map((p) => [p.id, p.name]));
  const count = (runId: string, status: string) => counts.find((c) => c.runId === runId && c.status === status)?._count ?? 0;
  const arms = [...new Set(members.map((m) => m.panelArm as PanelArm))];
  const status = panelRunStatus(row, members);
  const total = distinguishJudgments(spec.members.length, arms.length, config.answersPerPair);
  const guessesDone = guesses.filter((g) => g.status === "done").reduce((n, g) => n + g._count, 0);
  const terminal = status === "completed" || status === "failed" || status === "cancelled";
  const lastFinish = members.reduce<Date | null>((t, m) => (m.finishedAt && (!t || m.finishedAt > t) ? m.finishedAt : t), null);
  const judge = { providerId: row.judgeProviderId, model: row.judgeModel };
  return {
    id: row.id, panelId: row.panelId, panelName: row.panelName, panelVersion: row.panelVersion,
    experiment: row.experiment === "ceiling" ? "ceiling" : "divergence",
    arms: row.experiment === "ceiling" ? ["single", "routed"] : ["active"],
    status,
    watched: JSON.parse(row.watched) as string[],
    judge: { ...judge, label: seatLabel(judge, names) + (JUDGE_NOTES[config.judgeSource ?? ""] ?? "") },
    members: spec.members.map((m) => ({
      key: m.key, name: m.name, personaId: m.personaId, version: m.version,
      runs: members.filter((r) => r.panelMemberKey === m.key).map((r) => ({
        arm: r.panelArm as PanelArm, runId: r.id,
        seatLabel: seatLabel({ providerId: r.targetProviderId, model: r.targetModel }, names),
        simulated: r.targetProviderId === SIMULATOR_PROVIDER_ID,
        status: r.status as PanelRunStatus, done: count(r.id, "done"), failed: count(r.id, "failed"),
      })),
    })),
    distinguish: {
      status: (["off", "waiting", "running", "done", "failed"] as const).find((s) => s === row.distinguishStatus) ?? "waiting",
      done: guessesDone, total, error: row.distinguishError,
    },
    modelCalls: row.modelCalls + members.reduce((n, m) => n + m.modelCalls, 0),
    cacheHits: row.cacheHits + members.reduce((n, m) => n + m.cacheHits, 0),
    maxCalls: row.maxCalls,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdByName,
    finishedAt: (row.finishedAt ?? (terminal ? lastFinish : null))?.toISOString() ?? null,
  };
}
