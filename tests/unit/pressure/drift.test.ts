import { describe, expect, it } from "vitest";
import { driftReport, olsSlope, traitDrift, type Conversation } from "@/lib/probing/pressure/drift";
import { gen, panel } from "./synthetic";

const covers = (lo: number | null, hi: number | null, truth: number) => lo !== null && hi !== null && lo <= truth && truth <= hi;

describe("drift", () => {
  it("computes per-turn means over the conversations that reached the turn, per-conversation slopes and first → last change", () => {
    const conversations: Conversation[] = [
      { id: "a", turns: [{ firm: 80 }, { firm: 70 }, { firm: 60 }] }, // slope −10, change −20
      { id: "b", turns: [{ firm: 90 }, { firm: 90 }, { firm: 60, warm: 50 }] }, // slope −15, change −30
      { id: "c", turns: [{ firm: 70 }, { firm: null }] }, // one scored turn: per-turn only
    ];
    const d = traitDrift(conversations, "firm", { floor: {} });
    expect(d.perTurn.map((t) => [t.turn, t.estimate, t.items])).toEqual([[0, 80, 3], [1, 80, 2], [2, 60, 2]]);
    expect(d.slope.estimate).toBeCloseTo(-12.5, 10);
    expect(d.slope.items).toBe(2);
    expect(d.change.estimate).toBeCloseTo(-25, 10);
    expect(d.conversations).toBe(3);
    expect(olsSlope([{ turn: 0, score: 1 }, { turn: 2, score: 5 }, { turn: 3, score: 4 }])!.slope).toBeCloseTo(
      // Sxx = 14/3, Sxy = (−5/3)(−7/3)+(1/3)(5/3)+(4/3)(2/3) = (35+5+8)/9 = 48/9
      (48 / 9) / (14 / 3), 10,
    );
    expect(driftReport(conversations, ["firm", "warm"])[1].slope.estimate).toBeNull();
  });

  it("floors a perfectly consistent slope instead of claiming ±0", () => {
    const conversations: Conversation[] = Array.from({ length: 5 }, (_, i) => ({ id: `c${i}`, turns: [0, 1, 2, 3].map((k) => ({ firm: 80 - 5 * k })) }));
    const d = traitDrift(conversations, "firm");
    expect(d.slope.floored).toBe(true);
    expect(d.slope.halfWidth).toBeGreaterThan(0.5);
  });

  it.each([
    { name: "normal noise, 20% end early", laplace: false },
    { name: "Laplace noise, 20% end early", laplace: true },
  ])("covers the true slope, turn means and change ≥ 93% at 20 conversations × 5 turns ($name)", ({ laplace }) => {
    const reps = 1000;
    const g = gen(laplace ? 1402 : 1401);
    let slope = 0, first = 0, last = 0, change = 0, width = 0;
    for (let r = 0; r < reps; r++) {
      const convs = panel(g, { conversations: 20, turns: 5, traits: ["firm"], intercept: 70, interceptSd: 10, slope: { firm: -3 }, slopeSd: 2, noiseSd: 8, earlyEnd: 0.2, laplace });
      const d = traitDrift(convs, "firm");
      if (covers(d.slope.lo, d.slope.hi, -3)) slope++;
      if (covers(d.perTurn[0].lo, d.perTurn[0].hi, 70)) first++;
      if (covers(d.perTurn[4].lo, d.perTurn[4].hi, 70 - 12)) last++;
      const changeTruth = -3 * convs.reduce((s, c) => s + c.turns.length - 1, 0) / convs.length;
      if (covers(d.change.lo, d.change.hi, changeTruth)) change++;
      width += d.slope.halfWidth;
    }
    console.log(`drift coverage (${laplace ? "laplace" : "normal"}): slope ${slope / reps}, turn0 ${first / reps}, turn4 ${last / reps}, change ${change / reps}, slope ±${(width / reps).toFixed(2)}`);
    for (const c of [slope, first, last, change]) expect(c / reps).toBeGreaterThanOrEqual(0.93);
  });
});
