import { finiteValues } from "@/lib/probing/stats/summarize";

// Answers nested in items: the shape every method in this folder reads.
// A probe asks each item several times; answers to one item share the item's
// effect (what the prompt invites), so they are not independent draws and the
// item, not the answer, is the unit that is resampled or counted in df.

/** Scores per item id (one entry per answer; null/undefined = not scored, dropped). */
export type ItemScores = Readonly<Record<string, readonly (number | null | undefined)[]>>;

/** One answer with its item and its judged scores per trait. */
export type ItemAnswer = { item: string; scores: Readonly<Record<string, number | null | undefined>> };

/** An item with at least one usable score: its id, its scores and their mean. */
export type ItemGroup = { item: string; scores: number[]; mean: number };

/**
 * Items with at least one finite score, in sorted id order so that results do
 * not depend on how the caller built the record (a seeded bootstrap then gives
 * the same interval for the same data).
 */
export function itemGroups(scores: ItemScores): ItemGroup[] {
  // Hot (the planner reads every trait's all-items shift after every answer): one pass, no copies of clean arrays.
  const out: ItemGroup[] = [];
  for (const item of Object.keys(scores).sort()) {
    const raw = scores[item];
    if (!raw || raw.length === 0) continue;
    let clean = true;
    for (let i = 0; i < raw.length; i++) if (typeof raw[i] !== "number" || !Number.isFinite(raw[i])) { clean = false; break; }
    const values = clean ? (raw as number[]) : finiteValues(raw);
    if (values.length) out.push({ item, scores: values, mean: average(values) });
  }
  return out;
}

/** Scores of one trait per item, from answers judged on several traits. */
export function scoresByItem(answers: readonly ItemAnswer[], trait: string): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const a of answers) {
    const v = a.scores[trait];
    if (typeof v === "number" && Number.isFinite(v)) (out[a.item] ??= []).push(v);
  }
  return out;
}

export function average(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s / values.length;
}

/** Sample standard deviation (n − 1); 0 for fewer than two values. */
export function sampleSd(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return 0;
  const m = average(values);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - m) ** 2;
  return Math.sqrt(ss / (n - 1));
}
