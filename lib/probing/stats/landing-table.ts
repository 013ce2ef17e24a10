import { itemLandingT, type ItemEstimate } from "@/lib/probing/methods/item-landing";
import { pairedShiftT } from "@/lib/probing/methods/paired-shift";
import type { ItemScores } from "@/lib/probing/methods/items";
import { twoSidedP } from "@/lib/probing/methods/t-distribution";
import { DEFAULT_FLOOR, type LandingOptions } from "@/lib/probing/stats/floor";
import type { ShiftSummary } from "@/lib/probing/stats/shift";
import { finiteValues, type Summary } from "@/lib/probing/stats/summarize";
import type { ScoreRow } from "@/lib/probing/stats/correlation";

// The per-trait table every report view reads: target, landing, baseline and
// the shift between them. The unit is the item (answers nested in items): a
// landing is the mean of item means with a t-interval over item means, and the
// shift is paired by item (lib/probing/methods). Which answers count for a
// trait is the caller's choice (recommended: the judge's scores for that trait
// on answers to the trait's own probe items); this module only does the
// arithmetic. Deterministic: no resampling, so the planner's stopping width and
// the report's width are the same number.

export type LandingRow = {
  key: string;
  /** The designer's target (0–100); absent for watched but untargeted traits. */
  target?: number;
  landing: Summary;
  baseline: Summary;
  shift: ShiftSummary;
  /**
   * The shift over ALL the run's items (every answer is judged on every watched
   * trait, so an answer to any trait's item is evidence of this trait's shift):
   * leakage reads it. Absent when the caller gives no all-item scores.
   */
  leakShift?: ShiftSummary;
};

export type LandingTableInput = {
  keys: readonly string[];
  targets?: Readonly<Record<string, number | undefined>>;
  /** Judged scores per trait per item id under the persona's prompt. */
  landing: Readonly<Record<string, ItemScores | undefined>>;
  /** Judged scores per trait per item id under the neutral assistant prompt. */
  baseline: Readonly<Record<string, ItemScores | undefined>>;
  /**
   * Judged scores per trait per item over every item the run asked (any
   * trait's items, item ids unique across traits), both arms: the evidence for
   * the leakage shift. The landing stays on the trait's own items (its estimand).
   */
  allItems?: {
    landing: Readonly<Record<string, ItemScores | undefined>>;
    baseline: Readonly<Record<string, ItemScores | undefined>>;
  };
};

/** Scores per trait from answer rows, nulls ("not applicable") dropped. */
export function scoresByTrait(rows: readonly ScoreRow[], keys: readonly string[]): Record<string, number[]> {
  return Object.fromEntries(keys.map((k) => [k, finiteValues(rows.map((row) => row[k]))]));
}

/** The report's Summary shape from an item-level estimate (n = answers, nItems = items). */
export function toSummary(e: ItemEstimate): Summary {
  return { n: e.answers, nItems: e.items, mean: e.estimate, lo: e.lo, hi: e.hi, halfWidth: e.halfWidth };
}

/** A trait's landing: mean of item means, t-interval over item means, floored (see stats/floor.ts). */
export function landingSummary(scores: ItemScores, options: LandingOptions = {}): Summary {
  return toSummary(itemLandingT(scores, { level: options.level, floor: options.floor ?? DEFAULT_FLOOR }));
}

const answerCount = (scores: ItemScores): number =>
  Object.values(scores).reduce((s, v) => s + finiteValues(v ?? []).length, 0);

/** Persona − baseline, paired by item, with the two-sided p-value of "no shift" (leakage tests it). */
export function pairedShift(persona: ItemScores, baseline: ItemScores, options: LandingOptions = {}): ShiftSummary {
  const e = pairedShiftT(persona, baseline, { level: options.level, floor: options.floor ?? DEFAULT_FLOOR });
  const tested = e.estimate !== null && e.se !== null && e.lo !== null && e.hi !== null;
  return {
    difference: e.estimate, lo: e.lo, hi: e.hi, halfWidth: e.halfWidth,
    excludesZero: tested && (e.lo! > 0 || e.hi! < 0),
    nLanding: answerCount(persona), nBaseline: answerCount(baseline), nItems: e.items,
    pValue: tested ? twoSidedP(e.estimate!, e.se!, e.df) : null,
    se: tested ? e.se : null,
    df: e.df,
  };
}

export function landingTable(input: LandingTableInput, options: LandingOptions = {}): LandingRow[] {
  return input.keys.map((key) => {
    const landing = input.landing[key] ?? {};
    const baseline = input.baseline[key] ?? {};
    const target = input.targets?.[key];
    return {
      key,
      ...(target === undefined ? {} : { target }),
      landing: landingSummary(landing, options),
      baseline: landingSummary(baseline, options),
      shift: pairedShift(landing, baseline, options),
      ...(input.allItems ? { leakShift: pairedShift(input.allItems.landing[key] ?? {}, input.allItems.baseline[key] ?? {}, options) } : {}),
    };
  });
}
