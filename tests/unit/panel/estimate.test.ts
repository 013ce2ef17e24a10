import { describe, expect, it } from "vitest";
import { memberRunKey, panelCallCounts, panelRunEstimate, type PanelEstimateInput } from "@/lib/probing/panel/estimate";

// 3 members, 4 watched traits × 10 items + 2 questions = 42 answers per member run, 84 calls (answer + judge).
const base: PanelEstimateInput = {
  arms: ["active"],
  members: [{ key: "a", seats: { active: "p1/m1" } }, { key: "b", seats: { active: "p1/m1" } }, { key: "c", seats: { active: "p2/m2" } }],
  watchedTraits: 4, itemsPerTrait: 10, questions: 2, answersPerPair: 8,
};

describe("panelRunEstimate", () => {
  it("counts answer + judge per answer, one baseline per distinct seat, and the distinguishability pass", () => {
    const e = panelRunEstimate(base);
    // member runs 3 × 84 + baselines 2 seats × 84 + 3 pairs × 8 = 252 + 168 + 24
    expect(e).toEqual({ memberRuns: 3, answers: 126, calls: { low: 444, expected: 444, high: 444 + 45 }, reused: 0, distinguishCalls: 24 });
    expect(panelCallCounts(base)).toMatchObject({ answersPerRun: 42, baselineSeats: 2, uncached: { answer: 210, judge: 210, distinguish: 24 } });
  });

  it("subtracts what the cache holds per member run, per baseline seat and for the distinguishability pass, and counts it as reused", () => {
    const e = panelRunEstimate({
      ...base,
      cachedCalls: { [memberRunKey("active", "a")]: 84, [memberRunKey("active", "b")]: 10, [memberRunKey("active", "zz")]: 500 },
      cachedBaselineCalls: { "p1/m1": 84, "p2/m2": 1000 }, // more than the arm asks: capped
      cachedDistinguishCalls: 4,
    });
    expect(e.reused).toBe(84 + 10 + 84 + 84 + 4);
    expect(e.calls.expected).toBe(444 - 266);
  });

  it("makes the second member run of a member on the same seat free (ceiling experiment keeping a seat)", () => {
    const e = panelRunEstimate({
      ...base,
      arms: ["single", "routed"],
      members: [
        { key: "a", seats: { single: "p1/m1", routed: "p1/m1" } },
        { key: "b", seats: { single: "p1/m1", routed: "p2/m2" } },
      ],
      answersPerPair: 0,
    });
    expect(e.memberRuns).toBe(4);
    expect(e.answers).toBe(4 * 42);
    // Paid: a@p1, b@p1, b@p2 (3 runs) + baselines on p1 and p2; reused: a's routed run.
    expect(e.reused).toBe(84);
    expect(e.calls.expected).toBe(3 * 84 + 2 * 84);
    expect(e.distinguishCalls).toBe(0);
  });

  it("caps every figure at maxCalls and rejects nonsense counts", () => {
    expect(panelRunEstimate({ ...base, maxCalls: 300 }).calls).toEqual({ low: 300, expected: 300, high: 300 });
    expect(() => panelRunEstimate({ ...base, itemsPerTrait: -1 })).toThrow(/itemsPerTrait/);
  });

  it("skips members without a seat on an arm", () => {
    const e = panelRunEstimate({ ...base, members: [...base.members, { key: "d", seats: {} }] });
    expect(e.memberRuns).toBe(3);
    expect(e.distinguishCalls).toBe(24);
  });
});
