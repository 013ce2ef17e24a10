import { ANSWER_TOKENS, CHARS_PER_TOKEN, MESSAGE_OVERHEAD, judgeReplyTokens, type Prices } from "@/lib/probing/estimate";

// What one call of a probe run will cost before any call has come back (issue 12
// §5, money caps): the worker sizes its first batch with it, then the run's own
// average cost per call takes over (lib/jobs/run-usage.ts). Tokens as the
// estimate counts them (estimate.ts): prompt characters ÷ CHARS_PER_TOKEN plus
// the chat framing, and a typical completion — an answer of ANSWER_TOKENS, a
// judge reply of judgeReplyTokens(watched). Pure arithmetic.

export type CallProjectionInput = {
  /** Characters of the largest target request (system prompt, earlier turns, the item). */
  targetPromptChars: number;
  /** Characters of the largest judge request without the answer (instructions, rubrics, the question). */
  judgePromptChars: number;
  /** Watched traits (the judge's reply grows with them). */
  watched: number;
  prices: { target: Prices; judge: Prices };
};

const usd = (p: Prices, promptTokens: number, completionTokens: number) => (promptTokens * p.inputPerM + completionTokens * p.outputPerM) / 1e6;

/**
 * The projected cost of one call: the dearer of a target call and a judge call, so
 * whatever mix of calls (and retries) the reservation covers, it is not underestimated
 * by the typical lengths' measure.
 */
export function projectedCostPerCall(input: CallProjectionInput): number {
  const targetIn = Math.ceil(input.targetPromptChars / CHARS_PER_TOKEN) + 2 * MESSAGE_OVERHEAD;
  // The judge reads the answer too: a typical one.
  const judgeIn = Math.ceil(input.judgePromptChars / CHARS_PER_TOKEN) + ANSWER_TOKENS + 2 * MESSAGE_OVERHEAD;
  return Math.max(usd(input.prices.target, targetIn, ANSWER_TOKENS), usd(input.prices.judge, judgeIn, judgeReplyTokens(input.watched)));
}
