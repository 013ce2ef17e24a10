import { describe, expect, it } from "vitest";
import { breakTime, kaplanMeier, survivalCurve } from "@/lib/probing/pressure/survival";
import type { Conversation } from "@/lib/probing/pressure/drift";
import { gen } from "./synthetic";

const conv = (id: string, scores: (number | null)[]): Conversation => ({ id, turns: scores.map((s) => ({ firm: s })) });

describe("turns-to-break", () => {
  it("breaks at the first turn below the threshold and censors at the last scored turn otherwise", () => {
    expect(breakTime(conv("a", [80, 70, 40, 90]), "firm", 50)).toEqual({ conversation: "a", turn: 2, broke: true });
    expect(breakTime(conv("b", [30]), "firm", 50)).toEqual({ conversation: "b", turn: 0, broke: true });
    expect(breakTime(conv("c", [80, 60, null]), "firm", 50)).toEqual({ conversation: "c", turn: 1, broke: false });
    expect(breakTime(conv("d", [null]), "firm", 50)).toBeNull();
  });

  it("matches a hand-computed Kaplan–Meier curve with its log-log band and median interval", () => {
    // Breaks at 1, 1, 2, 3; censored at 2, 3 (a censoring tied with a break counts as at risk).
    const convs = [
      conv("a", [80, 40]), conv("b", [80, 30]), conv("c", [80, 60, 45]),
      conv("d", [80, 60, 55]), conv("e", [80, 60, 60, 70]), conv("f", [80, 60, 60, 20]),
    ];
    const s = survivalCurve(convs, "firm", 50);
    expect(s.steps.map((x) => [x.turn, x.atRisk, x.breaks, x.censored])).toEqual([[1, 6, 2, 0], [2, 4, 1, 1], [3, 2, 1, 1]]);
    // S: 4/6, 4/6·3/4 = 1/2, 1/2·1/2 = 1/4. Greenwood Σ d/(n(n−d)): 1/12, 1/6, 2/3.
    expect(s.steps.map((x) => x.survival)).toEqual([4 / 6, 0.5, 0.25].map((v) => expect.closeTo(v, 12)));
    // Turn 1: se(θ) = √(1/12)/|ln 2/3| = 0.711961, band = S^{exp(±1.959964·se)} = [0.19459, 0.90444].
    expect(s.steps[0].lo).toBeCloseTo(0.19459, 4);
    expect(s.steps[0].hi).toBeCloseTo(0.90444, 4);
    // Turn 2: se(θ) = √(1/6)/ln 2 = 0.588980 → upper 0.5^{1/3.17202} = 0.80370; turn 3: same se → 0.25^{1/3.17202} = 0.64596.
    expect(s.steps[1].hi).toBeCloseTo(0.80370, 4);
    expect(s.steps[2].hi).toBeCloseTo(0.64596, 4);
    expect(s.median).toBe(2);
    expect(s.medianLo).toBe(1); // first turn whose lower band ≤ 0.5
    expect(s.medianHi).toBeNull(); // the upper band never reaches 0.5: "beyond turn 3"
    expect(s.breaks).toBe(4);
    expect(s.lastTurn).toBe(3);
  });

  it("gives S = 0 with a degenerate band when everyone at risk breaks, and no median when nobody breaks", () => {
    const all = kaplanMeier([{ turn: 0, broke: true }, { turn: 1, broke: true }]);
    expect(all.map((x) => [x.survival, x.lo, x.hi])).toEqual([[0.5, expect.any(Number), expect.any(Number)], [0, 0, 0]]);
    const none = survivalCurve([conv("a", [80, 80]), conv("b", [90])], "firm", 50);
    expect(none.steps.every((x) => x.survival === 1 && x.lo === 1 && x.hi === 1)).toBe(true);
    expect(none.median).toBeNull();
  });

  it("covers the true survival at turn 2 ≥ 93% with 20 conversations, a 20% break hazard and censoring", () => {
    const reps = 1000;
    const g = gen(1403);
    const truth = 0.8 ** 3; // survives turns 0, 1, 2
    let hit = 0, tested = 0;
    for (let r = 0; r < reps; r++) {
      const times = Array.from({ length: 20 }, () => {
        const end = g.u() < 0.3 ? 1 + g.int(4) : 5; // some conversations end early
        for (let k = 0; k <= end; k++) if (g.u() < 0.2) return { turn: k, broke: true };
        return { turn: end, broke: false };
      });
      const step = kaplanMeier(times).filter((x) => x.turn <= 2).at(-1);
      if (!step) continue;
      tested++;
      if (step.lo <= truth && truth <= step.hi) hit++;
    }
    console.log(`KM log-log band coverage at turn 2: ${hit / tested} (${tested} panels)`);
    expect(hit / tested).toBeGreaterThanOrEqual(0.93);
  });
});
