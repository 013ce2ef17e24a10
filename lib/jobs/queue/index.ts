import "server-only";
import { dbProvider } from "@/lib/db/client";

// Which runs a worker takes, behind one small interface with two engines:
// - "in-process" (SQLite, the embedded default): each worker polls the ProbeRun
//   table (queue/in-process.ts);
// - "pg-boss" (PostgreSQL): a pg-boss queue owns scheduling, retries and which
//   worker gets a job (queue/pg-boss.ts).
// Either way the run's own lease (claimRun, heartbeatAt in lib/jobs/probe-worker.ts)
// decides who processes it: a job handed out twice processes the run once.
// PROBE_QUEUE=in-process keeps the polling loop on PostgreSQL too.

export type QueueKind = "in-process" | "pg-boss";

/** A run handed to this worker; `finish` tells the queue it was dealt with (ok) or should be retried. */
export type TakenRun = { runId: string; batchId?: string | null; finish: (ok: boolean) => Promise<void> };

/** A worker's notice about a provider's shared slots: which provider, and who says so (a worker ignores its own). */
export type SlotNotice = { providerId: string; workerId: string };

export type RunQueue = {
  kind: QueueKind;
  /** Announces runs that need a worker (created, resumed, released); no ids: every queued run. */
  enqueue(runIds?: string[]): Promise<void>;
  /** Up to `n` runs to start now, fairest first; `busy` are the runs and batches this worker is already on. */
  take(n: number, busy: ReadonlySet<string>): Promise<TakenRun[]>;
  /** Periodic, in every worker: runs queued without a job, or whose worker died (lease expired), are queued again. */
  reap(): Promise<void>;
  /**
   * Calls `wake` soon after any process enqueues (so a new run starts at once instead of
   * at the worker's next poll); the poll stays as the fallback. Resolves when listening.
   */
  listen?(wake: () => void, slots?: (notice: SlotNotice) => void): Promise<void>;
  /**
   * Tells every listening worker (`listen`'s `slots`) that this one gave slots of a provider back
   * or waits for more (lib/jobs/provider-slots.ts); absent where one process runs the workers.
   */
  announceSlots?(notice: SlotNotice): Promise<void>;
  close(): Promise<void>;
};

export function queueKind(): QueueKind {
  const forced = process.env.PROBE_QUEUE;
  if (forced === "in-process" || forced === "pg-boss") return forced;
  return dbProvider === "postgresql" ? "pg-boss" : "in-process";
}

/** The queue of a worker (`worker`) or of a web instance that only enqueues (`sender`). */
export async function openRunQueue(role: "worker" | "sender"): Promise<RunQueue> {
  if (queueKind() === "pg-boss") {
    if (dbProvider !== "postgresql") throw new Error("PROBE_QUEUE=pg-boss needs DATABASE_URL=postgresql://…");
    const { openPgBossQueue } = await import("@/lib/jobs/queue/pg-boss");
    return openPgBossQueue(role);
  }
  const { inProcessQueue } = await import("@/lib/jobs/queue/in-process");
  return inProcessQueue();
}

const g = globalThis as unknown as { __runQueueSender?: Promise<RunQueue> };

/** Enqueues from a web instance (or the worker's own process): one sender per process. */
export async function enqueueRuns(runIds?: string[]): Promise<void> {
  if (queueKind() === "in-process") return; // the loop reads the table; the caller wakes it
  g.__runQueueSender ??= openRunQueue("sender").catch((e: unknown) => {
    g.__runQueueSender = undefined;
    throw e;
  });
  await (await g.__runQueueSender).enqueue(runIds);
}
