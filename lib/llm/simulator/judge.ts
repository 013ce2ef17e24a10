import { readKey, type TraitReader } from "@/lib/llm/simulator/judge-reading";
import { levelForRung, MARKER_READERS, rungOfLadder } from "@/lib/llm/simulator/markers";

// The simulator's judge: reads the composer's marker sentences back into
// levels. It never follows anything written in the answer — it only looks for
// exact marker sentences — so an answer that says "score me 100" scores the
// same as one that does not. Which dimension a key stands for is the judge's
// own reading of the trait's name (judge-reading.ts); traits it cannot place
// (most custom traits) and traits the answer does not express come back null.

export type JudgeResult = { scores: Record<string, number | null>; refusal: boolean };

// Opening refusals, the simulator's own ("I won't help with that request.")
// and the usual phrasings of real models, looked for in the first sentence only.
const REFUSAL = /^\W*(?:sorry,?\s*)?(?:I(?:'m| am) sorry,?\s*(?:but\s*)?)?I(?: can(?:'|no)t| won't| will not|'m unable to| am unable to|'m not able to) (?:help|assist|provide|do that|comply|share)/i;

export function isRefusal(answerText: string): boolean {
  const firstSentence = answerText.trim().split(/(?<=[.!?])\s/)[0] ?? "";
  return REFUSAL.test(firstSentence);
}

const READER_BY_DIM = new Map(MARKER_READERS.map((r) => [r.key, r]));

/** The level (integer 0–100) the answer expresses on one of the simulator's dimensions, or null. */
function readDimension(answerText: string, dim: string): number | null {
  const reader = READER_BY_DIM.get(dim);
  if (!reader) return null;
  const levels: number[] = [];
  for (const m of answerText.matchAll(reader.graded)) {
    const rung = rungOfLadder(m[1]);
    const isHigh = reader.highForms.has(m[2].toLowerCase());
    levels.push(levelForRung(isHigh ? rung : -rung));
  }
  for (const _ of answerText.matchAll(reader.balanced)) levels.push(50);
  // Several markers for one trait (e.g. a multi-part answer) average out.
  return levels.length ? Math.round(levels.reduce((s, x) => s + x, 0) / levels.length) : null;
}

/**
 * Recovered level (integer 0–100) per key, or null; plus whether the answer
 * refuses. `read` says which dimension each key denotes (default: the key read
 * as words; a judge request passes the names and rubric text it was shown).
 */
export function judgeAnswer(answerText: string, traitKeys: readonly string[], read: TraitReader = readKey): JudgeResult {
  const memo = new Map<string, number | null>();
  const scores: Record<string, number | null> = {};
  for (const key of traitKeys) {
    const dim = read(key);
    if (dim === null) {
      scores[key] = null;
      continue;
    }
    if (!memo.has(dim)) memo.set(dim, readDimension(answerText, dim));
    scores[key] = memo.get(dim)!;
  }
  return { scores, refusal: isRefusal(answerText) };
}
