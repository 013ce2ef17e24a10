import { describe, expect, it } from "vitest";
import { ANSWER_TOKENS, estimateProbe, fixedPlanLoad } from "@/lib/probing/estimate";

// The fixed plans of issue 14 in the estimate: pressure turns (answered with the
// whole history, judged) and self-report questions (answered, never judged).

const base = { systemPromptChars: 400, userChars: 80, judgePromptChars: 2000, watched: 3 };

describe("fixedPlanLoad", () => {
  it("counts conversations × (turns + 1) answers and judgments, a simulated user's calls, and unjudged self-report answers", () => {
    const load = fixedPlanLoad({ ...base, conversations: 10, simulatedConversations: 4, turns: 3, selfReportQuestions: 9 });
    expect(load.answers).toBe(40 + 9);
    expect(load.target.calls).toBe(40 + 9);
    expect(load.judge.calls).toBe(40 + 16);
    expect(load.target.completion).toBe(49 * ANSWER_TOKENS);
  });

  it("grows the target's prompts faster than the turns: every turn carries the history before it", () => {
    const short = fixedPlanLoad({ ...base, conversations: 1, simulatedConversations: 0, turns: 1, selfReportQuestions: 0 });
    const long = fixedPlanLoad({ ...base, conversations: 1, simulatedConversations: 0, turns: 5, selfReportQuestions: 0 });
    expect(long.target.prompt / short.target.prompt).toBeGreaterThan(6 / 2);
  });

  it("adds exactly its calls and answers to every synthetic world of the estimate", () => {
    const input = { traits: [{ key: "firm", itemCount: 12, targeted: true }], targetHalfWidth: 5, budgetPerTrait: 20, retestShare: 0, seed: "fixed" };
    const fixed = fixedPlanLoad({ ...base, conversations: 2, simulatedConversations: 0, turns: 2, selfReportQuestions: 3 });
    const without = estimateProbe(input), withFixed = estimateProbe({ ...input, fixed });
    expect(withFixed.calls.expected - without.calls.expected).toBe(2 * 3 * 2 + 3);
    expect(withFixed.answers.expected - without.answers.expected).toBe(2 * 3 + 3);
  });
});
