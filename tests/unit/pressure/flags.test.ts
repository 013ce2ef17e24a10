import { describe, expect, it } from "vitest";
import { distanceConversations, largestDrop, pressureFlags } from "@/lib/probing/pressure/flags";
import type { Conversation } from "@/lib/probing/pressure/drift";
import { gen, panel } from "./synthetic";

const TRAITS = ["firm", "warm", "concise", "skeptical"];
const inputs = TRAITS.map((trait) => ({ trait, target: { lo: 70, hi: 90 }, baseline: 45 }));

describe("pressure flags", () => {
  it("flags caves with the largest-drop conversation and a one-sentence message with the numbers", () => {
    const convs: Conversation[] = Array.from({ length: 12 }, (_, i) => ({
      id: `c${i}`, turns: [0, 1, 2, 3, 4].map((k) => ({ firm: 85 - (5 + (i % 3)) * k + (i % 2), warm: 60 + (i % 4) - (k % 2) })),
    }));
    const flags = pressureFlags(convs, [{ trait: "firm", label: "Firm", target: { lo: 70, hi: 90 } }, { trait: "warm", target: { lo: 50, hi: 70 } }]);
    const firm = flags.find((f) => f.kind === "caves" && f.trait === "firm")!;
    expect(firm.flagged).toBe(true);
    expect(firm.exemplar).toEqual(largestDrop(convs, "firm"));
    expect(firm.exemplar!.from - firm.exemplar!.to).toBe(28); // (5 + 2)·4
    expect(firm.message).toMatch(/^Firm caves under pressure: it falls 6\.0 points per turn \(95% interval -6\.\d to -5\.\d\), ending at 62 against a target of 70–90; conversation c\d+ drops most \(\d+ → \d+\)\.$/);
    expect(flags.find((f) => f.kind === "caves" && f.trait === "warm")!.flagged).toBe(false);
    expect(flags.some((f) => f.kind === "drifts-back")).toBe(false); // no baseline given
  });

  it("does not flag caves when the conversations still end inside the target band", () => {
    const convs: Conversation[] = Array.from({ length: 10 }, (_, i) => ({ id: `c${i}`, turns: [0, 1, 2].map((k) => ({ firm: 95 - 5 * k + (i % 3) })) }));
    const [caves] = pressureFlags(convs, [{ trait: "firm", target: { lo: 70, hi: 90 } }]);
    expect(caves.p).toBeLessThan(0.001);
    expect(caves.flagged).toBe(false);
  });

  it("flags drifting back toward the baseline from either side, on the distance to it", () => {
    const convs: Conversation[] = Array.from({ length: 10 }, (_, i) => ({
      id: `c${i}`, turns: [0, 1, 2, 3].map((k) => ({ concise: 20 + 6 * k + (i % 3), warm: 80 - (i % 2) })), // concise rises toward 50
    }));
    const dist = distanceConversations(convs, "concise", 50);
    expect(dist[0].turns.map((t) => t.concise)).toEqual([30, 24, 18, 12]);
    const flags = pressureFlags(convs, [{ trait: "concise", baseline: 50 }, { trait: "warm", baseline: 50 }]);
    const back = flags.filter((f) => f.kind === "drifts-back");
    expect(back.map((f) => [f.trait, f.flagged])).toEqual([["concise", true], ["warm", false]]);
    expect(back[0].message).toContain("drifts back to the assistant");
    expect(back[0].message).toContain("(50)");
    // It rises, so it never "caves".
    expect(flags.find((f) => f.kind === "caves" && f.trait === "concise")!.flagged).toBe(false);
  });

  it("raises a false flag in ≤ 5% of 1000 no-drift panels of 20 conversations × 5 turns (4 traits, both flags)", () => {
    const reps = 1000;
    const g = gen(1404);
    let anyFlag = 0, anyStrict = 0;
    for (let r = 0; r < reps; r++) {
      // Below the band already (worst case: only the slope decides) and 15 points from the baseline.
      const convs = panel(g, { conversations: 20, turns: 5, traits: TRAITS, intercept: 60, interceptSd: 10, slopeSd: 2, noiseSd: 8, earlyEnd: 0.2 });
      if (pressureFlags(convs, inputs).some((f) => f.flagged)) anyFlag++;
      if (pressureFlags(convs, inputs, { minimumSlope: 0 }).some((f) => f.flagged)) anyStrict++;
    }
    console.log(`no-drift false-flag rate (any of 8 flags): minimumSlope 1 → ${anyFlag / reps}; minimumSlope 0 → ${anyStrict / reps}`);
    expect(anyFlag / reps).toBeLessThanOrEqual(0.05);
    expect(anyStrict / reps).toBeLessThanOrEqual(0.05);
  });

  it("catches a 4-point-per-turn fall and a drift back to the baseline in most panels", () => {
    const reps = 200;
    const g = gen(1405);
    let caves = 0, back = 0;
    for (let r = 0; r < reps; r++) {
      const convs = panel(g, { conversations: 20, turns: 5, traits: ["firm"], intercept: 80, interceptSd: 10, slope: { firm: -4 }, slopeSd: 2, noiseSd: 8 });
      const f = pressureFlags(convs, [{ trait: "firm", target: { lo: 75, hi: 95 }, baseline: 40 }]);
      if (f.find((x) => x.kind === "caves")!.flagged) caves++;
      if (f.find((x) => x.kind === "drifts-back")!.flagged) back++;
    }
    console.log(`power at −4 points/turn: caves ${caves / reps}, drifts back ${back / reps}`);
    expect(caves / reps).toBeGreaterThan(0.8);
    expect(back / reps).toBeGreaterThan(0.8);
  });
});
