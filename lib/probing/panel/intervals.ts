import { DEFAULT_FLOOR } from "@/lib/probing/stats/floor";
import { DEFAULT_LEVEL, percentileInterval } from "@/lib/probing/stats/summarize";
import { tIntervalOf, type ItemEstimate } from "@/lib/probing/methods/item-landing";
import { floorSe, type VarianceFloor } from "@/lib/probing/methods/variance-floor";
import type { PanelMatrix } from "@/lib/probing/panel/matrix";

// Intervals shared by the panel modules: a bootstrap statistic's percentile
// interval, and the t-interval over items of any per-item linear contrast of
// the panel (a member's landing, a pair's difference, a polarity axis) with the
// report's variance floor — the same computation as itemLandingT/pairedShiftT
// on the common items.

/** A point estimate with a resampling interval; lo/hi null with fewer than 2 items. */
export type PanelInterval = { estimate: number; lo: number | null; hi: number | null };

export const DEFAULT_PANEL_RESAMPLES = 2000;

/**
 * The basic (reverse-percentile) bootstrap interval [2θ̂ − q_hi, 2θ̂ − q_lo],
 * read at the expanded tails of stats/summarize for m items, clamped to the
 * statistic's range. Why not the plain percentile interval the landing
 * bootstrap uses: distances are norms, biased upward by noise (E‖d̂‖² =
 * ‖d‖² + trace of its covariance), and their bootstrap distribution sits
 * further up still, so the percentile interval covers too little when members
 * are close — 82% at a true distance of 2.6 points with 20 items in our seeded
 * check, 79% at 3.5 with 10 — while the basic interval reflects the bias back
 * (91%, 88%; 93% from 5 points up, where both agree). Measured in
 * docs/methods.md §12.
 */
export function bootstrapInterval(
  estimate: number, stats: Float64Array | undefined, items: number, level = DEFAULT_LEVEL,
  range: { min?: number; max?: number } = {},
): PanelInterval {
  if (!stats || items < 2) return { estimate, lo: null, hi: null };
  const q = percentileInterval(stats, level, items);
  const clamp = (v: number) => Math.min(range.max ?? Infinity, Math.max(range.min ?? -Infinity, v));
  return { estimate, lo: clamp(2 * estimate - q.hi), hi: clamp(2 * estimate - q.lo) };
}

/**
 * t-interval over items of Σ_member weight · (member's item mean on the
 * trait-direction `direction`), e.g. weights {a: 1, b: −1} for a pair's
 * difference. `direction` is weights over the watched traits (one trait: a
 * basis vector). The floor counts each member's judge noise on the item
 * (weight² · Σ direction² / answers), as for a paired shift (judge errors
 * independent across traits assumed); a basis vector gives exactly the floor
 * of itemLandingT / pairedShiftT.
 */
export function contrastT(
  x: PanelMatrix, memberWeights: ReadonlyMap<number, number>, direction: readonly number[],
  options: { level?: number; floor?: VarianceFloor } = {},
): ItemEstimate {
  const values: number[] = [];
  let sumInverseN = 0, answers = 0;
  const directionSq = direction.reduce((s, d) => s + d * d, 0);
  x.items.forEach((_, i) => {
    let v = 0;
    for (const [member, w] of memberWeights) {
      const row = x.means[member][i];
      let proj = 0;
      for (let j = 0; j < direction.length; j++) proj += direction[j] * row[j];
      v += w * proj;
      sumInverseN += (w * w * directionSq) / x.answers[member][i];
      answers += x.answers[member][i];
    }
    values.push(v);
  });
  const floor = floorSe(options.floor ?? DEFAULT_FLOOR, values.length, sumInverseN);
  return tIntervalOf(values, answers, floor, options.level ?? DEFAULT_LEVEL);
}

/** The unit basis vector of trait j among T traits. */
export const basis = (t: number, j: number): number[] => Array.from({ length: t }, (_, k) => (k === j ? 1 : 0));
