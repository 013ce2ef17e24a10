import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/probing/random";
import { adjustPValues, benjaminiHochberg, holm } from "@/lib/probing/methods/multiplicity";

// Benjamini & Hochberg (1995), §4: 15 p-values from a clinical trial.
const BH_1995 = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1];

describe("multiplicity", () => {
  it("BH rejects the first four of the 1995 example at q = 0.05; Holm the first three", () => {
    expect(benjaminiHochberg(BH_1995).reject.filter(Boolean)).toHaveLength(4);
    expect(benjaminiHochberg(BH_1995).reject.slice(0, 4)).toEqual([true, true, true, true]);
    expect(holm(BH_1995).reject.filter(Boolean)).toHaveLength(3);
  });

  it("matches R's p.adjust, in input order, with nulls left untested", () => {
    const p = [0.04, null, 0.01, 0.03, 0.02, 0.05];
    // p.adjust(c(.01,.02,.03,.04,.05), "BH") = all 0.05; "holm" = .05 .08 .09 .09 .09
    const bh = benjaminiHochberg(p);
    expect(bh.m).toBe(5);
    expect(bh.adjusted[1]).toBeNull();
    for (const i of [0, 2, 3, 4, 5]) expect(bh.adjusted[i]).toBeCloseTo(0.05, 12);
    const h = holm(p);
    expect(h.adjusted).toEqual([expect.closeTo(0.09, 12), null, expect.closeTo(0.05, 12), expect.closeTo(0.09, 12), expect.closeTo(0.08, 12), expect.closeTo(0.09, 12)]);
    expect(adjustPValues(p, "holm")).toEqual(h);
    expect(adjustPValues(p)).toEqual(bh);
    expect(benjaminiHochberg([0.9, 0.8]).adjusted).toEqual([0.9, 0.9]); // monotone, capped
    expect(holm([0.6, 0.7]).adjusted).toEqual([1, 1]);
  });

  it("holds 'any false leak' near α over 16 null traits where unadjusted tests fail half the runs (seeded)", () => {
    const rng = mulberry32(16);
    let bhAny = 0, rawAny = 0;
    const runs = 2000;
    for (let r = 0; r < runs; r++) {
      const p = Array.from({ length: 16 }, rng);
      if (benjaminiHochberg(p).reject.some(Boolean)) bhAny++;
      if (p.some((x) => x <= 0.05)) rawAny++;
    }
    expect(bhAny / runs).toBeLessThan(0.065);
    expect(rawAny / runs).toBeGreaterThan(0.5);
  });
});
