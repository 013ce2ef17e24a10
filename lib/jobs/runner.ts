import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { claimRun, claimableRuns, processRun, releaseDeadLocalLeases } from "@/lib/jobs/probe-worker";
import { mulberry32 } from "@/lib/math/random";

// The probe worker loop. In-process by default (started from instrumentation.ts
// when the studio starts), or standalone with `npm run worker`. Several workers
// can run at once: a run belongs to whoever holds its lease.

type State = { running: boolean; wake: (() => void) | null; workerId: string };
const g = globalThis as unknown as { __probeWorker?: State };

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Nudge the loop after a run is created or resumed, instead of waiting for the next poll. */
export function wakeWorker(): void {
  g.__probeWorker?.wake?.();
}

export function startWorker({ pollMs = 2000, log = console }: { pollMs?: number; log?: Pick<Console, "info" | "error"> } = {}): State {
  if (g.__probeWorker?.running) return g.__probeWorker;
  const state: State = { running: true, wake: null, workerId: `worker-${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}` };
  g.__probeWorker = state;
  const rng = mulberry32(Date.now() >>> 0);
  void (async () => {
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
          if (!(await claimRun(id, state.workerId))) continue;
          const outcome = await processRun(id, { workerId: state.workerId, sleep, rng });
          log.info(`[probe-worker] run ${id}: ${outcome}`);
        }
      } catch (e) {
        log.error("[probe-worker] loop error", e);
      }
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

export function stopWorker(): void {
  if (g.__probeWorker) g.__probeWorker.running = false;
  wakeWorker();
}
