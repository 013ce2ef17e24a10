import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { db } from "@/lib/db/client";
import { memberRunsOver, pendingDistinguishRuns, processDistinguish, type DistinguishDeps } from "@/lib/jobs/panel-distinguish";
import { claimRun, claimableRuns, processRun, releaseDeadLocalLeases, type WorkerDeps } from "@/lib/jobs/probe-worker";
import { mulberry32 } from "@/lib/math/random";
import { buildPanelReport } from "@/lib/services/panels/panel-report";

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

/**
 * Claims a run and, when it belongs to a batch (the member runs of a panel probe, variants started
 * together), the batch's other claimable runs too, and processes them side by side: a panel probe
 * takes about as long as its slowest member run, not the sum. Each run keeps its own lease and
 * heartbeat (processRun). Returns the outcome of each run claimed ({} when the run was taken by another worker).
 */
export async function processBatch(runId: string, deps: WorkerDeps): Promise<Record<string, Awaited<ReturnType<typeof processRun>>>> {
  if (!(await claimRun(runId, deps.workerId))) return {};
  const claimed = [runId];
  const row = await db.probeRun.findUnique({ where: { id: runId }, select: { batchId: true } });
  if (row?.batchId) {
    // claimRun takes a mate only if it is claimable (queued, or its lease expired).
    const mates = await db.probeRun.findMany({ where: { batchId: row.batchId, id: { not: runId }, status: { in: ["queued", "running"] } }, orderBy: { createdAt: "asc" }, select: { id: true } });
    for (const m of mates) if (await claimRun(m.id, deps.workerId)) claimed.push(m.id);
  }
  const outcomes = await Promise.all(claimed.map((id) => processRun(id, deps).catch((e: unknown) => {
    // One run's unexpected error must not abandon the others; its lease expires and it is taken up again.
    console.error(`[probe-worker] run ${id}`, e);
    return "lost" as const;
  })));
  return Object.fromEntries(claimed.map((id, i) => [id, outcomes[i]]));
}

/**
 * After member runs: the blind distinguishability pass of every panel probe whose member runs are all
 * over (lib/jobs/panel-distinguish.ts claims its own lease on the PanelRun); closePanelRuns then closes them.
 */
export async function distinguishPasses(deps: DistinguishDeps, log: Log = console): Promise<Record<string, string>> {
  const outcomes: Record<string, string> = {};
  for (const id of await pendingDistinguishRuns(deps.now?.())) {
    if (deps.signal?.aborted) break;
    const outcome = await processDistinguish(id, deps);
    outcomes[id] = outcome;
    log.info(`[probe-worker] panel probe ${id} distinguishability: ${outcome}`);
  }
  return outcomes;
}

/**
 * Panel probes whose member runs and distinguishability pass are over (done, off or failed): closed
 * (finishedAt) with their report computed and stored once (buildPanelReport stores a final one), so the
 * share page and the review gate read it without someone having opened the report first.
 */
export async function closePanelRuns(log: Log = console): Promise<string[]> {
  const open = await db.panelRun.findMany({ where: { finishedAt: null, cancelledAt: null, distinguishStatus: { in: ["done", "off", "failed"] } }, orderBy: { createdAt: "asc" }, take: 20 });
  const closed: string[] = [];
  for (const row of open) {
    const members = await db.probeRun.findMany({ where: { panelRunId: row.id }, select: { status: true } });
    if (!memberRunsOver(members)) continue;
    const finishedAt = new Date();
    const { count } = await db.panelRun.updateMany({ where: { id: row.id, finishedAt: null }, data: { finishedAt } });
    if (!count) continue;
    try {
      await buildPanelReport({ ...row, finishedAt });
    } catch (e) {
      log.error(`[probe-worker] panel probe ${row.id}: could not store its report (it is computed on request instead)`, e);
    }
    closed.push(row.id);
  }
  return closed;
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
        const handled = new Set<string>();
        for (const id of await claimableRuns()) {
          if (!state.running) break;
          if (handled.has(id)) continue;
          const outcomes = await processBatch(id, { workerId: state.workerId, sleep, rng, signal: state.abort.signal });
          for (const [runId, outcome] of Object.entries(outcomes)) {
            handled.add(runId);
            log.info(`[probe-worker] run ${runId}: ${outcome}`);
          }
        }
        if (state.running) await distinguishPasses({ workerId: state.workerId, sleep, rng, signal: state.abort.signal }, log);
        if (state.running) await closePanelRuns(log);
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
