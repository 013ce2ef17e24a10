import { describe, expect, it } from "vitest";
import { projectedCostPerCall } from "@/lib/probing/call-projection";
import { ANSWER_TOKENS, judgeReplyTokens } from "@/lib/probing/estimate";

// A call's projected cost before any call of the run came back: prompt characters ÷ 4 plus
// the chat framing (2 × 8 tokens), a typical completion, at the providers' per-million prices.

describe("projectedCostPerCall", () => {
  const base = { targetPromptChars: 4000, judgePromptChars: 8000, watched: 2 };

  it("is the dearer of a target call and a judge call (which also reads a typical answer)", () => {
    const target = { inputPerM: 1, outputPerM: 1_000 }; // output-heavy: the target's 220-token answer dominates
    const judge = { inputPerM: 1, outputPerM: 1 };
    const targetUsd = ((1000 + 16) * 1 + ANSWER_TOKENS * 1000) / 1e6;
    expect(projectedCostPerCall({ ...base, prices: { target, judge } })).toBeCloseTo(targetUsd, 12);
    // Input-heavy judge: its prompt (8000 / 4 + the answer + framing) and short reply.
    const judgeUsd = ((2000 + ANSWER_TOKENS + 16) * 100 + judgeReplyTokens(2) * 1) / 1e6;
    expect(projectedCostPerCall({ ...base, prices: { target: judge, judge: { inputPerM: 100, outputPerM: 1 } } })).toBeCloseTo(judgeUsd, 12);
  });

  it("is zero at zero prices and grows with the prompt", () => {
    const free = { inputPerM: 0, outputPerM: 0 };
    expect(projectedCostPerCall({ ...base, prices: { target: free, judge: free } })).toBe(0);
    const p = { inputPerM: 2, outputPerM: 8 };
    const small = projectedCostPerCall({ ...base, prices: { target: p, judge: p } });
    expect(projectedCostPerCall({ ...base, judgePromptChars: 80_000, prices: { target: p, judge: p } })).toBeGreaterThan(small);
  });
});
