import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/probing/random";
import { DEFAULT_FLOOR } from "@/lib/probing/stats/floor";
import { itemLandingT } from "@/lib/probing/methods/item-landing";
import { pairedShiftT } from "@/lib/probing/methods/paired-shift";
import { scoresByItem } from "@/lib/probing/methods/items";
import { distanceMatrix, divergenceReport, effectivePositions, panelMatrix } from "@/lib/probing/panel";
import { drawPanel, renamed } from "@/tests/unit/probing/panel/helpers";

const traits = ["warm", "blunt", "curious", "formal"];

describe("panel matrix", () => {
  it("keeps only items every member answered on every trait, and says which it left out", () => {
    const x = panelMatrix([
      { id: "a", answers: [{ item: "i1", scores: { warm: 60 } }, { item: "i1", scores: { warm: 70 } }, { item: "i2", scores: { warm: 10 } }, { item: "i3", scores: { warm: null } }] },
      { id: "b", answers: [{ item: "i1", scores: { warm: 40 } }, { item: "i3", scores: { warm: 5 } }] },
    ], ["warm"]);
    expect(x.items).toEqual(["i1"]);
    expect(x.droppedItems).toEqual(["i2", "i3"]);
    expect(x.means).toEqual([[[65]], [[40]]]);
    expect(x.answers).toEqual([[2], [1]]);
  });

  it("refuses two members with one id", () => {
    expect(() => panelMatrix([{ id: "a", answers: [] }, { id: "a", answers: [] }], ["warm"])).toThrow(/unique/);
  });
});

describe("divergence report", () => {
  const world = { traits, items: 16, perItem: 2 };

  it("gives each member the item-level landing and each pair the paired shift (same numbers as issue 11's methods)", () => {
    const members = drawPanel(mulberry32(1), { ...world, positions: { a: [70, 30, 50, 50], b: [40, 60, 50, 45] } });
    const r = divergenceReport(members, traits, { resamples: 200 });
    for (const m of members) for (const t of traits) {
      const own = itemLandingT(scoresByItem(m.answers, t), { floor: DEFAULT_FLOOR });
      expect(r.landings[m.id][t].estimate).toBeCloseTo(own.estimate!, 10);
      expect(r.landings[m.id][t].halfWidth).toBeCloseTo(own.halfWidth, 10);
    }
    const warm = r.pairs[0].traits.find((t) => t.trait === "warm")!;
    const shift = pairedShiftT(scoresByItem(members[0].answers, "warm"), scoresByItem(members[1].answers, "warm"), { floor: DEFAULT_FLOOR });
    expect(warm.difference.estimate).toBeCloseTo(shift.estimate!, 10);
    expect(warm.difference.halfWidth).toBeCloseTo(shift.halfWidth, 10);
  });

  it("flags identical behaviour under different prompts as a costume change: one position, distance 0", () => {
    const [a] = drawPanel(mulberry32(2), { ...world, positions: { a: [60, 40, 55, 50] } });
    const r = divergenceReport([a, renamed(a, "b"), renamed(a, "c")], traits, { resamples: 200 });
    expect(r.effectivePositions).toEqual({ estimate: 1, lo: 1, hi: 1 });
    expect(r.meanDistance).toEqual({ estimate: 0, lo: 0, hi: 0 });
    expect(r.pairs.map((p) => p.status)).toEqual(["costume change", "costume change", "costume change"]);
    // The same prompt twice (one persona on two seats) is "not distinguishable", not a costume.
    const same = divergenceReport([a, renamed(a, "b")], traits, { resamples: 50, promptsDiffer: () => false });
    expect(same.pairs[0]).toMatchObject({ status: "not distinguishable", promptsDiffer: false });
  });

  it("flags two members that land the same (independent answers) as a costume change, and near one position", () => {
    const members = drawPanel(mulberry32(3), { ...world, items: 30, positions: { a: [60, 40, 55, 50], b: [60, 40, 55, 50] } });
    const r = divergenceReport(members, traits, { resamples: 400 });
    expect(r.pairs[0].status).toBe("costume change");
    expect(r.pairs[0].traits.every((t) => t.equivalence!.decision === "equivalent")).toBe(true);
    expect(r.effectivePositions.estimate).toBeLessThan(1.3);
    expect(r.pairs[0].distance.hi!).toBeLessThan(5);
  });

  it("counts k well-separated members as about k positions, all pairs distinct", () => {
    const positions = { a: [80, 25, 25, 25], b: [25, 80, 25, 25], c: [25, 25, 80, 25], d: [25, 25, 25, 80] };
    const truth = effectivePositions(distanceMatrix(Object.values(positions))); // 16 / (4 + 12·e^−3.89) = 3.77
    const r = divergenceReport(drawPanel(mulberry32(4), { ...world, positions }), traits, { resamples: 400 });
    expect(Math.abs(r.effectivePositions.estimate - truth)).toBeLessThan(0.1);
    expect(r.effectivePositions.lo!).toBeLessThan(truth);
    expect(r.effectivePositions.hi!).toBeGreaterThan(truth);
    expect(r.pairs).toHaveLength(6);
    expect(r.pairs.every((p) => p.status === "distinct")).toBe(true);
    // True distance √(2·55²/4) = 38.9 points.
    for (const p of r.pairs) expect(p.distance.lo! < 38.9 && p.distance.hi! > 38.9).toBe(true);
    expect(r.map.explained).toBeGreaterThan(0.6); // 4 symmetric members need 3 axes: the map shows about 2/3
    expect(r.map.explained).toBeLessThan(0.75);
    // Further apart (57 points), k = 4 members count as ≈ 4.
    const far = { a: [90, 10, 10, 10], b: [10, 90, 10, 10], c: [10, 10, 90, 10], d: [10, 10, 10, 90] };
    const r2 = divergenceReport(drawPanel(mulberry32(4), { ...world, positions: far }), traits, { resamples: 200 });
    expect(r2.effectivePositions.estimate).toBeGreaterThan(3.9);
    expect(r2.effectivePositions.hi!).toBeLessThanOrEqual(4);
  });

  it("finds a panel of three with two costumes at about two positions", () => {
    const positions = { a: [70, 30, 50, 50], b: [70, 30, 50, 50], c: [25, 75, 50, 50] };
    const r = divergenceReport(drawPanel(mulberry32(5), { ...world, items: 30, positions }), traits, { resamples: 400 });
    expect(r.pairs.find((p) => p.a === "a" && p.b === "b")!.status).toBe("costume change");
    expect(r.pairs.filter((p) => p.b === "c").every((p) => p.status === "distinct")).toBe(true);
    expect(r.effectivePositions.estimate).toBeGreaterThan(1.6);
    expect(r.effectivePositions.estimate).toBeLessThan(2.1);
  });

  it("says inconclusive when a small difference is measured on few noisy items", () => {
    const members = drawPanel(mulberry32(6), { ...world, items: 6, noiseSd: 12, positions: { a: [55, 50, 50, 50], b: [50, 50, 50, 50] } });
    const r = divergenceReport(members, traits, { resamples: 200 });
    expect(r.pairs[0].status).toBe("inconclusive");
  });

  it("is deterministic for a seed; only intervals depend on it", () => {
    const members = drawPanel(mulberry32(7), { ...world, positions: { a: [70, 30, 50, 50], b: [40, 60, 50, 45], c: [50, 50, 20, 80] } });
    const one = divergenceReport(members, traits, { resamples: 300, rng: mulberry32(11) });
    const two = divergenceReport(members, traits, { resamples: 300, rng: mulberry32(11) });
    expect(two).toEqual(one);
    const other = divergenceReport(members, traits, { resamples: 300, rng: mulberry32(12) });
    expect(other.effectivePositions.estimate).toBe(one.effectivePositions.estimate);
    expect(other.pairs[0].distance.lo).not.toBe(one.pairs[0].distance.lo);
    // Member order in the answers does not matter (items are read in sorted order).
    const shuffled = members.map((m) => ({ ...m, answers: [...m.answers].reverse() }));
    expect(divergenceReport(shuffled, traits, { resamples: 300, rng: mulberry32(11) }).pairs[0].distance).toEqual(one.pairs[0].distance);
  });

  it("gives estimates without intervals on a single common item", () => {
    const r = divergenceReport([
      { id: "a", answers: [{ item: "i", scores: { warm: 60 } }] },
      { id: "b", answers: [{ item: "i", scores: { warm: 40 } }] },
    ], ["warm"]);
    expect(r.pairs[0]).toMatchObject({ distance: { estimate: 20, lo: null, hi: null }, status: "inconclusive" });
    expect(r.effectivePositions.lo).toBeNull();
  });
});
