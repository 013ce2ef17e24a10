import { roundingSd, type VarianceFloor } from "@/lib/probing/methods/variance-floor";

// The variance floor every landing, baseline and shift interval gets (see
// methods/variance-floor.ts for the formula). The data cannot show variance the
// instrument cannot register: a sticky judge that gives every answer the same
// score, or a coarse one that rounds to 10, makes item means agree exactly and
// would otherwise yield a "precise ±0" (27% of runs in the issue-11 review).
//
// - judgeSd = roundingSd(10) ≈ 2.9 points: the judge writes 0–100, and real
//   judges mostly use multiples of 5 or 10 (the adversarial simulator's judge
//   rounds to 10). Until the judge's test–retest noise is measured, assume the
//   coarsest common step; rounding is noise the judge adds whether or not it
//   shows in one run.
// - betweenItemSd = 2 points: the smallest item-to-item SD (or SD of per-item
//   shifts) we are willing to believe — a fifth of the 10-point tolerance and
//   below the judge's own step. Real prompts differ by far more (5–15 points in
//   the simulator's adversarial worlds), so the floor binds only when the data
//   show next to no spread, which is exactly the sticky-judge case.
//
// With 12 items answered once each this floors a landing at ±2.2 and a shift at
// ±3.2: far under the planner's ±5 target and the 8-point leakage threshold, so
// it never blocks an honest "precise", only a degenerate one.

export const DEFAULT_FLOOR: Readonly<VarianceFloor> = { judgeSd: roundingSd(10), betweenItemSd: 2 };

export type LandingOptions = {
  /** Interval level (default 0.95). */
  level?: number;
  /** Variance floor (default DEFAULT_FLOOR); `{}` for none. */
  floor?: VarianceFloor;
};
