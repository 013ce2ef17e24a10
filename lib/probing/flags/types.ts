import type { Rng } from "@/lib/probing/random";
import type { CorrelationMatrix, ScoreRow } from "@/lib/probing/stats/correlation";
import type { LandingRow } from "@/lib/probing/stats/landing-table";
import type { Thresholds } from "@/lib/probing/flags/thresholds";

export type FlagKind = "tension" | "compromise" | "leakage" | "miss" | "overshoot";
export type Severity = "warn" | "alert";

export type Flag = {
  /** Stable within a report: kind plus trait keys ("tension:empathetic+firm"). */
  id: string;
  kind: FlagKind;
  traits: string[];
  severity: Severity;
  /** One plain-language line. */
  title: string;
  /** Plain language with the numbers behind the flag. */
  explanation: string;
  /** The answers that show it best, most telling first. */
  evidence: { answerIds?: string[] };
};

/** One row of the landing table, optionally with a display name (custom traits). */
export type FlagTrait = LandingRow & { name?: string };

/** One persona answer: its id and the judge's score for every watched trait. */
export type AnswerScores = { id: string; scores: ScoreRow };

export type FlagInput = {
  traits: readonly FlagTrait[];
  /** Answer-level correlations of the persona's answers (stats/correlation). */
  correlations: CorrelationMatrix;
  /** The persona's answers: evidence, and the per-answer test behind a trade-off tension. */
  answers?: readonly AnswerScores[];
  thresholds?: Partial<Thresholds>;
  /** For the pair shortfall bootstrap; defaults to a fixed seed so flags are reproducible. */
  rng?: Rng;
  /** Level of the intervals in the table, for the wording (default 0.95). */
  level?: number;
};
