import type { Rng } from "@/lib/probing/random";
import {
  DEFAULT_LEVEL, DEFAULT_RESAMPLES, finiteValues, mean, percentileInterval, randomIndex, type BootstrapOptions,
} from "@/lib/probing/stats/summarize";

// The report's shift is paired by item (landing-table.ts pairedShift); this
// unpaired answer-level version is kept for comparisons in tests and benches.
//
// Shift from baseline: landing mean − baseline mean, with a bootstrap interval
// that resamples the two samples independently (they are different answers to
// the same items under different prompts). The small-sample expansion uses the
// smaller sample's size, which is conservative.

export type ShiftSummary = {
  /** Landing mean − baseline mean; null when either sample is empty. */
  difference: number | null;
  lo: number | null;
  hi: number | null;
  halfWidth: number;
  /** The interval lies entirely above or entirely below 0. */
  excludesZero: boolean;
  nLanding: number;
  nBaseline: number;
  /** Items answered in both arms (the unit of the paired shift). */
  nItems?: number;
  /** Two-sided p-value of "no shift" from the paired t (null without an interval); leakage tests it. */
  pValue?: number | null;
  /** Standard error and degrees of freedom of the paired t (items − 1): the equivalence test (TOST) reads them. */
  se?: number | null;
  df?: number;
};

export function shift(landingIn: readonly number[], baselineIn: readonly number[], rng: Rng, options: BootstrapOptions = {}): ShiftSummary {
  const landing = finiteValues(landingIn);
  const baseline = finiteValues(baselineIn);
  const nL = landing.length;
  const nB = baseline.length;
  const difference = nL && nB ? mean(landing) - mean(baseline) : null;
  if (nL < 2 || nB < 2) {
    return { difference, lo: null, hi: null, halfWidth: Infinity, excludesZero: false, nLanding: nL, nBaseline: nB };
  }
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const stats = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    let sL = 0;
    for (let i = 0; i < nL; i++) sL += landing[randomIndex(rng, nL)];
    let sB = 0;
    for (let i = 0; i < nB; i++) sB += baseline[randomIndex(rng, nB)];
    stats[b] = sL / nL - sB / nB;
  }
  const { lo, hi } = percentileInterval(stats, options.level ?? DEFAULT_LEVEL, Math.min(nL, nB));
  return { difference, lo, hi, halfWidth: (hi - lo) / 2, excludesZero: lo > 0 || hi < 0, nLanding: nL, nBaseline: nB };
}
