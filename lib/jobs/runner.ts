import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { db } from "@/lib/db/client";
import { compactSearchIndex } from "@/lib/db/persona-search";
import { anyPanelWork, memberRunsOver, pendingDistinguishRuns, processDistinguish, type DistinguishDeps } from "@/lib/jobs/panel-distinguish";
import { claimRun, claimableRuns, processRun, releaseDeadLocalLeases, type WorkerDeps } from "@/lib/jobs/probe-worker";
import { SharedProviderSlots } from "@/lib/jobs/provider-slots";
import { enqueueRuns, openRunQueue, queueKind, type RunQueue, type SlotNotice, type TakenRun } from "@/lib/jobs/queue/index";
import { heldRuns, pruneHeartbeats, removeHeartbeat, WORKER_HEARTBEAT_MS, writeHeartbeat } from "@/lib/jobs/worker-heartbeat";
import { mulberry32 } from "@/lib/math/random";
import { buildPanelReport } from "@/lib/services/panels/panel-report";

// The probe worker loop. In-process by default (started from instrumentation.ts
// when the studio starts), or standalone with `npm run worker`. Several workers
// can run at once: a run belongs to whoever holds its lease.
//
// Each worker works on up to PROBE_WORKER_RUNS runs (or batches) at once; the
// queue (lib/jobs/queue: the ProbeRun table on SQLite, pg-boss on PostgreSQL)
// says which run comes next, fairly between workspaces. A timer independent of
// the runs writes the worker's heartbeat row (worker-heartbeat.ts), renews its
// share of the providers' concurrency limits (provider-slots.ts, handed to the
// runs as `slots`), re-queues runs whose worker died (queue.reap) and, on SQLite,
// keeps the persona search index merged (lib/db/persona-search, compactSearchIndex).

type Log = Pick<Console, "info" | "error">;
type State = {
  running: boolean; wake: (() => void) | null; workerId: string; loop: Promise<void> | null; log: Log;
  /** `halt`: stopping — no new call, every wait ends, the calls in flight finish. `abort`: those are cut off too. */
  halt: AbortController; abort: AbortController;
  queue: RunQueue | null; slots: SharedProviderSlots; timer: NodeJS.Timeout | null; beat: Promise<void> | null;
  /** What this worker is on: a promise per run (or batch) taken, by run id; `busy` holds their run and batch ids. */
  units: Map<string, Promise<void>>; busy: Set<string>;
};
const g = globalThis as unknown as { __probeWorker?: State };

const DEFAULT_RUNS = 4;

/** PROBE_WORKER_RUNS: runs (or batches of runs) one worker processes at once. */
export function workerRuns(): number {
  const n = Number(process.env.PROBE_WORKER_RUNS);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_RUNS;
}

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
    if (deps.signal?.aborted || deps.halt?.aborted) break;
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

/**
 * After a run is created or resumed: on pg-boss its job is sent (a failed send is
 * made good by the workers' reaper); the worker in this process, if any, looks at once
 * instead of waiting for its next poll. No ids: every queued run.
 */
export function wakeWorker(runIds?: string[]): void {
  if (queueKind() === "in-process") return void g.__probeWorker?.wake?.();
  void enqueueRuns(runIds).then(
    () => g.__probeWorker?.wake?.(),
    (e: unknown) => console.error("[probe-worker] could not enqueue; the workers' reaper will", e),
  );
}

type StartOptions = { pollMs?: number; log?: Log; maxRuns?: number; heartbeatMs?: number; slotLeaseMs?: number };

export function startWorker({ pollMs = 2000, log = console, maxRuns = workerRuns(), heartbeatMs = WORKER_HEARTBEAT_MS, slotLeaseMs }: StartOptions = {}): State {
  if (g.__probeWorker?.running) return g.__probeWorker;
  const workerId = `worker-${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const state: State = {
    running: true, wake: null, workerId, halt: new AbortController(), abort: new AbortController(), loop: null, log,
    queue: null, timer: null, beat: null, units: new Map(), busy: new Set(),
    slots: new SharedProviderSlots({
      workerId, log, leaseMs: slotLeaseMs ?? Math.max(3 * heartbeatMs, 15_000),
      // A notice to the other workers (PostgreSQL); a lost one costs their next look (retry timer, heartbeat).
      announce: (providerId) => void state.queue?.announceSlots?.({ providerId, workerId })
        .catch((e: unknown) => log.error("[probe-worker] could not tell the other workers about provider slots", e)),
    }),
  };
  g.__probeWorker = state;
  (globalThis as Record<symbol, WorkerHandle>)[WORKER_HANDLE] = { stop: stopWorker };
  const rng = mulberry32(Date.now() >>> 0);
  const sleep = sleeper(state.halt.signal);
  // `slots` is the call sites' hook (provider-slots-contract.ts): every model call holds one of its provider's slots.
  const deps = { workerId, sleep, rng, signal: state.abort.signal, halt: state.halt.signal, slots: state.slots };
  let pendingWake = false;
  let waiting: (() => void) | null = null;
  state.wake = () => {
    pendingWake = true;
    waiting?.();
  };

  const start = (job: TakenRun) => {
    // The same run handed out twice (a job sent again by a reaper): this worker is on it already.
    if (state.units.has(job.runId)) return void job.finish(true).catch(() => {});
    state.busy.add(job.runId);
    if (job.batchId) state.busy.add(job.batchId);
    const unit = processBatch(job.runId, deps)
      .then(async (outcomes) => {
        for (const [runId, outcome] of Object.entries(outcomes)) log.info(`[probe-worker] run ${runId}: ${outcome}`);
        await job.finish(true);
      }, async (e: unknown) => {
        log.error(`[probe-worker] run ${job.runId}`, e);
        await job.finish(false);
      })
      .catch((e: unknown) => log.error(`[probe-worker] run ${job.runId}: could not tell the queue`, e))
      .finally(() => {
        state.units.delete(job.runId);
        state.busy.delete(job.runId);
        if (job.batchId) state.busy.delete(job.batchId);
        state.wake?.();
      });
    state.units.set(job.runId, unit);
  };

  let maintenance: Promise<void> | null = null;
  const maintain = () => {
    maintenance ??= (async () => {
      if (!(await anyPanelWork())) return;
      await distinguishPasses(deps, log);
      if (state.running) await closePanelRuns(log);
    })().catch((e: unknown) => log.error("[probe-worker] panel pass error", e)).finally(() => { maintenance = null; });
  };

  let lastReap = 0;
  const beat = () => (state.beat ??= beatOnce().finally(() => { state.beat = null; }));
  const beatOnce = async () => {
    if (!state.queue || !state.running) return;
    try {
      await writeHeartbeat({ workerId, queue: state.queue.kind }, await heldRuns(workerId));
      await state.slots.renew();
      if (Date.now() - lastReap >= 2 * heartbeatMs) {
        lastReap = Date.now();
        await state.queue.reap();
        await pruneHeartbeats();
        await compactSearchIndex();
      }
    } catch (e) {
      log.error("[probe-worker] heartbeat error", e);
    }
  };

  const pause = async (ms: number) => {
    if (!pendingWake && state.running) {
      let t: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        waiting = resolve;
        t = setTimeout(resolve, ms);
      });
      clearTimeout(t);
      waiting = null;
    }
    pendingWake = false;
  };

  state.loop = (async () => {
    log.info(`[probe-worker] ${workerId} started (${queueKind()} queue, ${maxRuns} runs at once)`);
    try {
      const taken = await releaseDeadLocalLeases(hostname());
      if (taken.length) log.info(`[probe-worker] resuming ${taken.length} run(s) whose worker on this machine died`);
    } catch (e) {
      log.error("[probe-worker] could not check for dead workers' runs", e);
    }
    while (state.running && !state.queue) {
      try {
        state.queue = await openRunQueue("worker");
      } catch (e) {
        log.error("[probe-worker] could not open the queue; trying again", e);
        await pause(pollMs);
      }
    }
    const queue = state.queue;
    if (!state.running || !queue) return;
    // Woken by other processes' enqueues (pg-boss: LISTEN/NOTIFY); if that fails, the poll still finds the runs.
    const slotNotice = ({ providerId, workerId: from }: SlotNotice) => void (from !== workerId && state.slots.changed(providerId));
    await queue.listen?.(() => state.wake?.(), slotNotice).catch((e: unknown) => log.error("[probe-worker] could not listen for new runs; polling only", e));
    await beat(); // the first heartbeat, and the reconcile: runs queued before this worker (or before pg-boss) get jobs
    state.timer = setInterval(() => void beat(), heartbeatMs);
    state.timer.unref?.();
    while (state.running) {
      try {
        const free = maxRuns - state.units.size;
        if (free > 0) for (const job of await queue.take(free, state.busy)) start(job);
        if (state.running) maintain();
      } catch (e) {
        log.error("[probe-worker] loop error", e);
      }
      await pause(pollMs);
    }
  })();
  return state;
}

/**
 * Stops claiming runs and starting calls, and lets the model calls in flight finish
 * (at most `timeoutMs`): each is paid for, so its answer goes into the call cache,
 * where the worker that resumes the run finds it instead of paying for it again.
 * Calls still out after that are aborted (a provider that hangs must not hold a
 * deploy). Then it releases the leases this worker holds (runs and provider slots)
 * and queues its runs again, so another worker — or this studio after a restart —
 * takes over at once instead of waiting for the lease to expire. Its heartbeat row
 * goes last.
 */
export async function stopWorker({ timeoutMs = 10_000 }: { timeoutMs?: number } = {}): Promise<void> {
  const state = g.__probeWorker;
  if (!state || !state.running) return;
  state.running = false;
  state.halt.abort();
  state.wake?.();
  if (state.timer) clearInterval(state.timer);
  const settled = Promise.allSettled([state.loop, state.beat, ...state.units.values()]);
  let timer: NodeJS.Timeout | undefined;
  const within = (ms: number) => Promise.race([settled.then(() => true), new Promise<boolean>((r) => (timer = setTimeout(() => r(false), ms)))]).finally(() => clearTimeout(timer));
  if (!(await within(timeoutMs))) {
    state.log.info(`[probe-worker] ${state.workerId}: calls still in flight after ${timeoutMs} ms; aborting them`);
    state.abort.abort();
    await within(2_000);
  }
  try {
    const held = await db.probeRun.findMany({ where: { status: "running", leaseOwner: state.workerId }, select: { id: true } });
    const { count } = await db.probeRun.updateMany({
      where: { id: { in: held.map((r) => r.id) }, status: "running", leaseOwner: state.workerId },
      data: { leaseOwner: null, heartbeatAt: null },
    });
    if (count) await state.queue?.enqueue(held.map((r) => r.id));
    state.log.info(`[probe-worker] ${state.workerId} stopped${count ? `; released ${count} run(s) for another worker` : ""}`);
  } catch (e) {
    state.log.error("[probe-worker] could not release leases (they expire on their own)", e);
  }
  await Promise.allSettled([state.slots.close(), removeHeartbeat(state.workerId)]);
  await state.queue?.close().catch((e: unknown) => state.log.error("[probe-worker] could not close the queue", e));
}
