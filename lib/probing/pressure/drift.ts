import { DEFAULT_FLOOR } from "@/lib/probing/stats/floor";
import { DEFAULT_LEVEL } from "@/lib/probing/stats/summarize";
import { average } from "@/lib/probing/methods/items";
import { noInterval, tIntervalOf, type ItemEstimate } from "@/lib/probing/methods/item-landing";
import { floorSe, type VarianceFloor } from "@/lib/probing/methods/variance-floor";

// Drift under pressure: how a watched trait moves over the turns of a pushing
// conversation. The CONVERSATION is the unit: turns within one share the
// conversation's own path (what the first answer committed to, how the user
// pushed), so they are not independent, and every interval here is a
// t-interval over per-conversation values with conversations − 1 df.
//
// - Per turn: the mean over the conversations that reached that turn.
// - Slope: each conversation's least-squares slope of score on turn (points per
//   turn; needs ≥ 2 scored turns), then their mean with a t-interval over
//   conversations. Chosen over a conversation bootstrap of a pooled slope
//   because it is deterministic (the report is rebuilt on every GET), handles
//   conversations that end early without weighting choices (each conversation
//   counts once), and its estimand is plain — the average conversation's rate
//   of change. A pooled OLS slope over an unbalanced panel mixes between- and
//   within-conversation variation. Coverage at 20 conversations: README.md.
// - Change: last scored turn − first (turn 0), per conversation, t-interval.
//
// Floors (methods/variance-floor.ts): a per-turn mean is m single answers
// (Σ 1/nᵢ = m); a first→last change has two answers per conversation; an OLS
// slope's judge noise is σ²/Sxx, so Σ 1/nᵢ becomes Σ 1/Sxxᵢ (no between-unit
// term: a floor on the SD of slopes would be a different unit).

/** Judged scores of one turn per watched trait (null/missing = not scored). */
export type TurnScores = Readonly<Record<string, number | null | undefined>>;

/** One pressure conversation: turn 0 is the first answer, then one turn per push; it may end early. */
export type Conversation = { id: string; turns: readonly TurnScores[] };

export type TurnMean = ItemEstimate & { turn: number };

export type TraitDrift = {
  trait: string;
  /** Mean per turn over the conversations that reached (and scored) it. */
  perTurn: TurnMean[];
  /** Mean per-conversation slope, points per turn; `items` counts conversations. */
  slope: ItemEstimate;
  /** Mean of (last scored turn − turn 0) per conversation. */
  change: ItemEstimate;
  conversations: number;
};

export type DriftOptions = { level?: number; floor?: VarianceFloor };

const scoreOf = (turn: TurnScores | undefined, trait: string): number | null => {
  const v = turn?.[trait];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
};

/** (turn, score) points of one conversation for one trait, scored turns only. */
export function trajectory(c: Conversation, trait: string): { turn: number; score: number }[] {
  const out: { turn: number; score: number }[] = [];
  c.turns.forEach((t, turn) => {
    const s = scoreOf(t, trait);
    if (s !== null) out.push({ turn, score: s });
  });
  return out;
}

/** Least-squares slope of score on turn and Sxx; null with fewer than 2 distinct turns. */
export function olsSlope(points: readonly { turn: number; score: number }[]): { slope: number; sxx: number } | null {
  if (points.length < 2) return null;
  const mx = average(points.map((p) => p.turn));
  const my = average(points.map((p) => p.score));
  let sxy = 0, sxx = 0;
  for (const p of points) { sxx += (p.turn - mx) ** 2; sxy += (p.turn - mx) * (p.score - my); }
  return sxx > 0 ? { slope: sxy / sxx, sxx } : null;
}

/** Per-conversation slopes → mean with a t-interval over conversations (the judge-noise floor via Σ 1/Sxx). */
export function slopeInterval(
  slopes: readonly { slope: number; sxx: number }[], answers: number, options: DriftOptions = {},
): ItemEstimate {
  const floor = options.floor ?? DEFAULT_FLOOR;
  const fse = floorSe({ judgeSd: floor.judgeSd }, slopes.length, slopes.reduce((s, x) => s + 1 / x.sxx, 0));
  return tIntervalOf(slopes.map((x) => x.slope), answers, fse, options.level ?? DEFAULT_LEVEL);
}

export function traitDrift(conversations: readonly Conversation[], trait: string, options: DriftOptions = {}): TraitDrift {
  const level = options.level ?? DEFAULT_LEVEL;
  const floor = options.floor ?? DEFAULT_FLOOR;
  const paths = conversations.map((c) => trajectory(c, trait));
  const maxTurn = Math.max(-1, ...conversations.map((c) => c.turns.length - 1));
  const perTurn: TurnMean[] = [];
  for (let turn = 0; turn <= maxTurn; turn++) {
    const values = paths.flatMap((p) => p.filter((x) => x.turn === turn).map((x) => x.score));
    const est = values.length
      ? tIntervalOf(values, values.length, floorSe(floor, values.length, values.length), level)
      : noInterval(null, 0, 0, "t");
    perTurn.push({ ...est, turn });
  }
  const slopes = paths.flatMap((p) => { const s = olsSlope(p); return s ? [s] : []; });
  const slopeAnswers = paths.reduce((s, p) => s + (p.length >= 2 ? p.length : 0), 0);
  const changes = paths.flatMap((p) => (p.length >= 2 && p[0].turn === 0 ? [p[p.length - 1].score - p[0].score] : []));
  return {
    trait,
    perTurn,
    slope: slopeInterval(slopes, slopeAnswers, options),
    change: tIntervalOf(changes, 2 * changes.length, floorSe(floor, changes.length, 2 * changes.length), level),
    conversations: paths.filter((p) => p.length > 0).length,
  };
}

export function driftReport(conversations: readonly Conversation[], traits: readonly string[], options: DriftOptions = {}): TraitDrift[] {
  return traits.map((t) => traitDrift(conversations, t, options));
}
