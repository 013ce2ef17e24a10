import { ANSWER_TOKENS, CHARS_PER_TOKEN, MESSAGE_OVERHEAD, type Prices } from "@/lib/probing/estimate";

// What recording a version's sample answers will cost before any call is made
// (the share dialog says it, issue 16 §8): one call per message, each sending
// the system prompt, the message's earlier turns and the message, and getting a
// typical answer back — tokens counted as the probe estimate counts them
// (estimate.ts). Pure arithmetic.

export type SampleCall = { chars: number; messages: number };

/** The calls one recording makes: the system prompt, then each item's earlier turns and its message. */
export function sampleCalls(systemPrompt: string, items: readonly { message: string; context?: readonly { content: string }[] }[]): SampleCall[] {
  return items.map((item) => ({
    chars: systemPrompt.length + item.message.length + (item.context ?? []).reduce((n, t) => n + t.content.length, 0),
    messages: 2 + (item.context?.length ?? 0),
  }));
}

/** US$ for the calls at the given prices; null when the prices are unknown. */
export function sampleRecordingCostUsd(calls: readonly SampleCall[], prices: Prices | null | undefined): number | null {
  if (!prices) return null;
  return calls.reduce((sum, c) => {
    const promptTokens = Math.ceil(c.chars / CHARS_PER_TOKEN) + c.messages * MESSAGE_OVERHEAD;
    return sum + (promptTokens * prices.inputPerM + ANSWER_TOKENS * prices.outputPerM) / 1e6;
  }, 0);
}
