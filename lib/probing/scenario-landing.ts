import type { Check } from "@/lib/schemas/scenario";
import { itemLandingT, type ItemEstimate } from "@/lib/probing/methods/item-landing";
import type { ItemScores } from "@/lib/probing/methods/items";
import { tQuantile } from "@/lib/probing/methods/t-distribution";
import { DEFAULT_FLOOR } from "@/lib/probing/stats/floor";
import { pairedShift, toSummary } from "@/lib/probing/stats/landing-table";
import type { ShiftSummary } from "@/lib/probing/stats/shift";
import type { Summary } from "@/lib/probing/stats/summarize";

// "Landing in the persona's domain" (issue 12 §2): the watched traits measured
// on the persona's own scenarios (spec.scenarios, frozen into the run), beside
// their landing on the library items ("general").
//
// The estimand is the mean over THESE scenarios — a fixed set the designer
// chose — not a population of conversations. Each scenario is one item (asked
// once per arm), so the t-interval over scenarios (with the same variance
// floor as every landing) describes the answer noise and the persona ×
// scenario interaction over this set; it does not generalise to scenarios the
// designer did not write. The shift is persona − baseline, paired by scenario.
//
// General vs scenarios: the two landings rest on different items (the trait's
// library items vs the scenarios), so their difference is unpaired: Welch's
// t-interval from the two standard errors. "Clearly different" means that
// interval excludes 0 and the difference is at least CLEAR_GAP points.

/**
 * ProbeAnswer.traitKey of a scenario answer (its itemIndex is the scenario's
 * index in the run's frozen list). Outside the trait-key pattern
 * (/^[a-z][a-z0-9_]{1,39}$/), so no built-in or custom trait can ever share it.
 */
export const SCENARIO_TRAIT_KEY = "@scenario";

/** At least this many points apart (and an interval excluding 0) before the report says they differ. */
export const CLEAR_GAP = 5;

/**
 * A scenario as frozen into a run (ProbeRun.config.scenarios): what is sent,
 * and its deterministic checks (graded on the answers, never sent); never the
 * note or tags.
 */
export type FrozenScenario = { id: string; message: string; context?: { role: "user" | "assistant"; content: string }[]; checks?: Check[] };

/** A judged scenario answer: itemIndex = the scenario's index in the frozen list. */
export type ScenarioAnswer = { itemIndex: number; scores: Readonly<Record<string, number | null | undefined>> };

export type GeneralVsScenarios = {
  /** Scenarios − general (points); null without both landings. */
  difference: number | null;
  lo: number | null;
  hi: number | null;
  /** The interval excludes 0 and |difference| ≥ CLEAR_GAP. */
  clear: boolean;
};

export type ScenarioRow = {
  key: string;
  /** Mean over the scenarios of the persona's scores, t-interval over scenarios. */
  landing: Summary;
  /** The neutral baseline on the same scenarios. */
  baseline: Summary;
  /** Persona − baseline, paired by scenario. */
  shift: ShiftSummary;
  /** Scenarios with a scored persona answer for this trait. */
  n: number;
  /** Against the trait's general landing (its library items). */
  vsGeneral: GeneralVsScenarios;
};

/** A trait's scores per scenario (item id = the scenario's index). */
export function scenarioScores(answers: readonly ScenarioAnswer[], key: string): ItemScores {
  const out: Record<string, (number | null | undefined)[]> = {};
  for (const a of answers) (out[String(a.itemIndex)] ??= []).push(a.scores[key] ?? null);
  return out;
}

const estimateOf = (scores: ItemScores): ItemEstimate => itemLandingT(scores, { floor: DEFAULT_FLOOR });

/** Welch's interval for scenarios − general from the two item-level estimates. */
export function generalVsScenarios(general: ItemEstimate, scenarios: ItemEstimate, level = 0.95): GeneralVsScenarios {
  if (general.estimate === null || scenarios.estimate === null) return { difference: null, lo: null, hi: null, clear: false };
  const difference = scenarios.estimate - general.estimate;
  if (general.se === null || scenarios.se === null || general.df < 1 || scenarios.df < 1) return { difference, lo: null, hi: null, clear: false };
  const vg = general.se ** 2, vs = scenarios.se ** 2;
  const se = Math.sqrt(vg + vs);
  const df = (vg + vs) ** 2 / (vg ** 2 / general.df + vs ** 2 / scenarios.df);
  const q = tQuantile(1 - (1 - level) / 2, df);
  const lo = difference - q * se, hi = difference + q * se;
  return { difference, lo, hi, clear: (lo > 0 || hi < 0) && Math.abs(difference) >= CLEAR_GAP };
}

export type ScenarioLandingInput = {
  keys: readonly string[];
  /** Scored scenario answers per arm. */
  persona: readonly ScenarioAnswer[];
  baseline: readonly ScenarioAnswer[];
  /** Each trait's general landing evidence: the persona's scores on its own library items, by item id. */
  general: Readonly<Record<string, ItemScores | undefined>>;
};

/** One row per watched trait: its landing over the scenarios, the shift from baseline, and general vs scenarios. */
export function scenarioLandingRows(input: ScenarioLandingInput): ScenarioRow[] {
  return input.keys.map((key) => {
    const persona = scenarioScores(input.persona, key);
    const baseline = scenarioScores(input.baseline, key);
    const landing = estimateOf(persona);
    return {
      key,
      landing: toSummary(landing),
      baseline: toSummary(estimateOf(baseline)),
      shift: pairedShift(persona, baseline),
      n: landing.items,
      vsGeneral: generalVsScenarios(estimateOf(input.general[key] ?? {}), landing),
    };
  });
}

/** The plain sentence the report shows when general and scenarios differ clearly; null otherwise. */
export function scenarioGapSentence(name: string, general: number | null, row: Pick<ScenarioRow, "landing" | "vsGeneral">): string | null {
  const v = row.vsGeneral;
  if (!v.clear || v.difference === null || general === null || row.landing.mean === null) return null;
  const s = Math.round(row.landing.mean), g = Math.round(general);
  return `${name} ${v.difference < 0 ? "holds less" : "comes out stronger"} in your scenarios: ${s} vs ${g} in general`;
}
