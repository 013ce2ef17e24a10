import { describe, expect, it } from "vitest";
import { ANSWER_TOKENS, MESSAGE_OVERHEAD } from "@/lib/probing/estimate";
import { sampleCalls, sampleRecordingCostUsd } from "@/lib/probing/sample-cost";

describe("a sample recording's estimated cost", () => {
  const calls = sampleCalls("x".repeat(400), [{ message: "y".repeat(40) }, { message: "z".repeat(40), context: [{ content: "w".repeat(80) }] }]);

  it("counts one call per message with its system prompt and earlier turns", () => {
    expect(calls).toEqual([{ chars: 440, messages: 2 }, { chars: 520, messages: 3 }]);
  });

  it("prices prompt and a typical answer per call; unknown prices give null, the simulator 0", () => {
    const prompt = (110 + 2 * MESSAGE_OVERHEAD) + (130 + 3 * MESSAGE_OVERHEAD);
    expect(sampleRecordingCostUsd(calls, { inputPerM: 1, outputPerM: 2 })).toBeCloseTo((prompt + 2 * 2 * ANSWER_TOKENS) / 1e6, 12);
    expect(sampleRecordingCostUsd(calls, null)).toBeNull();
    expect(sampleRecordingCostUsd(calls, { inputPerM: 0, outputPerM: 0 })).toBe(0);
  });
});
