import type { TraitReader } from "@/lib/llm/simulator/judge-reading";
import { MARKER_READERS, rungOfLadder } from "@/lib/llm/simulator/markers";

// The simulator's judge explaining its scores ("Why this score?"): it has no
// reasons beyond its marker sentences, so it says which one it found — quoted
// from the answer — and where that sits on its frequency ladder, in its own
// words. Keys come from the request's schema and the scores from the request's
// "- key: N" lines; which dimension a key is, is read as the judge reads it
// (judge-reading.ts), never looked up in the product's catalog.

const READER_BY_DIM = new Map(MARKER_READERS.map((r) => [r.key, r]));
const words = (dim: string) => dim.replace(/_/g, " ");

/** "- firm: 80" lines of a rationale request → { firm: 80 }; only before the fenced data, so an answer cannot restate them. */
export function statedScores(userText: string): Record<string, number> {
  const out: Record<string, number> = {};
  const head = userText.split(/<(?:question|answer)>/)[0];
  for (const m of head.matchAll(/^- (\S+): (\d{1,3})\s*$/gm)) out[m[1]] = Number(m[2]);
  return out;
}

/** The first marker sentence of `dim` in the answer, and its rung on the ladder (0 for the balanced form). */
function firstMarker(answer: string, dim: string): { text: string; rung: number } | null {
  const reader = READER_BY_DIM.get(dim);
  if (!reader) return null;
  const balanced = [...answer.matchAll(reader.balanced)][0];
  if (balanced) return { text: balanced[0], rung: 0 };
  const graded = [...answer.matchAll(reader.graded)][0];
  return graded ? { text: graded[0], rung: rungOfLadder(graded[1]) } : null;
}

function reason(answer: string, dim: string | null, score: number | undefined): string {
  const given = score === undefined ? "" : `Scored ${score}: `;
  if (dim === null) return `${given}this is not a dimension the simulated judge can place, so the score says little.`;
  const marker = firstMarker(answer, dim);
  if (!marker) return `${given}the answer has no sentence the simulated judge reads as ${words(dim)}.`;
  const where = marker.rung === 0 || score === undefined || score === 50
    ? "balanced between the two poles"
    : `${score > 50 ? "the high" : "the low"} side of ${words(dim)}, ${marker.rung} step${marker.rung === 1 ? "" : "s"} out on the frequency ladder`;
  return `${given}the answer says "${marker.text}" — ${where}.`;
}

/** `{ rationale: { key: text } }` for every key the schema asks about. */
export function explainScores(answer: string, keys: readonly string[], scores: Record<string, number>, read: TraitReader): { rationale: Record<string, string> } {
  return { rationale: Object.fromEntries(keys.map((k) => [k, reason(answer, read(k), scores[k])])) };
}
