// Grouping answers into items (the unit of every interval), shared by the
// landing (report.ts) and the framing pair (pressure/framing-section.ts).

export type AnswerOnItem = { traitKey: string; itemIndex: number; scores: Readonly<Record<string, number | null | undefined>> };

/** An item id unique across traits: item 3 of "warm" is not item 3 of "firm". */
export const itemId = (a: Pick<AnswerOnItem, "traitKey" | "itemIndex">): string => `${a.traitKey}#${a.itemIndex}`;

/** Scores for `key` on its own items only, grouped by item index. */
export function ownScores(answers: readonly AnswerOnItem[], key: string): Record<string, (number | null)[]> {
  const out: Record<string, (number | null)[]> = {};
  for (const a of answers) if (a.traitKey === key) (out[String(a.itemIndex)] ??= []).push(a.scores[key] ?? null);
  return out;
}

/** Every answer's score for `key`, grouped by item over all the run's items. */
export function allScores(answers: readonly AnswerOnItem[], key: string): Record<string, (number | null)[]> {
  const out: Record<string, (number | null)[]> = {};
  for (const a of answers) (out[itemId(a)] ??= []).push(a.scores[key] ?? null);
  return out;
}
