import "server-only";
import { hostname } from "node:os";
import { db } from "@/lib/db/client";
import { asNumber, readRow } from "@/lib/db/reader";
import { execute } from "@/lib/db/writer";
import type { QueueKind } from "@/lib/jobs/queue/index";

// Each worker's row in WorkerHeartbeat: written on the worker's heartbeat timer
// (independent of the model calls in flight), deleted on a clean stop. /api/health
// reads these rows: a row whose heartbeatAt is old belongs to a worker that died.
// The timer's statements are plain SQL (lib/db/reader, lib/db/writer): through Prisma
// each cost 2–3 ms of CPU (its query compiler), every 5 s for as long as the worker
// lives, on the web process's event loop when the worker runs in it (npm start).

export const WORKER_HEARTBEAT_MS = positive(process.env.WORKER_HEARTBEAT_MS, 5000);

function positive(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export type WorkerInfo = { workerId: string; queue: QueueKind };

/** Writes (or refreshes) this worker's row with the runs it holds now. */
export async function writeHeartbeat(info: WorkerInfo, activeRuns: number, now = new Date()): Promise<void> {
  await execute(
    `INSERT INTO "WorkerHeartbeat" ("workerId", "host", "pid", "queue", "startedAt", "heartbeatAt", "activeRuns") VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT ("workerId") DO UPDATE SET "heartbeatAt" = excluded."heartbeatAt", "activeRuns" = excluded."activeRuns", "queue" = excluded."queue"`,
    [info.workerId, hostname(), process.pid, info.queue, now, now, activeRuns],
  );
}

/** Rows of workers silent for an hour are dropped (a killed worker cannot delete its own); /api/health shows the rest. */
export async function pruneHeartbeats(now = new Date()): Promise<void> {
  await execute(`DELETE FROM "WorkerHeartbeat" WHERE "heartbeatAt" < ?`, [new Date(now.getTime() - 3_600_000)]);
}

export async function removeHeartbeat(workerId: string): Promise<void> {
  await db.workerHeartbeat.deleteMany({ where: { workerId } });
}

/** Runs this worker holds the lease of (what its row reports). */
export async function heldRuns(workerId: string): Promise<number> {
  const row = await readRow<{ n: unknown }>(`SELECT count(*) AS "n" FROM "ProbeRun" WHERE "status" = 'running' AND "leaseOwner" = ?`, [workerId]);
  return asNumber(row?.n ?? 0);
}
