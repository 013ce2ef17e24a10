import type { Rng } from "@/lib/probing/random";
import { DEFAULT_LEVEL, DEFAULT_RESAMPLES } from "@/lib/probing/stats/summarize";
import { itemGroups, type ItemGroup, type ItemScores } from "@/lib/probing/methods/items";
import {
  bootstrapEstimate, noInterval, resampleItemMeans, resampledMean, tIntervalOf,
  type ItemBootstrapOptions, type ItemEstimate, type ItemIntervalOptions,
} from "@/lib/probing/methods/item-landing";
import { floorSe } from "@/lib/probing/methods/variance-floor";

// Shift from baseline, paired by item. Persona and baseline answer the same
// items, and an item's own effect (what it invites) is shared by both arms, so
// the per-item difference dᵢ = ȳᵢ(persona) − ȳᵢ(baseline) cancels it: the
// interval reflects persona × item interaction and answer noise, not how
// different the items are from each other. The unpaired difference of means
// carries the item variance twice and is much wider when items differ.
//
// Estimand: the mean over the item population of the per-item shift.
//
// Items present in only one arm (a cached baseline from an older item set, a
// persona scenario with no baseline, an item whose answers all failed) cannot
// be paired: they are left out of the estimate and returned by id, so the
// report can say how many were dropped. Mixing them in would reintroduce the
// item effect the pairing removes; a caller that needs them can report the
// single-arm landings beside the shift.
//
// The floor: betweenItemSd here is the smallest believable SD of per-item
// shifts (persona × item interaction); judgeSd enters through both arms
// (Σᵢ 1/nᵢᴾ + 1/nᵢᴮ).

export type PairedItemEstimate = ItemEstimate & {
  /** Item ids only the persona arm has, and only the baseline arm has (left out). */
  personaOnly: string[];
  baselineOnly: string[];
};

type Pair = { item: string; persona: ItemGroup; baseline: ItemGroup };

export function pairItems(persona: ItemScores, baseline: ItemScores): { pairs: Pair[]; personaOnly: string[]; baselineOnly: string[] } {
  const p = new Map(itemGroups(persona).map((g) => [g.item, g]));
  const b = new Map(itemGroups(baseline).map((g) => [g.item, g]));
  const pairs: Pair[] = [];
  for (const [item, g] of p) {
    const base = b.get(item);
    if (base) pairs.push({ item, persona: g, baseline: base });
  }
  return {
    pairs,
    personaOnly: [...p.keys()].filter((k) => !b.has(k)),
    baselineOnly: [...b.keys()].filter((k) => !p.has(k)),
  };
}

const pairAnswers = (pairs: readonly Pair[]) => pairs.reduce((s, x) => s + x.persona.scores.length + x.baseline.scores.length, 0);
const pairInverseN = (pairs: readonly Pair[]) =>
  pairs.reduce((s, x) => s + 1 / x.persona.scores.length + 1 / x.baseline.scores.length, 0);

/** Paired shift with a t-interval over per-item differences (the default; see item-landing.ts). */
export function pairedShiftT(persona: ItemScores, baseline: ItemScores, options: ItemIntervalOptions = {}): PairedItemEstimate {
  const { pairs, personaOnly, baselineOnly } = pairItems(persona, baseline);
  const diffs = pairs.map((x) => x.persona.mean - x.baseline.mean);
  const floor = floorSe(options.floor, pairs.length, pairInverseN(pairs));
  return { ...tIntervalOf(diffs, pairAnswers(pairs), floor, options.level ?? DEFAULT_LEVEL), personaOnly, baselineOnly };
}

/** Paired shift with the item bootstrap: an item is drawn with both its arms. */
export function pairedShiftBootstrap(
  persona: ItemScores, baseline: ItemScores, rng: Rng, options: ItemBootstrapOptions = {},
): PairedItemEstimate {
  const { pairs, personaOnly, baselineOnly } = pairItems(persona, baseline);
  const m = pairs.length;
  const answers = pairAnswers(pairs);
  const diffs = pairs.map((x) => x.persona.mean - x.baseline.mean);
  if (m < 2) return { ...noInterval(m ? diffs[0] : null, m, answers, "bootstrap"), personaOnly, baselineOnly };
  const twoStage = options.within === "resample";
  const stats = resampleItemMeans(m, options.resamples ?? DEFAULT_RESAMPLES, rng, (j) =>
    twoStage ? resampledMean(pairs[j].persona, rng) - resampledMean(pairs[j].baseline, rng) : diffs[j]);
  const floor = floorSe(options.floor, m, pairInverseN(pairs));
  const estimate = diffs.reduce((s, d) => s + d, 0) / m;
  return { ...bootstrapEstimate(estimate, stats, m, answers, floor, options.level ?? DEFAULT_LEVEL), personaOnly, baselineOnly };
}
