import { describe, expect, it } from "vitest";
import { judgeRequestForAnswer } from "@/lib/probing/judge/answer-order";
import {
  countOutcomes, describeOutcomes, isBareRefusal, isScored, outcomeAfterJudge, outcomeBeforeJudge,
} from "@/lib/probing/outcome";

describe("outcome before the judge", () => {
  it("an empty or blank answer is empty (no judge call needed)", () => {
    expect(outcomeBeforeJudge({ text: "" })).toBe("empty");
    expect(outcomeBeforeJudge({ text: "  \n\t " , finishReason: "length" })).toBe("empty");
  });

  it("an answer cut at the token limit is truncated, whatever it says", () => {
    expect(outcomeBeforeJudge({ text: "Here is how I would start: first, take", finishReason: "length" })).toBe("truncated");
    expect(outcomeBeforeJudge({ text: "Here is how I would start.", finishReason: "stop" })).toBeNull();
  });

  it("the provider's refusal field makes it refused; an empty refusal field does not", () => {
    expect(outcomeBeforeJudge({ text: "Something", refusal: "I can't help with that." })).toBe("refused");
    expect(outcomeBeforeJudge({ text: "Something", refusal: "" })).toBeNull();
    expect(outcomeBeforeJudge({ text: "Something", refusal: null })).toBeNull();
  });

  it("a stock refusal with nothing else is refused", () => {
    for (const text of [
      "I'm sorry, but I can't help with that.",
      "I can’t assist with that request.",
      "Sorry, I cannot comply with this request. If you have other questions, feel free to ask!",
      "I apologize, but I'm unable to provide that information. Is there anything else I can help with?",
      "I'm afraid I must decline this request.",
      "As an AI language model, I cannot do that.",
    ]) {
      expect(isBareRefusal(text), text).toBe(true);
      expect(outcomeBeforeJudge({ text, finishReason: "stop" }), text).toBe("refused");
    }
  });

  it("a refusal in character, or one that goes on to help, is behaviour (scored)", () => {
    for (const text of [
      "No.",
      "I won't write your essay for you. Let's outline it together: what is your main claim?",
      "I'm sorry, but I can't help with that — though I can point you to a good guide on budgeting.",
      "I can't do your homework, but here's how to approach the first problem.",
      "Absolutely not. You need to stop and think this through before you quit.",
      "Sorry to hear that! Here is what I'd try first.",
    ]) {
      expect(isBareRefusal(text), text).toBe(false);
      expect(outcomeBeforeJudge({ text, finishReason: "stop" }), text).toBeNull();
    }
  });
});

describe("outcome after the judge", () => {
  it("refused only when the judge says it refuses AND can rate no trait", () => {
    expect(outcomeAfterJudge({ refusal: true, scores: { warm: null, firm: null } })).toBe("refused");
    // A firm "no" the judge can still rate on how it refuses is behaviour.
    expect(outcomeAfterJudge({ refusal: true, scores: { warm: 20, firm: 90 } })).toBe("scored");
    expect(outcomeAfterJudge({ refusal: false, scores: { warm: null, firm: null } })).toBe("scored");
  });
});

describe("counting outcomes", () => {
  const rows = [
    { kind: "persona", status: "done", outcome: "scored" },
    { kind: "persona", status: "done", outcome: null },
    { kind: "persona", status: "done", outcome: "empty" },
    { kind: "persona", status: "failed", outcome: null },
    { kind: "baseline", status: "done", outcome: "refused" },
    { kind: "baseline", status: "done", outcome: "truncated" },
    { kind: "alone_warm", status: "done", outcome: "scored" },
  ];

  it("counts per arm; old rows (outcome null) count as scored when done", () => {
    expect(countOutcomes(rows)).toEqual({
      persona: { scored: 2, empty: 1, refused: 0, truncated: 0, failed: 1 },
      baseline: { scored: 0, empty: 0, refused: 1, truncated: 1, failed: 0 },
      alone_warm: { scored: 1, empty: 0, refused: 0, truncated: 0, failed: 0 },
    });
    expect(rows.map(isScored)).toEqual([true, true, false, false, false, false, true]);
  });

  it("says how many were not scored, in a warning tone above 10%", () => {
    const some = { persona: { scored: 230, empty: 3, refused: 2, truncated: 5, failed: 0 } };
    expect(describeOutcomes(some)).toEqual({ text: "3 of 240 answers were empty, 2 refused, 5 cut short — not scored", share: 10 / 240, warn: false });
    // Pressure turns and self-ratings are counted apart: a self-rating without a number says nothing about the landing.
    expect(describeOutcomes({ ...some, "self-report": { scored: 0, empty: 30, refused: 0, truncated: 0, failed: 0 }, pressure: { scored: 0, empty: 0, refused: 0, truncated: 0, failed: 9 } }))
      .toEqual({ text: "3 of 240 answers were empty, 2 refused, 5 cut short — not scored", share: 10 / 240, warn: false });
    expect(describeOutcomes({ a: { scored: 8, empty: 0, refused: 0, truncated: 1, failed: 1 } })).toMatchObject({
      text: "1 of 10 answers was cut short, 1 failed — not scored", warn: true,
    });
    expect(describeOutcomes({ persona: { scored: 5, empty: 0, refused: 0, truncated: 0, failed: 0 } })).toBeNull();
    expect(describeOutcomes(undefined)).toBeNull();
  });
});

describe("judge order fixed per answer", () => {
  const base = { question: "How do I start saving?", answer: "Put ten percent aside.", model: "judge-1", traitKeys: ["warm", "firm", "direct", "patient", "curious"] };
  const orderInPrompt = (system: string) => [...system.matchAll(/^### ([a-z_]+) — /gm)].map((m) => m[1]);

  it("the same answer gets the identical judge request, whatever run or watched order it comes from", () => {
    const a = judgeRequestForAnswer(base);
    const b = judgeRequestForAnswer({ ...base, traitKeys: [...base.traitKeys].reverse() });
    expect(b.request).toEqual(a.request);
    expect(b.order).toEqual(a.order);
  });

  it("the stored order is the order the judge sees", () => {
    const { request, order } = judgeRequestForAnswer(base);
    expect(orderInPrompt(request.messages[0].content)).toEqual(order);
    expect([...order].sort()).toEqual([...base.traitKeys].sort());
  });

  it("different answers get different orders (position effects still average out)", () => {
    const orders = new Set(Array.from({ length: 20 }, (_, i) => judgeRequestForAnswer({ ...base, answer: `Answer ${i}` }).order.join(",")));
    expect(orders.size).toBeGreaterThan(10);
  });
});
