import type { ChatMessage } from "@/lib/llm/types";
import { PANEL_PREVIEW_LIMITS } from "@/lib/schemas/panel-preview";

// The messages of a panel preview (pure; tests/unit/panel-cross-examine.test.ts).
// Round 1: the member's system prompt and the question. Round 2 (cross-examination):
// the same, the member's own first answer, then one user message quoting every
// other member's first answer (each capped) and asking for a response in its own voice.

export type FirstAnswer = { key: string; name: string; text: string };

export function firstRoundMessages(system: string, question: string): ChatMessage[] {
  return [{ role: "system", content: system }, { role: "user", content: question }];
}

/** A first answer as quoted: whitespace-trimmed, cut at `cap` characters with an ellipsis. */
export function quoteAnswer(text: string, cap: number = PANEL_PREVIEW_LIMITS.quoteChars): string {
  const t = text.trim();
  return t.length <= cap ? t : `${t.slice(0, cap).trimEnd()}…`;
}

export function crossExaminationPrompt(others: readonly FirstAnswer[], cap: number = PANEL_PREVIEW_LIMITS.quoteChars): string {
  const quoted = others.map((o) => `${o.name}:\n"""\n${quoteAnswer(o.text, cap)}\n"""`).join("\n\n");
  return `Here is what the other panel members said:\n\n${quoted}\n\nRespond to them in your own voice: where you agree, where you disagree, and why.`;
}

/**
 * Round 2 for `self`: the question, its own first answer, then the others' first answers.
 * `answers` holds every member's first answer that arrived (failed members are absent);
 * returns null when no other member answered (nothing to respond to).
 */
export function crossExaminationMessages(system: string, question: string, self: FirstAnswer, answers: readonly FirstAnswer[], cap?: number): ChatMessage[] | null {
  const others = answers.filter((a) => a.key !== self.key && a.text.trim());
  if (others.length === 0) return null;
  return [
    ...firstRoundMessages(system, question),
    { role: "assistant", content: self.text },
    { role: "user", content: crossExaminationPrompt(others, cap) },
  ];
}
