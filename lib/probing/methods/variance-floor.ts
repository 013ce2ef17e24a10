// The variance floor: the smallest standard error an item-level estimate may
// claim. Without it a "sticky" judge (same score for every answer to every
// item) or a coarse one (rounds to 10) produces item means that agree exactly,
// a sample SD of 0, and a "precise ±0" interval — in the issue-11 review 27%
// of runs stopped that way. The data cannot show variance the instrument is
// unable to register, so the floor brings it in from outside:
//
//   SE²_floor = τ²_min / m  +  σ²_judge · (1/m²) · Σᵢ 1/nᵢ
//
// for the mean of m item means with nᵢ answers in item i — the variance of
// that mean under a random-effects model with item SD τ and answer-level noise
// σ (for a paired shift, Σᵢ (1/nᵢᴬ + 1/nᵢᴮ) and τ = SD of per-item shifts).
//
// - betweenItemSd (τ_min): the smallest item-to-item SD we are willing to
//   believe, e.g. the lower quartile of the item SDs this trait showed in
//   earlier runs on any model, or a fixed prior (a few points).
// - judgeSd (σ_judge): the judge's own noise, from test–retest
//   (testRetest().withinSd in reliability.ts). It is never below
//   roundingSd(step) for a judge that only uses multiples of `step`: rounding
//   is noise the judge adds whether or not it shows in one run.
//
// The floor widens an interval symmetrically around the estimate; it never
// narrows one. It is a guard, not an estimate: with an honest judge and
// several items the data's own spread is larger and the floor is inactive.

export type VarianceFloor = {
  /** Smallest believable SD between items (or between per-item shifts), in score points. */
  betweenItemSd?: number;
  /** The judge's test–retest SD for one answer, in score points. */
  judgeSd?: number;
};

/** SD of the error a judge adds by rounding to multiples of `step` (uniform rounding error: step/√12). */
export const roundingSd = (step: number): number => step / Math.sqrt(12);

/**
 * The floor standard error for a mean over m items, where `sumInverseN` is
 * Σᵢ 1/nᵢ over the items (Σᵢ (1/nᵢᴬ + 1/nᵢᴮ) for a paired difference).
 */
export function floorSe(floor: VarianceFloor | undefined, m: number, sumInverseN: number): number {
  if (!floor || m <= 0) return 0;
  const tau = floor.betweenItemSd ?? 0;
  const sigma = floor.judgeSd ?? 0;
  return Math.sqrt((tau * tau) / m + (sigma * sigma * sumInverseN) / (m * m));
}

/** Widen [lo, hi] to at least estimate ± minHalfWidth; says whether it had to. */
export function applyFloor(estimate: number, lo: number, hi: number, minHalfWidth: number): { lo: number; hi: number; floored: boolean } {
  const fLo = Math.min(lo, estimate - minHalfWidth);
  const fHi = Math.max(hi, estimate + minHalfWidth);
  return { lo: fLo, hi: fHi, floored: fLo < lo || fHi > hi };
}
