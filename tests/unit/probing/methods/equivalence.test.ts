import { describe, expect, it } from "vitest";
import { equivalenceTest } from "@/lib/probing/methods/equivalence";

describe("equivalence (TOST)", () => {
  it("declares equivalence when the 90% interval lies inside ±δ (hand-computed)", () => {
    // Δ̂ = 1, SE 2, df 20, δ 5: t⁻ = 3 → p 0.003538; t⁺ = −2 → p 0.029633.
    const r = equivalenceTest({ estimate: 1, se: 2, df: 20 }, 5);
    expect(r.pLower).toBeCloseTo(0.003538, 6);
    expect(r.pUpper).toBeCloseTo(0.029633, 6);
    expect(r.p).toBeCloseTo(0.029633, 6);
    expect(r.lo).toBeCloseTo(1 - 1.724718 * 2, 5);
    expect(r.decision).toBe("equivalent");
  });

  it("is not equivalent when the interval lies beyond the margin, inconclusive when it straddles it", () => {
    expect(equivalenceTest({ estimate: 15, se: 2, df: 20 }, 8).decision).toBe("not equivalent");
    expect(equivalenceTest({ estimate: -15, se: 2, df: 20 }, 8).decision).toBe("not equivalent");
    // No shift found, but the interval is too wide to rule out a leak: not "no leakage".
    expect(equivalenceTest({ estimate: 0.5, se: 6, df: 9 }, 8).decision).toBe("inconclusive");
    expect(equivalenceTest({ estimate: 7, se: 1, df: 30 }, 8).decision).toBe("inconclusive");
  });

  it("reads an interval back into an SE", () => {
    // A 95% t-interval 1 ± t(0.975, 20)·2 is the same evidence as SE 2.
    const q = 2.085963;
    const r = equivalenceTest({ estimate: 1, lo: 1 - 2 * q, hi: 1 + 2 * q, level: 0.95, df: 20 }, 5);
    expect(r.se).toBeCloseTo(2, 5);
    expect(r.decision).toBe("equivalent");
    expect(equivalenceTest({ estimate: 0, lo: -1.959964, hi: 1.959964 }, 3).se).toBeCloseTo(1, 5);
  });

  it("handles SE 0 and rejects a non-positive margin", () => {
    expect(equivalenceTest({ estimate: 2, se: 0 }, 5)).toMatchObject({ decision: "equivalent", p: 0 });
    expect(equivalenceTest({ estimate: 9, se: 0 }, 5)).toMatchObject({ decision: "not equivalent", p: 1 });
    expect(() => equivalenceTest({ estimate: 0, se: 1 }, 0)).toThrow(RangeError);
  });
});
