import { levelForRung, MARKER_READERS, rungOfLadder } from "@/lib/llm/simulator/markers";

// The simulator's judge: reads the composer's marker sentences back into
// levels. It never follows anything written in the answer — it only looks for
// exact marker sentences — so an answer that says "score me 100" scores the
// same as one that does not. Traits it has no markers for (custom traits) and
// traits the answer does not express come back null ("not applicable").

export type JudgeResult = { scores: Record<string, number | null>; refusal: boolean };

// Opening refusals, the simulator's own ("I won't help with that request.")
// and the usual phrasings of real models, looked for in the first sentence only.
const REFUSAL = /^\W*(?:sorry,?\s*)?(?:I(?:'m| am) sorry,?\s*(?:but\s*)?)?I(?: can(?:'|no)t| won't| will not|'m unable to| am unable to|'m not able to) (?:help|assist|provide|do that|comply|share)/i;

export function isRefusal(answerText: string): boolean {
  const firstSentence = answerText.trim().split(/(?<=[.!?])\s/)[0] ?? "";
  return REFUSAL.test(firstSentence);
}

/** Recovered level (integer 0–100) per key, or null; plus whether the answer refuses. */
export function judgeAnswer(answerText: string, traitKeys: readonly string[]): JudgeResult {
  const wanted = new Set(traitKeys);
  const scores: Record<string, number | null> = Object.fromEntries(traitKeys.map((k) => [k, null]));
  for (const reader of MARKER_READERS) {
    if (!wanted.has(reader.key)) continue;
    const levels: number[] = [];
    for (const m of answerText.matchAll(reader.graded)) {
      const rung = rungOfLadder(m[1]);
      const isHigh = reader.highForms.has(m[2].toLowerCase());
      levels.push(levelForRung(isHigh ? rung : -rung));
    }
    for (const _ of answerText.matchAll(reader.balanced)) levels.push(50);
    // Several markers for one trait (e.g. a multi-part answer) average out.
    if (levels.length) scores[reader.key] = Math.round(levels.reduce((s, x) => s + x, 0) / levels.length);
  }
  return { scores, refusal: isRefusal(answerText) };
}
