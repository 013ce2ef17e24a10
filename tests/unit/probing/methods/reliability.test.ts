import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/probing/random";
import { krippendorffAlpha, krippendorffAlphaInterval, testRetest, testRetestInterval } from "@/lib/probing/methods/reliability";
import { gaussian } from "@/tests/unit/probing/methods/helpers";

const _ = null;
// Krippendorff (2011), "Computing Krippendorff's alpha-reliability", example C:
// 12 units × 4 observers with missing values. Published: nominal 0.743,
// interval 0.849, ratio 0.797.
const KRIPPENDORFF_2011 = [
  [1, 1, _, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4],
  [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [_, 5, 5, 5], [_, _, 1, 1], [_, 3, _, _],
];

// Shrout & Fleiss (1979), Table 2: 6 targets × 4 judges. Published ICC(2,1) = 0.29.
const SHROUT_FLEISS = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]];

describe("Krippendorff's alpha", () => {
  it("reproduces the published example for all three metrics", () => {
    const interval = krippendorffAlpha(KRIPPENDORFF_2011);
    expect(interval.alpha).toBeCloseTo(0.849, 3);
    expect(interval).toMatchObject({ units: 11, values: 40 }); // the unit with one value is not pairable
    expect(krippendorffAlpha(KRIPPENDORFF_2011, "nominal").alpha).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(KRIPPENDORFF_2011, "ratio").alpha).toBeCloseTo(0.797, 3);
  });

  it("is 1 for perfect agreement and null with nothing to compare", () => {
    expect(krippendorffAlpha([[10, 10], [40, 40, 40], [90, _, 90]]).alpha).toBe(1);
    expect(krippendorffAlpha([[10, _], [_, 40]]).alpha).toBeNull();
    expect(krippendorffAlpha([[50, 50], [50, 50]]).alpha).toBeNull(); // no variation at all
  });

  it("tracks judge noise against item spread, with a seeded unit-bootstrap interval", () => {
    const z = gaussian(mulberry32(4));
    // True scores SD 20, three judges each with noise SD 10: α ≈ 400 / 500 = 0.8.
    const table = Array.from({ length: 150 }, () => {
      const t = 50 + 20 * z();
      return [t + 10 * z(), t + 10 * z(), t + 10 * z()];
    });
    const r = krippendorffAlphaInterval(table, mulberry32(9), { resamples: 400 });
    expect(r.alpha!).toBeGreaterThan(0.72);
    expect(r.alpha!).toBeLessThan(0.88);
    expect(r.lo!).toBeLessThan(r.alpha!);
    expect(r.hi!).toBeGreaterThan(r.alpha!);
    expect(krippendorffAlphaInterval(table, mulberry32(9), { resamples: 400 })).toEqual(r);
  });
});

describe("test–retest (ICC(2,1))", () => {
  it("reproduces Shrout & Fleiss's ICC(2,1) and mean squares", () => {
    const r = testRetest(SHROUT_FLEISS);
    expect(r.icc!).toBeCloseTo(0.29, 2);
    expect(r.msRows).toBeCloseTo(11.24, 2);
    expect(r.msColumns).toBeCloseTo(32.49, 2);
    expect(r.msError).toBeCloseTo(1.02, 2);
  });

  it("counts a drift between sessions as unreliability, unlike a correlation", () => {
    const first = [20, 35, 50, 65, 80];
    const drifted = testRetest(first.map((x) => [x, x + 10]));
    expect(drifted.icc!).toBeLessThan(0.95); // r would be exactly 1
    expect(drifted.meanDifference).toBe(10);
    expect(drifted.meanAbsoluteDifference).toBe(10);
    expect(drifted.withinSd).toBeCloseTo(10 / Math.SQRT2, 10);
    expect(testRetest(first.map((x) => [x, x])).icc).toBe(1);
  });

  it("drops answers missing a session and needs two complete answers", () => {
    expect(testRetest([[1, 2], [3, _], [5, 6]]).answers).toBe(2);
    expect(testRetest([[1, 2], [3, _]]).icc).toBeNull();
  });

  it("recovers the judge's noise SD for the variance floor (seeded)", () => {
    const z = gaussian(mulberry32(6));
    const table = Array.from({ length: 200 }, () => {
      const t = 50 + 20 * z();
      return [t + 5 * z(), t + 5 * z()];
    });
    const r = testRetestInterval(table, mulberry32(7), { resamples: 300 });
    expect(r.withinSd).toBeGreaterThan(4.4);
    expect(r.withinSd).toBeLessThan(5.6);
    expect(r.icc!).toBeCloseTo(400 / 425, 1);
    expect(r.lo!).toBeLessThan(r.icc!);
    expect(r.hi!).toBeGreaterThan(r.icc!);
  });
});
