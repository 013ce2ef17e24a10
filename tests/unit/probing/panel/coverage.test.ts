import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/probing/random";
import { divergenceReport, diversityGain, memberDistance } from "@/lib/probing/panel";
import { drawPanel } from "@/tests/unit/probing/panel/helpers";

// Small seeded simulations: do the intervals cover the truth, and is the
// costume-change flag rare when the members truly differ by the margin?
// (Monte Carlo SE of a 95% coverage over 200 worlds ≈ 1.5 points; bounds are loose.)

const traits = ["warm", "blunt", "curious", "formal"];
const a = [50, 50, 50, 50];

describe("panel intervals in seeded worlds", () => {
  it("the pairwise distance interval covers the true distance (≥ 88% of 200 worlds), also when members are close", () => {
    const b = [56, 44, 56, 50]; // true distance 5.2 points: noise bias matters here
    const truth = memberDistance(a, b);
    const rng = mulberry32(2026);
    let covered = 0;
    for (let r = 0; r < 200; r++) {
      const members = drawPanel(rng, { traits, items: 20, perItem: 2, positions: { a, b } });
      const d = divergenceReport(members, traits, { resamples: 200, rng: mulberry32(r) }).pairs[0].distance;
      if (d.lo! <= truth && truth <= d.hi!) covered++;
    }
    expect(covered / 200).toBeGreaterThanOrEqual(0.88);
  });

  it("the diversity gain interval covers the planted gain (≥ 88% of 100 worlds)", () => {
    const positions = { a: [60, 40, 50, 50], b: [45, 60, 50, 50], c: [50, 50, 65, 40] };
    const well = Object.fromEntries(Object.entries(positions).map(([id, p]) => [id, p.map((v) => 50 + 0.5 * (v - 50))]));
    const truth = 0.5 * (memberDistance(positions.a, positions.b) + memberDistance(positions.a, positions.c) + memberDistance(positions.b, positions.c)) / 3;
    const rng = mulberry32(2027);
    let covered = 0;
    for (let r = 0; r < 100; r++) {
      const routed = drawPanel(rng, { traits, items: 16, perItem: 2, positions });
      const single = drawPanel(rng, { traits, items: 16, perItem: 2, positions: well });
      const g = diversityGain(single, routed, traits, { resamples: 200, rng: mulberry32(r) }).meanDistance.gain;
      if (g.lo! <= truth && truth <= g.hi!) covered++;
    }
    expect(covered / 100).toBeGreaterThanOrEqual(0.88);
  });

  it("rarely calls a costume change when one trait truly differs by the margin (≤ 5% of 200 worlds)", () => {
    const rng = mulberry32(2028);
    let costumes = 0;
    for (let r = 0; r < 200; r++) {
      const members = drawPanel(rng, { traits, items: 30, perItem: 2, positions: { a, b: [55, 50, 50, 50] } });
      if (divergenceReport(members, traits, { resamples: 1 }).pairs[0].status === "costume change") costumes++;
    }
    expect(costumes / 200).toBeLessThanOrEqual(0.05);
  });
});
