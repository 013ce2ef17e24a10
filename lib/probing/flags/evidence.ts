import type { ScoreRow } from "@/lib/probing/stats/correlation";
import type { AnswerScores } from "@/lib/probing/flags/types";

// Evidence: the few answers that show a flag best. Each flag kind ranks
// answers by how strongly they display the problem; answers missing a needed
// score are skipped.

export type AnswerRank = (scores: ScoreRow) => number | null;

const score = (row: ScoreRow, key: string): number | null => {
  const v = row[key];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
};

/** Ids of the `count` answers ranked highest (input order on ties). */
export function evidenceFor(answers: readonly AnswerScores[] | undefined, rank: AnswerRank, count = 3): string[] {
  if (!answers?.length || count <= 0) return [];
  return answers
    .map((a, i) => ({ id: a.id, i, value: rank(a.scores) }))
    .filter((x): x is { id: string; i: number; value: number } => x.value !== null && Number.isFinite(x.value))
    .sort((x, y) => y.value - x.value || x.i - y.i)
    .slice(0, count)
    .map((x) => x.id);
}

/** Both traits furthest below their targets, together (compromise). */
export const byJointShortfall = (a: string, targetA: number, b: string, targetB: number): AnswerRank => (row) => {
  const x = score(row, a), y = score(row, b);
  return x === null || y === null ? null : targetA - x + (targetB - y);
};

/** The winner at or above its target while the loser fades (tension: one reaches, one falls short). */
export const byWinnerOverLoser = (winner: string, targetW: number, loser: string, targetL: number): AnswerRank => (row) => {
  const w = score(row, winner), l = score(row, loser);
  return w === null || l === null ? null : w - targetW + (targetL - l);
};

/** Most negative co-movement around the means (tension: trade-off). */
export const byOpposedMovement = (a: string, meanA: number, b: string, meanB: number): AnswerRank => (row) => {
  const x = score(row, a), y = score(row, b);
  return x === null || y === null ? null : -(x - meanA) * (y - meanB);
};

/** Furthest from a reference in one direction: +1 above, −1 below (leakage from baseline, miss/overshoot from target). */
export const byDistance = (key: string, reference: number, direction: 1 | -1): AnswerRank => (row) => {
  const x = score(row, key);
  return x === null ? null : direction * (x - reference);
};
