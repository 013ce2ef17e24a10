import "server-only";
import { db } from "@/lib/db/client";
import { emptyCallStats, type CallStats } from "@/lib/jobs/model-call";

// What a run has spent (calls, tokens, US$) and its hard caps (ProbeRun.maxCalls,
// maxCostUsd). The worker's calls add to `stats`; a write takes the counters out
// of `stats` *before* it is sent (calls finishing meanwhile add to the emptied
// counters), so each call is written to the run exactly once: a crash loses at
// most the calls since the last write (never counts one twice), and a resumed
// run pays nothing for what is in the call cache.

/** The calls one answer may make: the target's answer and the judge's verdict (retries of failures aside). */
export const CALLS_PER_ANSWER = 2;

type UsageRun = { id: string; modelCalls: number; costUsd: number | null; maxCalls: number | null; maxCostUsd: number | null };
type Delta = CallStats;

export class RunUsage {
  /** Not yet written to the run. */
  readonly stats: CallStats = emptyCallStats();
  private writtenCalls: number;
  private writtenCost: number;
  /** Set once a cap stopped new answers (ProbeRun.capReached). */
  reached = false;

  /** `priced`: every provider the run pays for has prices, so its cost is known (else ProbeRun.costUsd stays null). */
  constructor(private readonly run: UsageRun, readonly priced: boolean) {
    this.writtenCalls = run.modelCalls;
    this.writtenCost = run.costUsd ?? 0;
  }

  /** A run that has prices and has not been costed yet starts its cost at $0 (a run that already paid unpriced calls stays unknown). */
  async start(): Promise<void> {
    if (this.priced && this.run.costUsd === null && this.run.modelCalls === 0) {
      await db.probeRun.updateMany({ where: { id: this.run.id, costUsd: null }, data: { costUsd: 0 } });
    }
  }

  calls(): number {
    return this.writtenCalls + this.stats.modelCalls;
  }

  cost(): number {
    return this.writtenCost + this.stats.costUsd;
  }

  /**
   * Whether one more answer may be issued while `calling` answers still make their calls:
   * each of them may still make CALLS_PER_ANSWER calls (counted conservatively), and the money
   * they will cost is estimated at the run's average cost per call so far. False marks the cap reached.
   */
  allowsAnswer(calling: number, calls = CALLS_PER_ANSWER): boolean {
    const { maxCalls, maxCostUsd } = this.run;
    const reserve = (calling * CALLS_PER_ANSWER) + calls;
    if (maxCalls !== null && this.calls() + reserve > maxCalls) return this.hit();
    if (maxCostUsd !== null) {
      const perCall = this.calls() > 0 ? this.cost() / this.calls() : 0;
      if (this.cost() >= maxCostUsd || this.cost() + perCall * reserve > maxCostUsd) return this.hit();
    }
    return true;
  }

  private hit(): false {
    this.reached = true;
    return false;
  }

  /** Takes the unwritten counters out of `stats`, as Prisma increments; `commit` or `restore` it after the write. */
  take(): { data: Record<string, { increment: number }>; commit: () => void; restore: () => void } {
    const d: Delta = { ...this.stats };
    for (const k of Object.keys(this.stats) as (keyof CallStats)[]) this.stats[k] -= d[k];
    const data: Record<string, { increment: number }> = {
      modelCalls: { increment: d.modelCalls }, cacheHits: { increment: d.cacheHits },
      promptTokens: { increment: d.promptTokens }, completionTokens: { increment: d.completionTokens },
    };
    if (this.priced) data.costUsd = { increment: d.costUsd };
    return {
      data,
      commit: () => {
        this.writtenCalls += d.modelCalls;
        this.writtenCost += d.costUsd;
      },
      restore: () => {
        for (const k of Object.keys(this.stats) as (keyof CallStats)[]) this.stats[k] += d[k];
      },
    };
  }

  /** Writes the counters alone, whoever holds the run now: calls that were paid are counted even after a cancel. */
  async flush(): Promise<void> {
    const delta = this.take();
    try {
      await db.probeRun.updateMany({ where: { id: this.run.id }, data: delta.data });
      delta.commit();
    } catch (e) {
      delta.restore();
      throw e;
    }
  }
}
