import type { DiversityGain } from "@/lib/probing/panel/gain";
import type { DivergenceReport } from "@/lib/probing/panel/divergence";
import type { PolarityResult } from "@/lib/probing/panel/polarity";
import type { PanelInterval } from "@/lib/probing/panel/intervals";

// The served panel report (issue 13 §4–6): what GET …/panel-runs/{id}/report
// returns, the share page shows and the CLI gates on. Assembled by
// panel-report.ts from the member runs' judged answers and the judge's
// guesses; JSON-safe (no Infinity: a missing interval is null). Methods:
// docs/methods.md §12.

/** Blind distinguishability of one pair on one arm: the judge attributed `n` answers (half from each member). */
export type DistinguishPair = {
  a: string;
  b: string;
  n: number;
  correct: number;
  /** correct / n with its exact (Clopper–Pearson) interval at the report level; all null when n = 0. */
  accuracy: { estimate: number | null; lo: number | null; hi: number | null };
  /** One-sided exact binomial p of "the judge does no better than chance (0.5)", and BH-adjusted over the arm's pairs. */
  p: number | null;
  q: number | null;
  /** "told apart": q ≤ α; "not told apart": the interval's upper bound < 0.75 (at best a weak signal); else "inconclusive". */
  status: "told apart" | "not told apart" | "inconclusive";
  /** Answers the judge's output named neither member (counted as wrong: a refusal to choose is not a correct guess). */
  undecided: number;
};

export type PanelFlagKind = "costume" | "polarity" | "indistinguishable";

/** A finding a designer acts on; `kind` is what `persona-studio panel --fail-on` names. */
export type PanelFlag = {
  kind: PanelFlagKind;
  arm: string;
  members: string[];
  /** One plain sentence with the numbers, e.g. "Skeptic and Doubter land the same on every trait (within ±5): a costume change". */
  message: string;
};

export type PanelArmReport = {
  arm: string;
  label: string;
  /** member key → seat label on this arm. */
  seats: Record<string, string>;
  divergence: DivergenceReport;
  polarity: PolarityResult[];
  distinguish: DistinguishPair[];
  /** Per panel group (e.g. an axis of the axes experiment): the group's own effective positions and mean distance. */
  groups: { name: string; members: string[]; effectivePositions: PanelInterval; meanDistance: PanelInterval }[];
  flags: PanelFlag[];
};

export type PanelReport = {
  methodVersion: string;
  /** false while member runs or the distinguishability pass are still going (partial report). */
  final: boolean;
  watched: string[];
  traitLabels: Record<string, string>;
  members: { key: string; name: string }[];
  arms: PanelArmReport[];
  /** The ceiling experiment: routed − single, null for a divergence run. */
  gain: DiversityGain | null;
  /** Every arm's flags, in arm order. */
  flags: PanelFlag[];
  /** Plain sentences: items left out, members with too few answers, a self-judged seat, etc. */
  notes: string[];
};
