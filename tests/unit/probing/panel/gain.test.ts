import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/probing/random";
import { distanceMatrix, diversityGain, meanPairDistance, memberDistance } from "@/lib/probing/panel";
import { drawPanel } from "@/tests/unit/probing/panel/helpers";

const traits = ["warm", "blunt", "curious"];
const positions = { a: [75, 30, 50], b: [30, 75, 50], c: [50, 50, 70], d: [55, 50, 45] };
/** The model's well: every member pulled 70% of the way toward (50, 50, 50). */
const inWell = Object.fromEntries(Object.entries(positions).map(([id, p]) => [id, p.map((v) => 50 + 0.3 * (v - 50))]));

describe("diversity gain (single model vs routed)", () => {
  it("is exactly zero, with a zero interval, when routing changes nothing", () => {
    const members = drawPanel(mulberry32(41), { traits, positions, items: 16, perItem: 2 });
    const g = diversityGain(members, members, traits, { resamples: 200 });
    expect(g.effectivePositions.gain).toEqual({ estimate: 0, lo: 0, hi: 0 });
    expect(g.meanDistance.gain).toEqual({ estimate: 0, lo: 0, hi: 0 });
    expect(g.moved.every((m) => m.distance.estimate === 0)).toBe(true);
  });

  it("recovers a planted gain: members pulled into one model's well spread out when routed", () => {
    const single = drawPanel(mulberry32(42), { traits, positions: inWell, items: 24, perItem: 2 });
    const routed = drawPanel(mulberry32(43), { traits, positions, items: 24, perItem: 2 });
    const g = diversityGain(single, routed, traits, { resamples: 500, rng: mulberry32(9) });
    expect(g.items).toBe(24);
    expect(g.effectivePositions.gain.lo!).toBeGreaterThan(0);
    expect(g.meanDistance.gain.lo!).toBeGreaterThan(0);
    // True gain in mean distance: 0.7 of the routed mean distance (the well keeps 0.3 of every gap).
    const truth = 0.7 * meanPairDistance(distanceMatrix(Object.values(positions)));
    expect(g.meanDistance.gain.lo! < truth && g.meanDistance.gain.hi! > truth).toBe(true);
    expect(g.effectivePositions.routed.estimate).toBeGreaterThan(g.effectivePositions.single.estimate + 1);
    // Who moved most: the members furthest from the well (a and b move 0.7·√(25²+20²)/√3 ≈ 12.9, c 8.1, d 2.9).
    expect(memberDistance(positions.a, inWell.a)).toBeCloseTo(12.94, 2);
    expect(g.moved.slice(0, 2).map((m) => m.member).sort()).toEqual(["a", "b"]);
    expect(g.moved[3].member).toBe("d");
    expect(g.moved[0].distance.lo!).toBeGreaterThan(g.moved[3].distance.estimate);
  });

  it("is deterministic for a seed and pairs the arms on the items both answered", () => {
    const single = drawPanel(mulberry32(44), { traits, positions: inWell, items: 12, perItem: 1 });
    const routed = drawPanel(mulberry32(45), { traits, positions, items: 14, perItem: 1 }); // two extra items
    const one = diversityGain(single, routed, traits, { resamples: 300, rng: mulberry32(3) });
    expect(one.items).toBe(12);
    expect(one.droppedItems).toEqual(["item-12", "item-13"]);
    expect(diversityGain(single, routed, traits, { resamples: 300, rng: mulberry32(3) })).toEqual(one);
  });

  it("refuses arms that seat different members", () => {
    const a = drawPanel(mulberry32(46), { traits, positions: { a: [50, 50, 50] }, items: 3, perItem: 1 });
    const b = drawPanel(mulberry32(47), { traits, positions: { z: [50, 50, 50] }, items: 3, perItem: 1 });
    expect(() => diversityGain(a, b, traits)).toThrow(/same members/);
  });
});
