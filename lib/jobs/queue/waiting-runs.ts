import "server-only";
import { db } from "@/lib/db/client";
import { readRow } from "@/lib/db/reader";
import { claimableRuns, LEASE_MS } from "@/lib/jobs/probe-worker";
import type { Candidate } from "@/lib/jobs/queue/fair-order";

// What both queues read from the ProbeRun table: the runs waiting for a worker,
// and how many runs each workspace has active now.

export type WaitingRun = Candidate & { batchId: string | null };

const select = { id: true, workspaceId: true, createdAt: true, batchId: true } as const;

/**
 * Runs that need a worker: every queued run (oldest `take`), and runs whose worker
 * died (running under an expired lease, or released by a worker that stopped) —
 * the lease rule is claimableRuns', so "expired" means what claimRun means.
 */
export async function waitingRuns(take = 200): Promise<WaitingRun[]> {
  const queued = await db.probeRun.findMany({ where: { status: "queued" }, orderBy: { createdAt: "asc" }, take, select });
  const claimable = new Set(await claimableRuns());
  for (const r of queued) claimable.delete(r.id);
  const stale = claimable.size ? await db.probeRun.findMany({ where: { id: { in: [...claimable] } }, select }) : [];
  return [...stale, ...queued];
}

/**
 * Whether waitingRuns would find a run: one plain statement (lib/db/reader) with
 * claimableRuns' condition (queued, or running under an expired or released lease).
 * The in-process queue asks it first on every poll (every 2 s) and reads the runs
 * only when there are some: the two Prisma statements of waitingRuns cost 2–3 ms
 * of CPU each (the query compiler), on the web process's event loop when the
 * worker runs in it (npm start), and an idle studio polls forever.
 */
export async function anyWaitingRun(now = new Date()): Promise<boolean> {
  const row = await readRow<{ waiting: unknown }>(
    `SELECT EXISTS (SELECT 1 FROM "ProbeRun" WHERE "status" = 'queued'
       OR ("status" = 'running' AND ("heartbeatAt" IS NULL OR "heartbeatAt" < ?))) AS "waiting"`,
    [new Date(now.getTime() - LEASE_MS)],
  );
  return Boolean(row?.waiting); // PostgreSQL: a boolean; SQLite: 0 or 1
}

/** Runs running now per workspace (every worker's). */
export async function activeByWorkspace(workspaceIds?: string[]): Promise<Map<string, number>> {
  const rows = await db.probeRun.groupBy({
    by: ["workspaceId"], where: { status: "running", ...(workspaceIds ? { workspaceId: { in: workspaceIds } } : {}) }, _count: true,
  });
  return new Map(rows.map((r) => [r.workspaceId, r._count]));
}

/** One candidate per batch: processBatch claims the batch's other runs itself. */
export function onePerBatch<T extends WaitingRun>(runs: readonly T[]): T[] {
  const seen = new Set<string>();
  return runs.filter((r) => {
    if (!r.batchId) return true;
    if (seen.has(r.batchId)) return false;
    seen.add(r.batchId);
    return true;
  });
}
