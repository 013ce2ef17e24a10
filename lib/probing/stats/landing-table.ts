import type { Rng, SummaryPart } from "@/lib/probing/random";
import { shift, type ShiftSummary } from "@/lib/probing/stats/shift";
import { finiteValues, summarize, type BootstrapOptions, type Summary } from "@/lib/probing/stats/summarize";
import type { ScoreRow } from "@/lib/probing/stats/correlation";

// The per-trait table every report view reads: target, landing, baseline and
// the shift between them. Which answers count for a trait is the caller's
// choice (recommended: the judge's scores for that trait on answers to the
// trait's own probe items); this module only does the arithmetic.

export type LandingRow = {
  key: string;
  /** The designer's target (0–100); absent for watched but untargeted traits. */
  target?: number;
  landing: Summary;
  baseline: Summary;
  shift: ShiftSummary;
};

export type LandingTableInput = {
  keys: readonly string[];
  targets?: Readonly<Record<string, number | undefined>>;
  /** Judged scores per trait under the persona's prompt. */
  landing: Readonly<Record<string, readonly (number | null)[] | undefined>>;
  /** Judged scores per trait under the neutral assistant prompt. */
  baseline: Readonly<Record<string, readonly (number | null)[] | undefined>>;
};

/** Scores per trait from answer rows, nulls ("not applicable") dropped. */
export function scoresByTrait(rows: readonly ScoreRow[], keys: readonly string[]): Record<string, number[]> {
  return Object.fromEntries(keys.map((k) => [k, finiteValues(rows.map((row) => row[k]))]));
}

export type RngFactory = (key: string, part: SummaryPart) => Rng;

/**
 * `rng` gives the generator for each trait's summaries: `() => shared` for one
 * stream, or perTraitRng() so every interval is a function of its own scores
 * and matches the adaptive planner's stopping computation exactly.
 */
export function landingTable(input: LandingTableInput, rng: RngFactory, options: BootstrapOptions = {}): LandingRow[] {
  return input.keys.map((key) => {
    const landing = finiteValues(input.landing[key] ?? []);
    const baseline = finiteValues(input.baseline[key] ?? []);
    const target = input.targets?.[key];
    return {
      key,
      ...(target === undefined ? {} : { target }),
      landing: summarize(landing, rng(key, "landing"), options),
      baseline: summarize(baseline, rng(key, "baseline"), options),
      shift: shift(landing, baseline, rng(key, "shift"), options),
    };
  });
}
