import { DEFAULT_FLOOR } from "@/lib/probing/stats/floor";
import { DEFAULT_LEVEL } from "@/lib/probing/stats/summarize";
import { itemGroups, type ItemScores } from "@/lib/probing/methods/items";
import { tIntervalOf, type ItemEstimate } from "@/lib/probing/methods/item-landing";
import { pairedShiftT, type PairedItemEstimate } from "@/lib/probing/methods/paired-shift";
import { benjaminiHochberg } from "@/lib/probing/methods/multiplicity";
import { minimumEffectP, tCdf } from "@/lib/probing/methods/t-distribution";
import { floorSe, type VarianceFloor } from "@/lib/probing/methods/variance-floor";

// The framing pair: the targeted trait written as the character's NATURE
// ("You are firm…") vs as a behaviour REQUESTED in context ("the company asks
// you to apply the policy; that is the job, not who you are"), both probed on
// the same items, each against a baseline. Leakage of an arm on an untargeted
// trait is its paired shift from baseline (pairedShiftT, items as units).
//
// The comparison is paired twice over: per item i,
//   vᵢ = (Nᵢ − BNᵢ) − (Rᵢ − BRᵢ)
// (N, R = the arms' item means, BN, BR = their baselines), so an item's own
// pull cancels, and the mean of vᵢ gets a t-interval over the items all four
// share. When both arms use the same baseline (one model: the common case)
// the baseline cancels exactly and vᵢ = Nᵢ − Rᵢ, which is pairedShiftT(nature,
// requested) itself.
//
// "Requested leaks less" on a trait: nature's leakage is clear (minimum-effect
// test against `negligible`, BH across traits at α = 1 − level) AND the paired
// difference lies on nature's side of 0 (one-sided, BH across the traits that
// leak, at α/2: for one trait, the interval excludes 0 on that side). Orienting
// by nature's leak only where that leak is itself established keeps the
// false-claim rate at α when the two wordings leak alike (README.md).

export type FramingArm = {
  /** Per untargeted trait: item scores of the arm and of its baseline. */
  persona: Readonly<Record<string, ItemScores>>;
  baseline: Readonly<Record<string, ItemScores>>;
};

export type FramingOptions = { level?: number; floor?: VarianceFloor; negligible?: number };

export type FramingTrait = {
  trait: string;
  nature: PairedItemEstimate;
  requested: PairedItemEstimate;
  /** Mean per-item (nature shift − requested shift); items = items all arms share. */
  difference: ItemEstimate;
  natureLeaks: boolean;
  /** Oriented one-sided p that requested leaks less (null unless nature leaks). */
  p: number | null;
  q: number | null;
  requestedLeaksLess: boolean;
  message: string | null;
};

/** Per-item (N − BN) − (R − BR) over the items all four share, with its floor. */
export function framingDifference(
  nature: ItemScores, natureBaseline: ItemScores, requested: ItemScores, requestedBaseline: ItemScores,
  options: FramingOptions = {},
): ItemEstimate {
  const level = options.level ?? DEFAULT_LEVEL;
  const floor = options.floor ?? DEFAULT_FLOOR;
  if (natureBaseline === requestedBaseline) return pairedShiftT(nature, requested, { level, floor });
  const maps = [nature, natureBaseline, requested, requestedBaseline].map((s) => new Map(itemGroups(s).map((g) => [g.item, g])));
  const items = [...maps[0].keys()].filter((k) => maps.every((m) => m.has(k)));
  let inv = 0, answers = 0;
  const values = items.map((k) => {
    const g = maps.map((m) => m.get(k)!);
    for (const x of g) { inv += 1 / x.scores.length; answers += x.scores.length; }
    return g[0].mean - g[1].mean - (g[2].mean - g[3].mean);
  });
  return tIntervalOf(values, answers, floorSe(floor, items.length, inv), level);
}

const fmt = (v: number | null) => (v === null ? "–" : v.toFixed(0));

export function framingReport(
  traits: readonly string[], nature: FramingArm, requested: FramingArm, options: FramingOptions & { labels?: Record<string, string> } = {},
): FramingTrait[] {
  const level = options.level ?? DEFAULT_LEVEL;
  const floor = options.floor ?? DEFAULT_FLOOR;
  const alpha = 1 - level;
  const empty: ItemScores = {};
  const rows = traits.map((trait) => {
    const n = nature.persona[trait] ?? empty, bn = nature.baseline[trait] ?? empty;
    const r = requested.persona[trait] ?? empty, br = requested.baseline[trait] ?? empty;
    const natureShift = pairedShiftT(n, bn, { level, floor });
    const requestedShift = pairedShiftT(r, br, { level, floor });
    const shared = nature.baseline === requested.baseline || bn === br;
    const difference = framingDifference(n, bn, r, shared ? bn : br, { level, floor });
    const leakP = natureShift.se !== null && natureShift.estimate !== null
      ? minimumEffectP(natureShift.estimate, natureShift.se, natureShift.df, options.negligible ?? 0) : null;
    return { trait, natureShift, requestedShift, difference, leakP };
  });
  const leaks = benjaminiHochberg(rows.map((r) => r.leakP), alpha);
  const oriented = rows.map((r, i) => {
    if (!leaks.reject[i] || r.difference.estimate === null || r.difference.se === null || r.difference.se <= 0) return null;
    const sign = Math.sign(r.natureShift.estimate ?? 0);
    return 1 - tCdf((sign * r.difference.estimate) / r.difference.se, r.difference.df);
  });
  const less = benjaminiHochberg(oriented, alpha / 2);
  const pct = Math.round(level * 100);
  return rows.map((r, i) => {
    const flagged = less.reject[i];
    const name = options.labels?.[r.trait] ?? r.trait;
    const sign = Math.sign(r.natureShift.estimate ?? 0);
    const d = r.difference;
    return {
      trait: r.trait, nature: r.natureShift, requested: r.requestedShift, difference: d,
      natureLeaks: leaks.reject[i], p: oriented[i], q: less.adjusted[i], requestedLeaksLess: flagged,
      message: flagged
        ? `${name}: the requested wording leaks less — it moves ${name} ${fmt(r.requestedShift.estimate)} points against ${fmt(r.natureShift.estimate)} for the nature wording, ${fmt(sign * (d.estimate ?? 0))} points less (${pct}% interval ${fmt(sign > 0 ? d.lo : -(d.hi ?? 0))} to ${fmt(sign > 0 ? d.hi : -(d.lo ?? 0))}).`
        : null,
    };
  });
}
