import "server-only";
import { hostname } from "node:os";
import { db } from "@/lib/db/client";
import type { QueueKind } from "@/lib/jobs/queue/index";

// Each worker's row in WorkerHeartbeat: written on the worker's heartbeat timer
// (independent of the model calls in flight), deleted on a clean stop. /api/health
// reads these rows: a row whose heartbeatAt is old belongs to a worker that died.

export const WORKER_HEARTBEAT_MS = positive(process.env.WORKER_HEARTBEAT_MS, 5000);

function positive(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export type WorkerInfo = { workerId: string; queue: QueueKind };

/** Writes (or refreshes) this worker's row with the runs it holds now. */
export async function writeHeartbeat(info: WorkerInfo, activeRuns: number, now = new Date()): Promise<void> {
  await db.workerHeartbeat.upsert({
    where: { workerId: info.workerId },
    create: { workerId: info.workerId, host: hostname(), pid: process.pid, queue: info.queue, heartbeatAt: now, activeRuns },
    update: { heartbeatAt: now, activeRuns, queue: info.queue },
  });
}

/** Rows of workers silent for an hour are dropped (a killed worker cannot delete its own); /api/health shows the rest. */
export async function pruneHeartbeats(now = new Date()): Promise<void> {
  await db.workerHeartbeat.deleteMany({ where: { heartbeatAt: { lt: new Date(now.getTime() - 3_600_000) } } });
}

export async function removeHeartbeat(workerId: string): Promise<void> {
  await db.workerHeartbeat.deleteMany({ where: { workerId } });
}

/** Runs this worker holds the lease of (what its row reports). */
export async function heldRuns(workerId: string): Promise<number> {
  return db.probeRun.count({ where: { status: "running", leaseOwner: workerId } });
}
