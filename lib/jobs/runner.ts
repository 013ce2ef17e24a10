import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { db } from "@/lib/db/client";
import { claimRun, claimableRuns, processRun, releaseDeadLocalLeases } from "@/lib/jobs/probe-worker";
import { mulberry32 } from "@/lib/math/random";

// The probe worker loop. In-process by default (started from instrumentation.ts
// when the studio starts), or standalone with `npm run worker`. Several workers
// can run at once: a run belongs to whoever holds its lease.

type Log = Pick<Console, "info" | "error">;
type State = { running: boolean; wake: (() => void) | null; workerId: string; abort: AbortController; loop: Promise<void> | null; log: Log };
const g = globalThis as unknown as { __probeWorker?: State };

/**
 * How the custom server (scripts/server.mjs) reaches the worker on shutdown:
 * instrumentation.ts is bundled apart from the server, so a global symbol is the
 * one handle both sides share.
 */
export const WORKER_HANDLE = Symbol.for("persona-studio.worker");
export type WorkerHandle = { stop: (options?: { timeoutMs?: number }) => Promise<void> };

/** A sleep that ends early when the worker is stopping (retry backoffs can be seconds long). */
function sleeper(signal: AbortSignal) {
  return (ms: number) =>
    new Promise<void>((resolve) => {
      if (signal.aborted) return resolve();
      const t = setTimeout(resolve, ms);
      signal.addEventListener("abort", () => { clearTimeout(t); resolve(); }, { once: true });
    });
}

/** Nudge the loop after a run is created or resumed, instead of waiting for the next poll. */
export function wakeWorker(): void {
  g.__probeWorker?.wake?.();
}

export function startWorker({ pollMs = 2000, log = console }: { pollMs?: number; log?: Log } = {}): State {
  if (g.__probeWorker?.running) return g.__probeWorker;
  const state: State = {
    running: true, wake: null, workerId: `worker-${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
    abort: new AbortController(), loop: null, log,
  };
  g.__probeWorker = state;
  (globalThis as Record<symbol, WorkerHandle>)[WORKER_HANDLE] = { stop: stopWorker };
  const rng = mulberry32(Date.now() >>> 0);
  const sleep = sleeper(state.abort.signal);
  state.loop = (async () => {
    log.info(`[probe-worker] ${state.workerId} started`);
    try {
      const taken = await releaseDeadLocalLeases(hostname());
      if (taken.length) log.info(`[probe-worker] resuming ${taken.length} run(s) whose worker on this machine died`);
    } catch (e) {
      log.error("[probe-worker] could not check for dead workers' runs", e);
    }
    while (state.running) {
      try {
        for (const id of await claimableRuns()) {
          if (!state.running) break;
          if (!(await claimRun(id, state.workerId))) continue;
          const outcome = await processRun(id, { workerId: state.workerId, sleep, rng, signal: state.abort.signal });
          log.info(`[probe-worker] run ${id}: ${outcome}`);
        }
      } catch (e) {
        log.error("[probe-worker] loop error", e);
      }
      if (!state.running) break;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, pollMs);
        state.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
    }
  })();
  return state;
}

/**
 * Stops claiming runs, aborts the model calls in flight (an answer that was not
 * stored is simply asked again later; finished calls are in the cache), waits for
 * the loop to let go (at most `timeoutMs`), then releases the leases this worker
 * holds so another worker — or this studio after a restart — takes over at once
 * instead of waiting for the lease to expire.
 */
export async function stopWorker({ timeoutMs = 10_000 }: { timeoutMs?: number } = {}): Promise<void> {
  const state = g.__probeWorker;
  if (!state) return;
  state.running = false;
  state.abort.abort();
  state.wake?.();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([state.loop, new Promise<void>((r) => (timer = setTimeout(r, timeoutMs)))]);
  clearTimeout(timer);
  try {
    const { count } = await db.probeRun.updateMany({
      where: { status: "running", leaseOwner: state.workerId },
      data: { leaseOwner: null, heartbeatAt: null },
    });
    state.log.info(`[probe-worker] ${state.workerId} stopped${count ? `; released ${count} run(s) for another worker` : ""}`);
  } catch (e) {
    state.log.error("[probe-worker] could not release leases (they expire on their own)", e);
  }
}
