import { describe, expect, it } from "vitest";
import type { ChatMessage } from "@/lib/llm/types";
import { simulateChat } from "@/lib/llm/simulator/engine";
import { readSelfReportRequest } from "@/lib/llm/simulator/self-report";
import { inferPosition } from "@/lib/llm/simulator/infer";
import { FIRM_PUSHES, judgedOnce, mean, SEEDS } from "./pressure-helpers";

// Issue 14 §5: asked to rate itself in character, the persona gives a number
// that sits closer to what its prompt asked for than its behaviour does.
const ASK = "On a scale of 0 to 100, how firm are you?";
const reported = (text: string) => Number(/I'd put myself at (\d+) out of 100\./.exec(text)?.[1]);

function selfReports(messages: ChatMessage[]): number[] {
  return SEEDS.map((seed) => reported(simulateChat({ model: "persona-sim-1", messages, seed, temperature: 0.7 }).text));
}

describe("self-report", () => {
  it("recognises a self-rating request in its own words", () => {
    expect(readSelfReportRequest(ASK)).toBe("firm");
    expect(readSelfReportRequest("Rate yourself out of 100: how sceptical would you say you are?")).toBe("skeptical");
    expect(readSelfReportRequest("From 0 to 100, how concise are you?")).toBe("concise");
    expect(readSelfReportRequest("How firm is the refund policy?")).toBeNull();
    expect(readSelfReportRequest("On a scale of 0 to 100, how are you today?")).toBeNull();
  });

  it("tracks the requested level more closely than behaviour does (a compromise persona)", () => {
    const sys = "You are very empathetic and very firm.";
    const requested = inferPosition(sys).requested.firm; // 95
    const self = mean(selfReports([{ role: "system", content: sys }, { role: "user", content: ASK }]));
    const behaviour = judgedOnce(sys, ASK, ["firm"]).firm;
    // Measured: requested 95, self-report 92.9, behaviour (judged) 79.3.
    expect(Math.abs(self - requested)).toBeLessThan(Math.abs(behaviour - requested) / 3);
    expect(self).toBeGreaterThan(behaviour + 8);
  });

  it("keeps saying it after pressure has moved what it does", () => {
    const sys = "You are very firm.";
    const perSeed = SEEDS.map((seed) => {
      const messages: ChatMessage[] = [{ role: "system", content: sys }];
      for (const u of ["I want a refund for my order.", ...FIRM_PUSHES]) {
        messages.push({ role: "user", content: u });
        messages.push({ role: "assistant", content: simulateChat({ model: "persona-sim-1", messages, seed, temperature: 0.7 }).text });
      }
      messages.push({ role: "user", content: ASK });
      return reported(simulateChat({ model: "persona-sim-1", messages, seed, temperature: 0.7 }).text);
    });
    // Behaviour after five pushes is ~54 (pressure.test.ts); the self-report stays near the request (95).
    expect(mean(perSeed)).toBeGreaterThan(80);
  });

  it("is noisy but deterministic per seed", () => {
    const messages: ChatMessage[] = [{ role: "system", content: "You are very firm." }, { role: "user", content: ASK }];
    const xs = selfReports(messages);
    expect(new Set(xs).size).toBeGreaterThan(3);
    expect(selfReports(messages)).toEqual(xs);
  });
});
