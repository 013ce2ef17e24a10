import { describe, expect, it } from "vitest";
import { mulberry32, type Rng } from "@/lib/probing/random";
import { pearson } from "@/lib/probing/stats";
import type { ItemAnswer } from "@/lib/probing/methods/items";
import { withinItemCorrelation, withinItemCorrelationShift } from "@/lib/probing/methods/within-item-correlation";
import { gaussian } from "@/tests/unit/probing/methods/helpers";

/**
 * Items written to give one trait room: item i shifts empathetic up by k·uᵢ and
 * firm down by k·uᵢ. Within an item the two traits' noise has correlation rho.
 * With k² = 233 and noise SD 10 the pooled r is −233/333 = −0.70.
 */
function confoundedWorld(rng: Rng, rho: number, items = 30, perItem = 6, k = Math.sqrt(233)): ItemAnswer[] {
  const z = gaussian(rng);
  const out: ItemAnswer[] = [];
  for (let i = 0; i < items; i++) {
    const u = z();
    for (let j = 0; j < perItem; j++) {
      const e1 = z();
      const e2 = rho * e1 + Math.sqrt(1 - rho * rho) * z();
      out.push({ item: `i${i}`, scores: { empathetic: 50 + k * u + 10 * e1, firm: 50 - k * u + 10 * e2 } });
    }
  }
  return out;
}

describe("within-item correlation", () => {
  it("pools deviations from item means (hand-computed)", () => {
    // Item sums about item means: (sxy, sxx, syy) = (2, 2, 2), (−2, 2, 2), (4, 2, 8) → r = 4/√72.
    const answers: ItemAnswer[] = [
      { item: "a", scores: { x: 1, y: 2 } }, { item: "a", scores: { x: 3, y: 4 } },
      { item: "b", scores: { x: 10, y: 0 } }, { item: "b", scores: { x: 12, y: -2 } },
      { item: "c", scores: { x: 5, y: 5 } }, { item: "c", scores: { x: 7, y: 9 } },
      { item: "d", scores: { x: 40, y: 40 } }, // one answer: no within-item information
      { item: "c", scores: { x: 6, y: null } }, // not scored on both: left out
    ];
    const r = withinItemCorrelation(answers, "x", "y", mulberry32(1), { minDf: 1, resamples: 200 });
    expect(r.r).toBeCloseTo(4 / Math.sqrt(72), 12);
    expect(r).toMatchObject({ items: 3, answers: 6, df: 3 });
  });

  it("recovers r_w ≈ 0 where between-item confounding makes the pooled r ≈ −0.7", () => {
    const answers = confoundedWorld(mulberry32(12), 0);
    const pooled = pearson(answers.map((a) => a.scores), "empathetic", "firm").r!;
    expect(pooled).toBeGreaterThan(-0.8);
    expect(pooled).toBeLessThan(-0.6); // the old rule (r ≤ −0.3) would call this tension
    const within = withinItemCorrelation(answers, "empathetic", "firm", mulberry32(2), { resamples: 1000 });
    expect(Math.abs(within.r!)).toBeLessThan(0.15);
    expect(within.lo!).toBeLessThan(0);
    expect(within.hi!).toBeGreaterThan(0);
    expect(within.hi!).toBeGreaterThan(-0.3);
  });

  it("still finds a real within-item trade-off", () => {
    const within = withinItemCorrelation(confoundedWorld(mulberry32(13), -0.6), "empathetic", "firm", mulberry32(3), { resamples: 1000 });
    expect(within.r!).toBeCloseTo(-0.6, 1);
    expect(within.hi!).toBeLessThan(-0.3);
  });

  it("says why there is no r", () => {
    const flat: ItemAnswer[] = [0, 1, 2, 3].flatMap((i) => [{ item: `i${i}`, scores: { x: 5, y: i } }, { item: `i${i}`, scores: { x: 5, y: i + 1 } }]);
    expect(withinItemCorrelation(flat, "x", "y", mulberry32(1), { minDf: 1 }).reason).toBe("constant");
    expect(withinItemCorrelation(flat.slice(0, 4), "x", "y", mulberry32(1)).reason).toBe("too_few_items");
    expect(withinItemCorrelation(flat, "x", "y", mulberry32(1)).reason).toBe("too_few_answers");
  });

  it("relative to baseline: a trade-off the neutral assistant shares is not the persona's", () => {
    const shared = withinItemCorrelationShift(
      confoundedWorld(mulberry32(30), -0.5), confoundedWorld(mulberry32(31), -0.5), "empathetic", "firm", mulberry32(4), { resamples: 800 },
    );
    expect(shared.persona.r!).toBeLessThan(-0.3);
    expect(shared.baseline.r!).toBeLessThan(-0.3);
    expect(shared.lo!).toBeLessThan(0);
    expect(shared.hi!).toBeGreaterThan(0);

    const own = withinItemCorrelationShift(
      confoundedWorld(mulberry32(32), -0.7), confoundedWorld(mulberry32(33), 0), "empathetic", "firm", mulberry32(5), { resamples: 800 },
    );
    expect(own.difference!).toBeCloseTo(-0.7, 1);
    expect(own.hi!).toBeLessThan(0);
  });
});
