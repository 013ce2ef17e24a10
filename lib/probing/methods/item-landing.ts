import type { Rng } from "@/lib/probing/random";
import { DEFAULT_LEVEL, DEFAULT_RESAMPLES, percentileInterval, randomIndex } from "@/lib/probing/stats/summarize";
import { average, itemGroups, sampleSd, type ItemGroup, type ItemScores } from "@/lib/probing/methods/items";
import { tQuantile } from "@/lib/probing/methods/t-distribution";
import { applyFloor, floorSe, type VarianceFloor } from "@/lib/probing/methods/variance-floor";

// A trait's landing over the population of items.
//
// Estimand: μ = E_item[ E(score | item) ] — the mean score a fresh item drawn
// from the population the library's items stand for ("prompts like these")
// would get on average, each item weighted equally however often it was asked.
// Estimator: the mean of the item means. Answers are nested in items, so the
// uncertainty comes from two sources — which items were written (τ², between
// items) and which answers the model happened to give (σ², within) — and
//   Var(μ̂) = τ²/m + σ²/m² · Σᵢ 1/nᵢ.
// The observed variance of the item means estimates exactly τ² + σ²/nᵢ
// (averaged), which is why every interval here is built from item means, with
// m − 1 degrees of freedom, never from answers as if independent.
//
// Which interval:
// - itemLandingT (default): μ̂ ± t(m−1) · s/√m over item means. Exact under
//   normal item means, robust by the CLT from ~10 items, deterministic and
//   costs no resamples (the report can be rebuilt on every GET).
// - itemLandingBootstrap: resample items (and optionally answers within
//   items). Use it to check the t-interval when item means are strongly skewed
//   or piled against 0/100 with few items, or as the template for statistics
//   that are not means. For a mean over fewer than ~15 items the percentile
//   bootstrap is too narrow (Hesterberg 2015) even with the expansion used here;
//   prefer the t-interval there.
// Both take the variance floor (variance-floor.ts) so a sticky judge cannot
// produce ±0.

export type ItemEstimate = {
  /** Point estimate (mean of item means, or of per-item differences); null when no item has a score. */
  estimate: number | null;
  lo: number | null;
  hi: number | null;
  /** (hi − lo)/2; Infinity when there is no interval (fewer than 2 items). */
  halfWidth: number;
  /** Standard error used (after the floor); null without an interval. */
  se: number | null;
  /** Degrees of freedom: items − 1. */
  df: number;
  /** Items that contributed, and answers within them. */
  items: number;
  answers: number;
  /** The variance floor, not the data, set (part of) the width. */
  floored: boolean;
  method: "t" | "bootstrap";
};

export type ItemIntervalOptions = { level?: number; floor?: VarianceFloor };

export type ItemBootstrapOptions = ItemIntervalOptions & {
  resamples?: number;
  /**
   * "keep" (default): resample items, keep each item's answers as observed.
   * "resample": two-stage — also resample answers within each drawn item.
   * Keeping is the consistent choice for a mean of item means (the item means
   * already carry their within-item noise; Davison & Hinkley 1997 §3.8,
   * Field & Welsh 2007); two-stage counts the within-item noise twice and is
   * conservative by about σ²/(m·n̄), which matters only when the judge's noise
   * dwarfs the item-to-item spread. Offered for that conservative use.
   */
  within?: "keep" | "resample";
};

export const sumInverseN = (groups: readonly { scores: readonly number[] }[]): number =>
  groups.reduce((s, g) => s + 1 / g.scores.length, 0);

/** The estimate with no interval (0 or 1 item: one item says nothing about the item population). */
export function noInterval(estimate: number | null, items: number, answers: number, method: ItemEstimate["method"]): ItemEstimate {
  return { estimate, lo: null, hi: null, halfWidth: Infinity, se: null, df: Math.max(0, items - 1), items, answers, floored: false, method };
}

/** t-interval from per-unit values (item means or per-item differences), with the floor applied. */
export function tIntervalOf(values: readonly number[], answers: number, floorSeValue: number, level: number): ItemEstimate {
  const m = values.length;
  if (m < 2) return noInterval(m ? values[0] : null, m, answers, "t");
  const estimate = average(values);
  const df = m - 1;
  const q = tQuantile(1 - (1 - level) / 2, df);
  const dataSe = sampleSd(values) / Math.sqrt(m);
  const se = Math.max(dataSe, floorSeValue);
  return {
    estimate, lo: estimate - q * se, hi: estimate + q * se, halfWidth: q * se, se, df,
    items: m, answers, floored: floorSeValue > dataSe, method: "t",
  };
}

export function itemLandingT(scores: ItemScores, options: ItemIntervalOptions = {}): ItemEstimate {
  const groups = itemGroups(scores);
  const answers = groups.reduce((s, g) => s + g.scores.length, 0);
  const floor = floorSe(options.floor, groups.length, sumInverseN(groups));
  return tIntervalOf(groups.map((g) => g.mean), answers, floor, options.level ?? DEFAULT_LEVEL);
}

/** Mean of one resample of a group's answers (with replacement). */
export function resampledMean(group: ItemGroup, rng: Rng): number {
  const n = group.scores.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += group.scores[randomIndex(rng, n)];
  return s / n;
}

/** Percentile interval (expanded for m units) from bootstrap statistics, then floored. */
export function bootstrapEstimate(
  estimate: number, stats: Float64Array, m: number, answers: number, floorSeValue: number, level: number,
): ItemEstimate {
  const { lo, hi } = percentileInterval(stats, level, m);
  const df = m - 1;
  const floored = applyFloor(estimate, lo, hi, tQuantile(1 - (1 - level) / 2, df) * floorSeValue);
  const bootSe = sampleSd(stats);
  return {
    estimate, lo: floored.lo, hi: floored.hi, halfWidth: (floored.hi - floored.lo) / 2,
    se: Math.max(bootSe, floorSeValue), df, items: m, answers, floored: floored.floored, method: "bootstrap",
  };
}

/** `resamples` bootstrap means of m items, each draw picking an item at random and taking `valueOf` it. */
export function resampleItemMeans(m: number, resamples: number, rng: Rng, valueOf: (item: number) => number): Float64Array {
  const stats = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += valueOf(randomIndex(rng, m));
    stats[b] = s / m;
  }
  return stats;
}

export function itemLandingBootstrap(scores: ItemScores, rng: Rng, options: ItemBootstrapOptions = {}): ItemEstimate {
  const groups = itemGroups(scores);
  const m = groups.length;
  const answers = groups.reduce((s, g) => s + g.scores.length, 0);
  if (m < 2) return noInterval(m ? groups[0].mean : null, m, answers, "bootstrap");
  const twoStage = options.within === "resample";
  const stats = resampleItemMeans(m, options.resamples ?? DEFAULT_RESAMPLES, rng, (i) => {
    const g = groups[i];
    return twoStage ? resampledMean(g, rng) : g.mean;
  });
  const floor = floorSe(options.floor, m, sumInverseN(groups));
  return bootstrapEstimate(average(groups.map((g) => g.mean)), stats, m, answers, floor, options.level ?? DEFAULT_LEVEL);
}
