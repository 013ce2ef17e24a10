import { describe, expect, it } from "vitest";
import { incompleteBeta, logGamma, minimumEffectP, tCdf, tQuantile, twoSidedP } from "@/lib/probing/methods/t-distribution";
import { mulberry32 } from "@/lib/probing/random";

// Reference values: standard t tables (R qt/pt, scipy.stats.t).
describe("t distribution", () => {
  it("matches tabulated quantiles, including at few degrees of freedom", () => {
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.706205, 5);
    expect(tQuantile(0.975, 2)).toBeCloseTo(4.302653, 6);
    expect(tQuantile(0.975, 3)).toBeCloseTo(3.182446, 6);
    expect(tQuantile(0.975, 4)).toBeCloseTo(2.776445, 6);
    expect(tQuantile(0.975, 11)).toBeCloseTo(2.200985, 6);
    expect(tQuantile(0.95, 20)).toBeCloseTo(1.724718, 6);
    expect(tQuantile(0.025, 10)).toBeCloseTo(-2.228139, 6);
    expect(tQuantile(0.975, Infinity)).toBeCloseTo(1.959964, 6);
  });

  it("matches tabulated CDF values and two-sided p-values", () => {
    expect(tCdf(1.5, 3)).toBeCloseTo(0.884708, 6);
    expect(tCdf(-2.5, 7)).toBeCloseTo(0.020496, 6);
    expect(tCdf(2, 20)).toBeCloseTo(0.970367, 6);
    expect(twoSidedP(4, 1, 10)).toBeCloseTo(0.0025183, 7);
    expect(twoSidedP(30, 1, 5) / 7.718649e-7).toBeCloseTo(1, 4); // tiny p-values keep their digits
    expect(twoSidedP(0, 0, 5)).toBe(1);
    expect(twoSidedP(1, 0, 5)).toBe(0);
  });

  it("has a consistent gamma and incomplete beta", () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12); // uniform
    expect(incompleteBeta(0.4, 2, 3) + incompleteBeta(0.6, 3, 2)).toBeCloseTo(1, 12); // symmetry
    for (const df of [2, 5, 30]) for (const p of [0.6, 0.9, 0.995]) expect(tCdf(tQuantile(p, df), df)).toBeCloseTo(p, 9);
  });
});

describe("minimumEffectP — the test of |shift| ≤ negligible", () => {
  it("is the two-sided test of 0 when nothing is negligible, and symmetric in the sign", () => {
    expect(minimumEffectP(4, 1, 10, 0)).toBeCloseTo(twoSidedP(4, 1, 10), 12);
    expect(minimumEffectP(-6, 2, 30, 2)).toBe(minimumEffectP(6, 2, 30, 2));
  });

  it("is P(T ≥ (|d| − δ)/se) + P(T ≥ (|d| + δ)/se), the chance at the boundary shift ±δ", () => {
    const p = minimumEffectP(7, 2, 29, 2);
    expect(p).toBeCloseTo(1 - tCdf(2.5, 29) + (1 - tCdf(4.5, 29)), 10);
    expect(minimumEffectP(2, 1, 29, 2)).toBeGreaterThan(0.5); // an estimate at the boundary is no evidence
    const tail = (t: number) => 0.5 * incompleteBeta(5 / (5 + t * t), 2.5, 0.5);
    expect(minimumEffectP(300, 1, 5, 2) / (tail(298) + tail(302))).toBeCloseTo(1, 6); // tiny tails keep their digits
  });

  it("holds its level at the boundary and below it, however precise the estimate", () => {
    const rng = mulberry32(11);
    const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
    for (const [truth, se] of [[2, 2], [2, 0.2], [1, 0.2]] as const) {
      let rejected = 0;
      for (let i = 0; i < 20_000; i++) if (minimumEffectP(truth + se * normal(), se, Infinity, 2) <= 0.05) rejected++;
      if (truth === 2) expect(rejected / 20_000).toBeCloseTo(0.05, 1.5);
      else expect(rejected).toBe(0); // a precise 1-point drift is never "more than negligible"
    }
    // …while a plain test of 0 rejects a precise 1-point drift every time.
    expect(twoSidedP(1, 0.2, Infinity)).toBeLessThan(1e-5);
  });
});
