import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/probing/random";
import { clearMove, pairedDifferences, rankContenders, type Contender } from "@/lib/probing/methods/clear-move";
import { gaussian } from "@/tests/unit/probing/methods/helpers";

describe("clearMove", () => {
  it("calls A when the interval of per-item differences lies above 0 (hand-computed)", () => {
    // Mean 3, SD √2.5, SE 0.707107; half-width t(0.975, 4) · SE = 1.963243; p 0.013236.
    const r = clearMove([1, 2, 3, 4, 5]);
    expect(r.verdict).toBe("A");
    expect(r.lo).toBeCloseTo(3 - 1.963243, 5);
    expect(r.p).toBeCloseTo(0.013236, 5);
    expect(clearMove([-1, -2, -3, -4, -5]).verdict).toBe("B");
    expect(clearMove([-2, 3, -1, 2, 1]).verdict).toBe("no clear winner");
  });

  it("needs the minimum difference and respects the floor on the item SD", () => {
    expect(clearMove([1, 1.2, 0.8, 1.1, 0.9], { minimumDifference: 2 }).verdict).toBe("no clear winner");
    expect(clearMove([5, 5, 5]).verdict).toBe("A"); // a sticky judge's ±0 …
    expect(clearMove([5, 5, 5], { minItemSd: 6 }).verdict).toBe("no clear winner"); // … is not a win with a floor
    expect(clearMove([4])).toMatchObject({ verdict: "no clear winner", estimate: 4, lo: null, p: 1 });
  });

  it("pairs by item and orients by what is better", () => {
    const lossA = { i1: 2, i2: 3, i3: 1, only: 9 };
    const lossB = { i1: 6, i2: 8, i3: 5, other: 0 };
    const d = pairedDifferences(lossA, lossB, "lower");
    expect(d).toEqual({ differences: [4, 5, 4], items: ["i1", "i2", "i3"], onlyA: ["only"], onlyB: ["other"] });
    expect(clearMove(d.differences).verdict).toBe("A");
  });

  it("calls two identical variants 'no clear winner' ~95% of the time (seeded)", () => {
    const z = gaussian(mulberry32(77));
    let none = 0;
    const runs = 1000;
    for (let r = 0; r < runs; r++) {
      // Same prompt twice: shared item effects, independent answer noise.
      const diffs = Array.from({ length: 12 }, () => 5 * z() - 5 * z());
      if (clearMove(diffs).verdict === "no clear winner") none++;
    }
    expect(none / runs).toBeGreaterThan(0.93);
  });
});

describe("rankContenders", () => {
  const z = gaussian(mulberry32(5));
  const items = Array.from({ length: 15 }, (_, i) => [`i${i}`, 50 + 15 * z()] as const);
  const contender = (id: string, lift: number): Contender => ({
    id, perItem: Object.fromEntries(items.map(([k, v]) => [k, v + lift + 2 * z()])),
  });

  it("names a winner only when it clearly beats every other contender", () => {
    const r = rankContenders([contender("a", 0), contender("b", 10), contender("c", 0.5)]);
    expect(r.order[0]).toBe("b");
    expect(r.topGroup).toEqual(["b"]);
    expect(r.winner).toBe("b");
    expect(r.pairs).toHaveLength(3);
    const ac = r.pairs.find((p) => p.a === "a" && p.b === "c")!;
    expect(ac.winner).toBeNull();
    expect(ac.pAdjusted).toBeGreaterThanOrEqual(ac.p);
  });

  it("keeps a 'no clear winner' group when the best are indistinguishable", () => {
    const r = rankContenders([contender("a", 10), contender("b", 10), contender("c", 0)]);
    expect(new Set(r.topGroup)).toEqual(new Set(["a", "b"]));
    expect(r.winner).toBeNull();
  });

  it("ranks losses with lower = better, and one contender is no winner", () => {
    const r = rankContenders([contender("near", 1), contender("far", 12)], "lower");
    expect(r.winner).toBe("near");
    expect(rankContenders([contender("solo", 0)]).winner).toBeNull();
  });
});
