import type { Rng } from "@/lib/probing/random";
import type { ItemAnswer } from "@/lib/probing/methods/items";
import type { CorrelationMatrix, ScoreRow } from "@/lib/probing/stats/correlation";
import type { LandingRow } from "@/lib/probing/stats/landing-table";
import type { Thresholds } from "@/lib/probing/flags/thresholds";
import type { Instructed, Reach } from "@/lib/probing/range";

export type FlagKind = "tension" | "compromise" | "leakage" | "miss" | "overshoot" | "caves" | "drifts-back" | "says-not-does" | "does-not-say";
export type Severity = "warn" | "alert";

/** An estimate with its interval, as a flag cites it ("warm +12 (±4)"). */
export type Estimate = { estimate: number; lo: number | null; hi: number | null; level: number };

/** TOST against ±margin on the paired shift (methods/equivalence.ts). */
export type Equivalence = { decision: "equivalent" | "not equivalent" | "inconclusive"; margin: number; p: number; lo: number; hi: number };

/** Together vs alone on the same items (single-trait control arms): together − alone, paired by item. */
export type ControlComparison = { trait: string; arm: string; alone: number | null; together: number | null } & Estimate & { items: number };

export type FlagEvidence = {
  /** The answers that show it best, most telling first. */
  answerIds?: string[];
  /** Pressure flags: the index of the conversation that shows it most. */
  conversation?: number;
  /** What the flag reads, in words ("shift over all 190 items of the run"). */
  basis?: string;
  /** The number behind the flag with its interval (shift, landing, correlation difference). */
  value?: Estimate;
  /** Benjamini–Hochberg q-value across the family tested (leakage). */
  q?: number;
  /** Equivalence test within ±the minimum size (leakage). */
  equivalence?: Equivalence;
  /** Within-item correlation: persona, baseline and persona − baseline with its interval (tension). */
  correlation?: { persona: number | null; baseline: number | null; difference: Estimate | null; items: number };
  /** The library's expected relation of the pair. */
  relation?: "reinforcing" | "neutral" | "tension";
  /** Control arms "A alone", "B alone" against the pair (compromise). Absent: no control arm ran. */
  controls?: ControlComparison[];
};

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
  evidence: FlagEvidence;
  /**
   * Leakage only: the shift is one the character type implies — a reinforcing
   * relation with a targeted trait pushed the same way (flags/expected.ts).
   * Worded "came with the character type", never an alert.
   */
  expected?: { with: string[]; reason: string };
};

/**
 * One row of the landing table, optionally with a display name (custom traits),
 * the instruction the target compiled to (its band's range of targets; absent:
 * judged against the target number) and the achievable range on this model
 * (from a range check; absent: none known). A targeted trait is judged against
 * them (range.ts judgeLanding) by the flags and the report rows alike.
 */
export type FlagTrait = LandingRow & { name?: string; instructed?: Instructed | null; achievable?: { lo: Reach; hi: Reach } | null };

/** One persona answer: its id and the judge's score for every watched trait. */
export type AnswerScores = { id: string; scores: ScoreRow };

/** One control arm (role "control", "A alone"): the trait it keeps, the partners whose targets it drops (absent: any), and its answers' scores per trait per item. */
export type ControlArm = {
  kind: string;
  label?: string;
  traits: readonly string[];
  without?: readonly string[];
  /** Judged scores per trait per item id (the same item ids as the persona's landing). */
  scores: Readonly<Record<string, Readonly<Record<string, readonly (number | null)[]>>>>;
};

export type FlagInput = {
  traits: readonly FlagTrait[];
  /** Correlations the flags may cite (the report passes the persona's within-item matrix). */
  correlations: CorrelationMatrix;
  /** The persona's answers: evidence. */
  answers?: readonly AnswerScores[];
  /**
   * Every answer of the run with its item (ids unique across traits) and all its
   * scores, persona and baseline: the within-item correlation difference behind
   * an r-based tension flag. Without it no r-based tension is raised.
   */
  itemAnswers?: { persona: readonly ItemAnswer[]; baseline: readonly ItemAnswer[] };
  /** Persona scores per trait per item (own items), to pair with control arms. */
  personaScores?: Readonly<Record<string, Readonly<Record<string, readonly (number | null)[]>>>>;
  /** Single-trait control arms; "compromise" is said only with them. */
  controls?: readonly ControlArm[];
  thresholds?: Partial<Thresholds>;
  /** For the correlation-difference bootstrap; defaults to a seed per pair so flags are reproducible. */
  rng?: Rng;
  /** Level of the intervals in the table, for the wording (default 0.95). */
  level?: number;
};
