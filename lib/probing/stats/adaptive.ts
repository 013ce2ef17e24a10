import { perTraitRng, type Rng } from "@/lib/probing/random";
import { DEFAULT_LEVEL, DEFAULT_RESAMPLES, summarize } from "@/lib/probing/stats/summarize";

// Adaptive sampling: keep asking a trait's probe items until its landing
// interval is narrow enough or its budget is spent. A pure planner the worker
// calls again whenever results arrive: it reads what has been issued and
// scored so far and says which traits are finished and what to ask next.
//
// Items are visited round-robin (always the least-asked item next) so a trait
// that stops early has still seen its items evenly. By default a trait is not
// "precise" before it has at least one scored answer per item: the landing
// estimates the mean over the whole item set, and an interval from a few items
// says nothing about the others (item-to-item differences are real for real
// models, and the bootstrap treats answers as exchangeable).

export type TraitSampling = {
  key: string;
  /** Requests issued so far per probe item (answered, in flight or failed for good); length = number of items. */
  issuedPerItem: readonly number[];
  /** Of the issued requests, how many have not come back yet (default 0). */
  pending?: number;
  /** The judge's scores for this trait from the answers that came back (nulls dropped). */
  scores: readonly number[];
};

export type SamplingConfig = {
  /** Stop once the interval half-width is at most this many points. */
  targetHalfWidth: number;
  /** At most this many requests per trait. */
  budget: number;
  /** Never call a trait precise on fewer scored answers than this. */
  minN: number;
  /** Also require at least as many scored answers as the trait has items. */
  coverItems: boolean;
  /** Cap on requests per trait per call (e.g. to keep a progress bar moving); default unlimited. */
  maxBatch?: number;
  level?: number;
  resamples?: number;
};

export const DEFAULT_SAMPLING: SamplingConfig = {
  targetHalfWidth: 5,
  budget: 120,
  minN: 6,
  coverItems: true,
  level: DEFAULT_LEVEL,
  resamples: DEFAULT_RESAMPLES,
};

export type SampleRequest = { traitKey: string; itemIndex: number; sampleIndex: number };
export type DoneReason = "precise" | "budget";
export type SamplingPlan = { done: Record<string, DoneReason>; requests: SampleRequest[] };

export function initialSampling(traits: readonly { key: string; itemCount: number }[]): TraitSampling[] {
  return traits.map((t) => ({ key: t.key, issuedPerItem: Array<number>(t.itemCount).fill(0), pending: 0, scores: [] }));
}

/** Round-robin: the least-asked item next (lowest index on ties); sampleIndex = times that item was asked before. */
export function pickItems(state: TraitSampling, count: number): SampleRequest[] {
  const issued = [...state.issuedPerItem];
  const out: SampleRequest[] = [];
  for (let c = 0; c < count && issued.length; c++) {
    let best = 0;
    for (let i = 1; i < issued.length; i++) if (issued[i] < issued[best]) best = i;
    out.push({ traitKey: state.key, itemIndex: best, sampleIndex: issued[best] });
    issued[best]++;
  }
  return out;
}

type TraitDecision = { done?: DoneReason; count: number };

function decide(state: TraitSampling, config: SamplingConfig, rng: Rng): TraitDecision {
  const itemCount = state.issuedPerItem.length;
  const issued = state.issuedPerItem.reduce((s, x) => s + x, 0);
  const pending = state.pending ?? 0;
  const n = state.scores.length;
  // Answers that came back without a score (not applicable, failed) are replaced.
  const lost = Math.max(0, issued - pending - n);
  const floorN = Math.min(config.budget, Math.max(2, config.minN, config.coverItems ? itemCount : 0));

  const summary = n >= 2 ? summarize(state.scores, rng, { level: config.level, resamples: config.resamples }) : null;
  if (summary && n >= floorN && summary.halfWidth <= config.targetHalfWidth) return { done: "precise", count: 0 };
  if (itemCount === 0 || issued >= config.budget) return pending > 0 ? { count: 0 } : { done: "budget", count: 0 };

  let want: number;
  if (!summary || n < floorN || !Number.isFinite(summary.halfWidth)) {
    want = floorN + lost;
  } else {
    // Half-width shrinks like 1/√n: n · (h/target)² answers should reach the
    // target. Growth is capped at doubling per step, because a small sample's
    // spread is itself a noisy guess.
    const needed = Math.ceil(n * (summary.halfWidth / config.targetHalfWidth) ** 2);
    want = Math.min(needed, 2 * n) + lost;
  }
  let count = Math.min(want - issued, config.budget - issued, config.maxBatch ?? Infinity);
  if (count <= 0) count = pending > 0 ? 0 : 1; // wait for results in flight, or take one more step
  return { count };
}

/**
 * What to do next. A trait is in `done` ("precise" or "budget") or has
 * requests in `requests`, or neither: it waits for results in flight. When
 * `requests` is empty and nothing is pending, every trait is done.
 *
 * Without `rng`, each trait's bootstrap uses perTraitRng()(key, "landing"),
 * so a report built with landingTable(…, perTraitRng()) shows exactly the
 * half-width sampling stopped on (bootstrap noise is ~2% of the width).
 */
export function nextRequests(states: readonly TraitSampling[], config: Partial<SamplingConfig> = {}, rng?: Rng): SamplingPlan {
  const full: SamplingConfig = { ...DEFAULT_SAMPLING, ...config };
  const rngOf = rng ? () => rng : (key: string) => perTraitRng()(key, "landing");
  const done: Record<string, DoneReason> = {};
  const requests: SampleRequest[] = [];
  for (const state of states) {
    const decision = decide(state, full, rngOf(state.key));
    if (decision.done) done[state.key] = decision.done;
    else requests.push(...pickItems(state, decision.count));
  }
  return { done, requests };
}

/** Every request of a fixed plan: `samplesPerItem` answers to every item of every trait. */
export function fixedPlanRequests(traits: readonly { key: string; itemCount: number }[], samplesPerItem = 10): SampleRequest[] {
  return traits.flatMap((t) =>
    Array.from({ length: t.itemCount * samplesPerItem }, (_, i) => ({
      traitKey: t.key, itemIndex: i % t.itemCount, sampleIndex: Math.floor(i / t.itemCount),
    })));
}

/** Answers a fixed plan costs (each answer is one target call plus one judge call). */
export function fixedPlanCalls(traits: readonly { key: string; itemCount: number }[], samplesPerItem = 10): number {
  return traits.reduce((s, t) => s + t.itemCount * samplesPerItem, 0);
}
