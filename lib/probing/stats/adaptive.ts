import type { ItemScores } from "@/lib/probing/methods/items";
import type { VarianceFloor } from "@/lib/probing/methods/variance-floor";
import { DEFAULT_THRESHOLDS } from "@/lib/probing/flags/thresholds";
import { benjaminiHochberg } from "@/lib/probing/methods/multiplicity";
import { minimumEffectP } from "@/lib/probing/methods/t-distribution";
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
// `shiftEvidence` (the worker: the persona's untargeted traits, and every trait
// of the baseline arm) may also stop once it has `shiftMinItems` own items
// (default 6) and that all-items shift is within `shiftHalfWidth` (default ±5,
// never wider than the landing target). ±5 is enough because the leakage test
// is against a negligible ±2 points (a minimum-effect test,
// flags/thresholds.ts leakageNegligible), so a more precise shift does not
// make a small real drift a "leak"; against 0 (before 2026-12-instrument-v3)
// ±3 was needed to keep false leaks under 5%. One exception: a shift of 7.5
// points or more whose test has not cleared yet (by the report's own rule:
// BH across the leakage family) keeps asking down to ±2.5, so a real 10-point
// leak is decided rather than left "not enough evidence" (leakDecision). Its
// own landing is then a fixed-size t-interval over those items — wider than
// ±target, not narrowed by selection on its own spread — and the plan says so
// (`basis[key] === "shift"`). While the shift is too wide, the traits waiting
// on it share the pairs it still needs, less the answers already asked for or
// in flight in the arm (any new answer is a new pair for all of them).
//
// Completing pairs (method 2026-12-pairs-v7). A pair is an item answered in
// both arms. The persona arm asks its targeted traits' items until their
// landings reach ±target — far more items than the baseline needs — so most
// of them have no baseline answer. When a shift still needs pairs, the arm
// first asks the items the OTHER arm has answered and it has not (one answer
// makes a pair) before asking new items of its own (two answers per pair, one
// in each arm), and counts the other arm's unpaired answers as pairs on their
// way (the other arm completes them). The evidence says which arm this is
// (`side`). Item choice stays round-robin within each trait: which items are
// completed does not depend on their scores.

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
  shiftEvidence?: { persona: ItemScores; baseline: ItemScores; leak?: boolean; side?: "persona" | "baseline" };
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
  /**
   * The leakage rule the shift feeds (flags/thresholds.ts, compute-flags.ts leakageQValues): a shift of at
   * least `pursue` points whose BH q (test against ±`negligible`, over the traits whose evidence is marked
   * `leak`) has not cleared `alpha` yet is undecided, and keeps asking for pairs down to half of
   * `shiftHalfWidth`. Smaller undecided shifts (minShift ≤ |shift| < pursue) are left to the report's "not
   * enough evidence". Null: stop at ±shiftHalfWidth.
   */
  leakDecision?: { pursue: number; negligible: number; alpha: number } | null;
  /**
   * Complete pairs (see above): when a shift needs pairs, ask the items the other arm answered first, and count
   * its unpaired answers as pairs on their way. Needs the evidence's `side`. False: each arm asks its own items
   * (before 2026-12-pairs-v7).
   */
  completePairs?: boolean;
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
  shiftHalfWidth: 5,
  leakDecision: { pursue: 1.5 * DEFAULT_THRESHOLDS.leakageShift, negligible: DEFAULT_THRESHOLDS.leakageNegligible, alpha: DEFAULT_THRESHOLDS.leakageQ },
  completePairs: true,
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

/**
 * The leakage family's undecided traits, by the report's own rule (flags/compute-flags.ts leakageQValues):
 * a shift of at least `pursue` points whose Benjamini–Hochberg q (of the test against ±negligible, over the
 * traits whose shiftEvidence is marked `leak`) has not cleared `alpha` yet.
 */
function undecidedLeaks(states: readonly TraitSampling[], shifts: ReadonlyMap<TraitSampling, Shift>, config: SamplingConfig): Set<TraitSampling> {
  const rule = config.leakDecision;
  const out = new Set<TraitSampling>();
  if (!rule) return out;
  const family = states.flatMap((state) => {
    if (!state.shiftEvidence?.leak) return [];
    const s = shifts.get(state) ?? shiftOf(state, config);
    if (s.difference === null || typeof s.se !== "number" || typeof s.df !== "number") return [];
    return [{ state, d: s.difference, p: minimumEffectP(s.difference, s.se, s.df, rule.negligible) }];
  });
  const { adjusted } = benjaminiHochberg(family.map((f) => f.p), rule.alpha);
  family.forEach((f, i) => { if (Math.abs(f.d) >= rule.pursue && adjusted[i]! > rule.alpha) out.add(f.state); });
  return out;
}

/** An undecided leak asks for pairs until its shift is this fraction of shiftHalfWidth. */
const UNDECIDED_AIM = 0.5;

/** short: pairs the trait's shift still needs beyond those on their way (traits waiting on the shift only). */
type TraitDecision = { done?: DoneReason; basis?: DoneBasis; count: number; short?: number };

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
type Shift = ReturnType<typeof pairedShift>;
const shiftOf = (state: TraitSampling, config: SamplingConfig): Shift =>
  pairedShift(state.shiftEvidence!.persona, state.shiftEvidence!.baseline, { level: config.level, floor: config.floor });

/**
 * upcoming: answers of this arm on their way (each a pair); paired: pairs on their way from completing the arms'
 * unpaired answers (completePairs), of which `completing` are this arm's requests.
 */
function decide(state: TraitSampling, config: SamplingConfig, sharing = 1, upcoming = 0, undecided = false, shift?: Shift, paired = 0, completing = 0): TraitDecision {
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
  let short: number | undefined;
  if (shiftFloor !== null && items >= shiftFloor) {
    const s = shift ?? shiftOf(state, config);
    const aim = undecided ? shiftTarget * UNDECIDED_AIM : shiftTarget;
    if (Number.isFinite(s.halfWidth) && s.halfWidth <= aim) return { done: "precise", basis: "shift", count: 0 };
    // Pairs the shift still needs (∝ 1/√pairs), less the answers already on their way in this arm
    // (each is a pair too), shared among the traits waiting on it.
    const pairs = s.nItems ?? 0;
    if (Number.isFinite(s.halfWidth) && pairs >= 2) {
      short = Math.max(0, Math.ceil(pairs * (s.halfWidth / aim) ** 2 - pairs) - upcoming - paired);
      shiftWant = n + Math.ceil(short / Math.max(1, sharing));
    }
  }
  if (itemCount === 0 || issued >= config.budget) return pending > 0 ? { count: 0 } : { done: "budget", count: 0 };

  let want: number;
  if (shiftFloor !== null && items < shiftFloor) {
    // First the shift's floor of own items; the landing's floor only if the shift is not precise by then.
    want = Math.min(config.budget, Math.max(2, config.minN, shiftFloor)) + lost;
  } else if (shiftFloor !== null && Number.isFinite(shiftWant)) {
    // Past the shift's floor, this trait's share of the pairs the shift still needs (every answer of the
    // arm is a pair, so most come from the other traits' items) — not the landing's 12-item floor.
    want = shiftWant + lost;
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
  // Wait for results in flight (this trait's, or — waiting on the shift — any answer of the arm), or take one more step.
  if (count <= 0) count = pending > 0 || (shiftFloor !== null && items >= shiftFloor && upcoming + completing > 0) ? 0 : 1;
  return { count, short };
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
  // Traits that stop on their own landing decide first: the answers they ask for (and every answer in
  // flight) are pairs for the all-items shift, so the traits waiting on it ask only for what is left.
  const sharing = states.filter((s) => s.shiftEvidence).length;
  const decisions = new Map<TraitSampling, TraitDecision>();
  for (const state of states) if (!state.shiftEvidence) decisions.set(state, decide(state, full));
  const upcoming = states.reduce((s, x) => s + (x.pending ?? 0), 0)
    + [...decisions.values()].reduce((s, d) => s + (d.done ? 0 : d.count), 0);
  // Each all-items shift once per call (the leakage family's test and each trait's stop read the same one).
  const shifts = new Map(states.filter((s) => s.shiftEvidence).map((s) => [s, shiftOf(s, full)] as const));
  const undecided = undecidedLeaks(states, shifts, full);
  const decideShift = (paired: number, completing: number) => {
    for (const state of states) {
      if (state.shiftEvidence) decisions.set(state, decide(state, full, sharing, upcoming, undecided.has(state), shifts.get(state), paired, completing));
    }
  };
  decideShift(0, 0);
  // Completing pairs: the other arm's unpaired items first (one answer each), then new items for what is left.
  const issued = new Map<TraitSampling, number[]>(states.map((s) => [s, [...s.issuedPerItem]]));
  const completions: SampleRequest[] = [];
  const pool = full.completePairs ? unpairedItems(states) : null;
  if (pool) {
    const need = Math.max(0, ...[...decisions.values()].map((d) => (d.done ? 0 : d.short ?? 0)));
    const perTrait = new Map<TraitSampling, number>();
    for (const { state, itemIndex } of pool.theirs) {
      if (completions.length >= need) break;
      const asked = issued.get(state)!;
      const taken = perTrait.get(state) ?? 0;
      if (asked[itemIndex] > 0 || taken >= (full.maxBatch ?? Infinity) || asked.reduce((n, x) => n + x, 0) >= full.budget) continue;
      completions.push({ traitKey: state.key, itemIndex, sampleIndex: asked[itemIndex]++ });
      perTrait.set(state, taken + 1);
    }
    if (pool.theirs.length + pool.mine > 0) decideShift(completions.length + pool.mine, completions.length);
  }
  for (const state of states) {
    const decision = decisions.get(state)!;
    if (decision.done) done[state.key] = decision.done;
    if (decision.basis) basis[state.key] = decision.basis;
    if (!decision.done) requests.push(...pickItems({ ...state, issuedPerItem: issued.get(state)! }, decision.count));
  }
  return { done, basis, requests: [...completions, ...requests] };
}

/**
 * The arm's unpaired items (completePairs), from the shift evidence of its traits (every answer is judged on every
 * watched trait, so any trait's evidence lists every scored item of both arms): `theirs`, the other arm's scored
 * items this arm has not asked, in the order the other arm answered them; `mine`, how many of this arm's scored
 * items the other arm has not answered yet (it completes them). Null when the arm's side is not known.
 */
function unpairedItems(states: readonly TraitSampling[]): { theirs: { state: TraitSampling; itemIndex: number }[]; mine: number } | null {
  const withEvidence = states.filter((s) => s.shiftEvidence?.side);
  if (withEvidence.length === 0) return null;
  const side = withEvidence[0].shiftEvidence!.side!;
  const mineIds = new Set<string>(), theirIds = new Set<string>();
  for (const s of withEvidence) {
    const e = s.shiftEvidence!;
    for (const id of Object.keys(side === "persona" ? e.persona : e.baseline)) mineIds.add(id);
    for (const id of Object.keys(side === "persona" ? e.baseline : e.persona)) theirIds.add(id);
  }
  const byKey = new Map(states.map((s) => [s.key, s] as const));
  const theirs: { state: TraitSampling; itemIndex: number }[] = [];
  for (const id of theirIds) {
    if (mineIds.has(id)) continue;
    const cut = id.lastIndexOf("#");
    const state = byKey.get(id.slice(0, cut));
    const itemIndex = Number(id.slice(cut + 1));
    if (state && Number.isInteger(itemIndex) && itemIndex >= 0 && itemIndex < state.issuedPerItem.length) theirs.push({ state, itemIndex });
  }
  let mine = 0;
  for (const id of mineIds) if (!theirIds.has(id)) mine++;
  return { theirs, mine };
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
