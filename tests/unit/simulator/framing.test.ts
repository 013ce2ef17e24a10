import { describe, expect, it } from "vitest";
import { framedPosition, splitFraming } from "@/lib/llm/simulator/framing";
import { inferPosition } from "@/lib/llm/simulator/infer";
import { positionOn } from "@/lib/llm/simulator/models";
import { traitCorrelation, TRAIT_KEYS } from "@/lib/llm/simulator/space";
import { judgedOnce, mean } from "./pressure-helpers";

// Issue 14 §5: the same behaviour requested of the role in context moves the
// targeted trait with less leakage into its cluster than the trait as the
// character's nature. Read from answers by the simulator's judge, 20 seeds.
const USER = "I want a refund for my order.";
const mates = (t: string) => TRAIT_KEYS.filter((k) => k !== t && Math.abs(traitCorrelation(t, k) ?? 0) >= 0.5);

describe("nature vs requested framing", () => {
  it("recognises requested framing with its own cues, sentence by sentence", () => {
    expect(splitFraming("You are firm.")).toBeNull();
    expect(splitFraming("You are warm. The company asks you to be firm; that is the job here, not who you are.")).toEqual({
      nature: "You are warm.", role: "The company asks you to be firm; that is the job here, not who you are.",
    });
    // A disowning sentence frames the sentence before it.
    expect(splitFraming("Be firm about refunds. That is the job here, not who you are.")?.nature).toBe("");
    const p = framedPosition("persona-sim-1", "You are warm. The company asks you to be firm; that is the job here, not who you are.")!;
    expect(p.roleKeys).toEqual(["firm"]);
    expect(p.requested).toEqual({ warm: 85, firm: 85 });
  });

  it("prompts without role cues read exactly as before", () => {
    expect(framedPosition("persona-sim-1", "You are very firm.")).toBeNull();
    expect(positionOn("persona-sim-1", "You are very firm.").z).toEqual(inferPosition("You are very firm.").z);
  });

  it.each(["firm", "skeptical", "concise", "empathetic"])("requested %s leaks less into its cluster than nature", (target) => {
    const keys = [target, ...mates(target)];
    const base = judgedOnce("You are a helpful assistant.", USER, keys);
    const nature = judgedOnce(`You are ${target}.`, USER, keys);
    const requested = judgedOnce(`The company asks you to be ${target}; that is the job here, not who you are.`, USER, keys);
    const leak = (r: Record<string, number>) => mean(mates(target).map((m) => Math.abs(r[m] - base[m])));
    // Measured (moves from the baseline, points; target · mean |cluster-mate move|):
    //   firm        nature 27.5 · 16.6   requested 31.0 · 7.8
    //   skeptical   nature 22.0 · 15.0   requested 24.5 · 6.9
    //   concise     nature 25.8 · 20.8   requested 28.8 · 10.3
    //   empathetic  nature 19.3 · 12.8   requested 21.8 · 6.3
    expect(requested[target] - base[target]).toBeGreaterThanOrEqual(nature[target] - base[target] - 2);
    expect(leak(requested)).toBeLessThan(0.6 * leak(nature));
  });
});
