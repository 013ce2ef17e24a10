import { CALL_TIMEOUT_MS } from "@/lib/llm/openai-compatible";

// Hung calls (issue 15): a call that never answers used to cost the whole
// configured timeout (CALL_TIMEOUT_MS, 60 s) each time; at 3% hangs a run took
// 12× as long. Each run keeps the latencies of the calls that came back, per
// provider and model, and once it has seen MIN_SAMPLES of them a call gets a
// shorter deadline: max(FLOOR_MS, FACTOR × p95 latency), never above the
// configured timeout. A call that misses it is abandoned and asked again once
// at once, under the full timeout (a long answer that is merely slow still
// completes); the abandoned attempt reached the provider, so it counts as a
// paid call.
//
// Why a deadline and not hedging (a second identical request after a delay,
// first answer wins): hedging pays for two calls on every slow call, not only
// the hung ones, doubles the load on the provider exactly when it is slow,
// takes a second per-provider slot, and a run's cap would have to reserve
// both. With a deadline a hung call costs one extra call and about the
// deadline of waiting; a healthy call costs nothing extra.

export type DeadlineOptions = {
  /** Never shorter than this (a slow model's long answers must not be cut). */
  floorMs: number;
  /** The deadline is this many times the p95 latency seen so far. */
  factor: number;
  /** Calls that must have come back (this run, this provider and model) before a deadline applies. */
  minSamples: number;
  /** Never longer than this: the configured call timeout. */
  maxMs: number;
};

export const DEADLINE_DEFAULTS: DeadlineOptions = { floorMs: 10_000, factor: 3, minSamples: 5, maxMs: CALL_TIMEOUT_MS };

/** Latencies kept per provider and model (the most recent ones). */
const WINDOW = 200;

export class CallDeadlines {
  private readonly latencies = new Map<string, number[]>();
  readonly options: DeadlineOptions;

  constructor(options: Partial<DeadlineOptions> = {}) {
    this.options = { ...DEADLINE_DEFAULTS, ...options };
  }

  /** Records how long a call that came back took. */
  observe(key: string, latencyMs: number): void {
    const list = this.latencies.get(key) ?? [];
    list.push(latencyMs);
    if (list.length > WINDOW) list.shift();
    this.latencies.set(key, list);
  }

  /** The deadline for the next call to this provider and model, or null (the configured timeout applies) before MIN_SAMPLES calls came back. */
  deadline(key: string): number | null {
    const list = this.latencies.get(key);
    const { floorMs, factor, minSamples, maxMs } = this.options;
    if (!list || list.length < minSamples) return null;
    const sorted = [...list].sort((a, b) => a - b);
    const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)];
    const ms = Math.min(maxMs, Math.max(floorMs, factor * p95));
    return ms >= maxMs ? null : ms;
  }
}
