import { describe, expect, it } from "vitest";
import { incompleteBeta, logGamma, tCdf, tQuantile, twoSidedP } from "@/lib/probing/methods/t-distribution";

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
