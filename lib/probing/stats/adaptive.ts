import type { ItemScores } from "@/lib/probing/methods/items";
import type { VarianceFloor } from "@/lib/probing/methods/variance-floor";
import { DEFAULT_FLOOR } from "@/lib/probing/stats/floor";
import { landingSummary, pairedShift } from "@/lib/probing/stats/landing-table";
import { DEFAULT_LEVEL } from "@/lib/probing/stats/summarize";

// Adaptive sampling: keep asking a trait's probe items until its landing
// interval is narrow enough or its budget is spent. A pure planner the worker
// calls again whenever results arrive: it reads what has been issued and
// scored so far and says which traits are finished and what to ask next.
//
// It stops on the report's own interval (stats/landing-table.ts
// landingSummary: mean of item means, t over item means, variance floor), so
// "precise" in the report and here are the same number. Items are the unit, so
// new items beat repeats: items are visited round-robin (always the least-asked
// item next), and by default a trait is not "precise" before 12 distinct items
// (or all of them, when it has fewer) have a scored answer — the landing
// estimates the mean over the item population, item-to-item differences are
// real for real models, and a t-interval over fewer items is mostly its own
// quantile. Built-in traits have 30 items; the planner moves on to new items
// until the interval is narrow enough, so a noisy trait uses more of them.
//
// Stopping on the shift. Every answer is judged on every watched trait, and
// leakage reads the paired shift over ALL the run's items (report.ts
// leakShift), not the trait's own landing. A trait the caller gives
// `shiftEvidence` (the worker: the persona's untargeted traits and the same
// traits in the baseline arm) may also stop once it has `shiftMinItems` own
// items (default 6) and that all-items shift is within `shiftHalfWidth`
// (default ±3, never wider than the landing target). ±3, not ±5: leakage
// flags a shift whose BH q ≤ 0.05 and whose size is ≥ 5 points, and at ±4–5
// a real 2–3 point drift clears both too often (bench/efficiency.ts and the
// calibration bench measured 10–20% of "moves nothing" runs with a false leak
// at ±4–5, none at ±3). Its own landing is then a fixed-size t-interval over
// those items — wider than ±target, not narrowed by selection on its own
// spread — and the plan says so (`basis[key] === "shift"`). While the shift is
// too wide, the traits waiting on it share the pairs it still needs (any new
// answer is a new pair for all of them); otherwise a trait goes on as any.

export type TraitSampling = {
  key: string;
  /** Requests issued so far per probe item (answered, in flight or failed for good); length = number of items. */
  issuedPerItem: readonly number[];
  /** Of the issued requests, how many have not come back yet (default 0). */
  pending?: number;
  /** The judge's scores for this trait from the answers that came back (nulls dropped). */
  scores: readonly number[];
  /**
   * The item index of each score (parallel to `scores`). Without it every
   * score counts as its own item — answers treated as independent, which is
   * too narrow when items differ: callers that know the items must pass them.
   */
  scoreItems?: readonly number[];
  /**
   * The all-items paired shift's evidence for this trait (persona and baseline
   * scores of this trait on every item the run asked, item ids unique across
   * traits): when given, the trait may stop on the shift (see above).
   */
  shiftEvidence?: { persona: ItemScores; baseline: ItemScores };
};

export type SamplingConfig = {
  /** Stop once the interval half-width is at most this many points. */
  targetHalfWidth: number;
  /** At most this many requests per trait. */
  budget: number;
  /** Never call a trait precise on fewer scored answers than this. */
  minN: number;
  /** Never call a trait precise before this many distinct items (or all, if fewer) have a scored answer. */
  minItems: number;
  /** A trait with `shiftEvidence` may stop on the shift after this many own items (or all, if fewer). */
  shiftMinItems: number;
  /** … once the all-items shift's half-width is at most this (and at most targetHalfWidth). */
  shiftHalfWidth: number;
  /** Cap on requests per trait per call (e.g. to keep a progress bar moving); default unlimited. */
  maxBatch?: number;
  level?: number;
  /** Variance floor of the interval (default DEFAULT_FLOOR, as the report). */
  floor?: VarianceFloor;
};

export const DEFAULT_SAMPLING: SamplingConfig = {
  targetHalfWidth: 5,
  budget: 120,
  minN: 6,
  minItems: 12,
  shiftMinItems: 6,
  shiftHalfWidth: 3,
  level: DEFAULT_LEVEL,
  floor: DEFAULT_FLOOR,
};

export type SampleRequest = { traitKey: string; itemIndex: number; sampleIndex: number };
export type DoneReason = "precise" | "budget";
/** What a "precise" trait stopped on: its own landing's interval, or (with shiftEvidence) the all-items shift's. */
export type DoneBasis = "landing" | "shift";
export type SamplingPlan = { done: Record<string, DoneReason>; basis: Record<string, DoneBasis>; requests: SampleRequest[] };

export function initialSampling(traits: readonly { key: string; itemCount: number }[]): TraitSampling[] {
  return traits.map((t) => ({ key: t.key, issuedPerItem: Array<number>(t.itemCount).fill(0), pending: 0, scores: [], scoreItems: [] }));
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

type TraitDecision = { done?: DoneReason; basis?: DoneBasis; count: number };

/** The state's scores grouped by item index (each score its own item when the items are not given). */
export function itemScoresOf(state: TraitSampling): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  state.scores.forEach((score, i) => {
    const item = state.scoreItems ? state.scoreItems[i] : `answer-${i}`;
    (out[String(item)] ??= []).push(score);
  });
  return out;
}

/**
 * sharing: how many traits are waiting on the all-items shift (each new answer,
 * to any item, is a new pair for every trait's shift, so they share the work).
 */
function decide(state: TraitSampling, config: SamplingConfig, sharing = 1): TraitDecision {
  const itemCount = state.issuedPerItem.length;
  const issued = state.issuedPerItem.reduce((s, x) => s + x, 0);
  const pending = state.pending ?? 0;
  const n = state.scores.length;
  // Answers that came back without a score (not applicable, failed) are replaced.
  const lost = Math.max(0, issued - pending - n);
  const floorItems = Math.max(2, Math.min(itemCount, config.minItems));
  const floorN = Math.min(config.budget, Math.max(2, config.minN, floorItems));

  const summary = n >= 2 ? landingSummary(itemScoresOf(state), { level: config.level, floor: config.floor }) : null;
  const items = summary?.nItems ?? 0;
  if (summary && n >= floorN && items >= floorItems && summary.halfWidth <= config.targetHalfWidth) return { done: "precise", basis: "landing", count: 0 };
  // Stopping on the shift: enough own items for a (wider) landing, and the all-items paired shift within the target.
  const shiftFloor = state.shiftEvidence ? Math.max(2, Math.min(itemCount, config.shiftMinItems)) : null;
  const shiftTarget = Math.min(config.shiftHalfWidth, config.targetHalfWidth);
  let shiftWant = Infinity;
  if (shiftFloor !== null && items >= shiftFloor) {
    const s = pairedShift(state.shiftEvidence!.persona, state.shiftEvidence!.baseline, { level: config.level, floor: config.floor });
    if (Number.isFinite(s.halfWidth) && s.halfWidth <= shiftTarget) return { done: "precise", basis: "shift", count: 0 };
    // Pairs the shift still needs (∝ 1/√pairs), shared among the traits waiting on it.
    const pairs = s.nItems ?? 0;
    if (Number.isFinite(s.halfWidth) && pairs >= 2) shiftWant = n + Math.ceil((pairs * (s.halfWidth / shiftTarget) ** 2 - pairs) / Math.max(1, sharing));
  }
  if (itemCount === 0 || issued >= config.budget) return pending > 0 ? { count: 0 } : { done: "budget", count: 0 };

  let want: number;
  if (shiftFloor !== null && items < shiftFloor) {
    // First the shift's floor of own items; the landing's floor only if the shift is not precise by then.
    want = Math.min(config.budget, Math.max(2, config.minN, shiftFloor)) + lost;
  } else if (!summary || n < floorN || items < floorItems || !Number.isFinite(summary.halfWidth)) {
    want = floorN + lost;
  } else {
    // Half-width shrinks like 1/√n: n · (h/target)² answers should reach the
    // target (round-robin spreads them over items, least-asked first). Growth
    // is capped at doubling per step, because a small sample's spread is
    // itself a noisy guess.
    const needed = Math.ceil(n * (summary.halfWidth / config.targetHalfWidth) ** 2);
    want = Math.min(needed, 2 * n, shiftWant) + lost;
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
 * The interval is deterministic (no resampling), so a report built with
 * landingTable() from the same answers shows exactly the half-width sampling
 * stopped on.
 */
export function nextRequests(states: readonly TraitSampling[], config: Partial<SamplingConfig> = {}): SamplingPlan {
  const full: SamplingConfig = { ...DEFAULT_SAMPLING, ...config };
  const done: Record<string, DoneReason> = {};
  const basis: Record<string, DoneBasis> = {};
  const requests: SampleRequest[] = [];
  const sharing = states.filter((s) => s.shiftEvidence).length;
  for (const state of states) {
    const decision = decide(state, full, sharing);
    if (decision.done) done[state.key] = decision.done;
    if (decision.basis) basis[state.key] = decision.basis;
    if (!decision.done) requests.push(...pickItems(state, decision.count));
  }
  return { done, basis, requests };
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
