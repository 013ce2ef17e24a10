import "server-only";
import { db } from "@/lib/db/client";
import { incrementRunCounters, type RunCounterDelta } from "@/lib/db/probe-hot-path";
import { emptyCallStats, type CallGate, type CallStats } from "@/lib/jobs/model-call";

// What a run has spent (calls, tokens, US$) and its hard caps (ProbeRun.maxCalls,
// maxCostUsd). The worker's calls add to `stats` (in memory, for the caps) and
// are written to the run one by one as they happen (`record`, issue 15): an
// attempt is counted before it is sent and its usage when it comes back, so the
// run's calls equal the requests its provider received even after a crash, and
// a resumed run pays nothing for what is in the call cache.
//
// The caps hold for every call that reaches a provider, retries included: an
// answer reserves its calls before it is issued (`reserve`), each attempt asks
// its gate before it is sent (model-call.ts CallGate), and an attempt beyond the
// reservation (a retry after a 429/5xx/timeout or a malformed verdict) is sent
// only if it fits beside every reservation still open — else it fails "capped",
// unsent. Money is projected per call: before any call of this run has come
// back, from the request sizes at the providers' prices (lib/probing/call-projection.ts);
// after, at the run's average cost per call that came back.

/** The calls one answer reserves: the target's answer and the judge's verdict (a retry asks for room of its own). */
export const CALLS_PER_ANSWER = 2;

type UsageRun = { id: string; modelCalls: number; costUsd: number | null; maxCalls: number | null; maxCostUsd: number | null };

/** One answer's reservation: its gate for cachedChat, and `release` for the calls it did not make. */
export type Ticket = CallGate & { release: () => void };

export class RunUsage {
  /** What this worker's calls spent on this run (also written to the run as it happens: `record`). */
  readonly stats: CallStats = emptyCallStats();
  /** What the run had spent before this worker took it. */
  private callsBefore: number;
  private costBefore: number;
  /** Calls reserved by answers in flight and not sent yet. */
  private reserved = 0;
  /** Calls sent whose cost is not known yet (they have not come back). */
  private unsettled = 0;
  /** Calls that came back with usage, and what they cost: the average projects the next call. */
  private paidCalls: number;
  private paidCost: number;
  /** Set once a cap stopped new answers or a retry (ProbeRun.capReached); nothing new is issued after. */
  reached = false;

  /**
   * `priced`: every provider the run pays for has prices, so its cost is known (else ProbeRun.costUsd stays null).
   * `projectedPerCall`: US$ one call is projected to cost until calls of this run come back (0: unknown).
   */
  constructor(private readonly run: UsageRun, readonly priced: boolean, private readonly projectedPerCall = 0) {
    this.callsBefore = run.modelCalls;
    this.costBefore = run.costUsd ?? 0;
    // A resumed run's calls so far are its average (all of them were paid at these prices).
    const known = run.costUsd !== null && run.modelCalls > 0;
    this.paidCalls = known ? run.modelCalls : 0;
    this.paidCost = known ? run.costUsd! : 0;
  }

  /** A run that has prices and has not been costed yet starts its cost at $0 (a run that already paid unpriced calls stays unknown). */
  async start(): Promise<void> {
    if (this.priced && this.run.costUsd === null && this.run.modelCalls === 0) {
      await db.probeRun.updateMany({ where: { id: this.run.id, costUsd: null }, data: { costUsd: 0 } });
    }
  }

  calls(): number {
    return this.callsBefore + this.stats.modelCalls;
  }

  cost(): number {
    return this.costBefore + this.stats.costUsd;
  }

  /** US$ the next call is projected to cost: the run's average once calls came back, the request-size projection before. */
  perCall(): number {
    return this.paidCalls > 0 ? this.paidCost / this.paidCalls : this.projectedPerCall;
  }

  /** Whether `calls` more calls fit beside the calls reserved and those still in flight. */
  private fits(calls: number): boolean {
    if (this.reached) return false;
    const { maxCalls, maxCostUsd } = this.run;
    if (maxCalls !== null && this.calls() + this.reserved + calls > maxCalls) return false;
    if (maxCostUsd !== null) {
      const cost = this.cost();
      if (cost >= maxCostUsd || cost + this.perCall() * (this.unsettled + this.reserved + calls) > maxCostUsd) return false;
    }
    return true;
  }

  /** Whether `calls` more calls may be made now (the reliability pass asks per batch; its gate asks per attempt). False marks the cap reached. */
  allowsAnswer(calls = CALLS_PER_ANSWER): boolean {
    return this.fits(calls) || this.hit();
  }

  /** Reserves `calls` calls for one answer, or null (the cap is reached) when they do not fit. */
  reserve(calls = CALLS_PER_ANSWER): Ticket | null {
    if (!this.fits(calls)) return this.hit() || null;
    this.reserved += calls;
    return this.ticket(calls);
  }

  /** A gate without a reservation: each attempt is sent only if it fits (the reliability pass's calls). */
  gate(): CallGate {
    return this.ticket(0);
  }

  private ticket(calls: number): Ticket {
    let left = calls;
    const unreserve = () => {
      if (left === 0) return false;
      left--;
      this.reserved--;
      return true;
    };
    return {
      send: () => {
        if (!unreserve() && !this.allowsAnswer(1)) return false;
        this.unsettled++;
        return true;
      },
      settle: (costUsd) => {
        this.unsettled--;
        if (costUsd === null) return;
        this.paidCalls++;
        this.paidCost += costUsd;
      },
      cached: () => void unreserve(),
      release: () => {
        this.reserved -= left;
        left = 0;
      },
    };
  }

  private hit(): false {
    this.reached = true;
    return false;
  }

  /** Deltas not yet written (they join the next write); `writing` is the write in progress, `queued` the one after it. */
  private buffer: RunCounterDelta = emptyDelta();
  private writing: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  /**
   * Writes one call's counters to the run as it happens (CallDeps.record): `{ modelCalls: 1 }` before an
   * attempt is sent, its tokens and cost when it comes back, a cache hit. Whoever holds the run now:
   * calls that were paid are counted even after a cancel or a lost lease. Resolves once a write that
   * includes `delta` has committed; deltas that arrive while a write is in progress are added up and
   * written together by the next one (one statement for all of them), so under concurrency the run is
   * updated at most twice at a time whatever the number of calls, and a call is still never sent before
   * it is counted.
   */
  readonly record = (delta: Partial<CallStats>): Promise<void> => {
    let any = false;
    for (const k of ["modelCalls", "cacheHits", "promptTokens", "completionTokens"] as const) {
      if (delta[k]) {
        this.buffer[k] += delta[k];
        any = true;
      }
    }
    if (this.priced && delta.costUsd) {
      this.buffer.costUsd += delta.costUsd;
      any = true;
    }
    if (!any) return Promise.resolve();
    if (this.queued) return this.queued; // the write after the current one takes this delta too
    if (!this.writing) return this.startWrite();
    const queued: Promise<void> = this.writing.catch(() => {}).then(() => {
      this.queued = null;
      return this.startWrite();
    });
    this.queued = queued;
    return queued;
  };

  private startWrite(): Promise<void> {
    const delta = this.buffer;
    this.buffer = emptyDelta();
    const write: Promise<void> = incrementRunCounters(this.run.id, delta, this.priced).finally(() => {
      if (this.writing === write) this.writing = null;
    });
    this.writing = write;
    return write;
  }
}

const emptyDelta = (): RunCounterDelta => ({ modelCalls: 0, cacheHits: 0, promptTokens: 0, completionTokens: 0, costUsd: 0 });
