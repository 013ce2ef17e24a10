import { describe, expect, it } from "vitest";
import { mulberry32, perTraitRng, rngFor, seedFrom, type Rng } from "@/lib/probing/random";
import { itemLandingT, pairedShiftT } from "@/lib/probing/methods";
import { correlationMatrix, correlationOf, DEFAULT_FLOOR, landingTable, scoresByTrait, shift, summarize } from "@/lib/probing/stats";
import { expandedTail, normalCdf, normalQuantile, tQuantile } from "@/lib/probing/stats/distributions";

const normal = (rng: Rng, mean: number, sd: number) => () =>
  mean + sd * Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
const draw = (n: number, mean: number, sd: number, seed: number) => Array.from({ length: n }, normal(mulberry32(seed), mean, sd));

describe("random", () => {
  it("mulberry32 is deterministic, in [0, 1), and differs by seed", () => {
    const a = Array.from({ length: 1000 }, mulberry32(42));
    expect(Array.from({ length: 1000 }, mulberry32(42))).toEqual(a);
    expect(Array.from({ length: 1000 }, mulberry32(43))).not.toEqual(a);
    expect(Math.min(...a)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...a)).toBeLessThan(1);
    expect(a.reduce((s, x) => s + x, 0) / a.length).toBeCloseTo(0.5, 1);
  });

  it("derives stable seeds and named streams from text", () => {
    expect(seedFrom("run-1")).toBe(seedFrom("run-1"));
    expect(seedFrom("run-1")).not.toBe(seedFrom("run-2"));
    expect(rngFor("landing", "firm")()).toBe(rngFor("landing", "firm")());
    expect(perTraitRng()("firm", "landing")()).not.toBe(perTraitRng()("firm", "baseline")());
  });
});

describe("distributions", () => {
  it("matches tabulated normal and t values", () => {
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.706, 2);
    expect(tQuantile(0.975, 2)).toBeCloseTo(4.303, 3);
    expect(tQuantile(0.975, 5)).toBeCloseTo(2.571, 2);
    expect(tQuantile(0.975, 30)).toBeCloseTo(2.042, 3);
  });

  it("expands the percentile tails for small samples and converges to α/2", () => {
    expect(expandedTail(0.95, 6)).toBeCloseTo(0.0025, 4);
    expect(expandedTail(0.95, 12)).toBeCloseTo(0.011, 3);
    expect(expandedTail(0.95, 10_000)).toBeCloseTo(0.025, 3);
    expect(expandedTail(0.95, 30)).toBeLessThan(expandedTail(0.95, 100));
  });
});

describe("summarize", () => {
  it("has no mean and no interval without answers, and no interval from one answer", () => {
    const rng = mulberry32(1);
    expect(summarize([], rng)).toEqual({ n: 0, mean: null, lo: null, hi: null, halfWidth: Infinity });
    expect(summarize([70], rng)).toEqual({ n: 1, mean: 70, lo: null, hi: null, halfWidth: Infinity });
    expect(JSON.parse(JSON.stringify(summarize([70], rng))).halfWidth).toBeNull();
  });

  it("ignores non-finite values and gives a zero-width interval for constant scores", () => {
    expect(summarize([80, 80, Number.NaN, 80], mulberry32(1))).toEqual({ n: 3, mean: 80, lo: 80, hi: 80, halfWidth: 0 });
  });

  it("gives the sample mean with an interval around it, reproducible from the seed", () => {
    const values = draw(40, 60, 15, 7);
    const s = summarize(values, mulberry32(3));
    expect(s.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / 40, 10);
    expect(s.lo!).toBeLessThan(s.mean!);
    expect(s.hi!).toBeGreaterThan(s.mean!);
    expect(s.halfWidth).toBeCloseTo((s.hi! - s.lo!) / 2, 10);
    expect(summarize(values, mulberry32(3))).toEqual(s);
    // ≈ t·sd/√n = 2.02 · 15 / √40 ≈ 4.8, give or take the sample's own sd
    expect(s.halfWidth).toBeGreaterThan(3.5);
    expect(s.halfWidth).toBeLessThan(6.5);
  });

  it("narrows like 1/√n and with a lower level", () => {
    const small = summarize(draw(25, 50, 15, 11), mulberry32(1));
    const large = summarize(draw(400, 50, 15, 11), mulberry32(1));
    expect(small.halfWidth / large.halfWidth).toBeGreaterThan(3);
    expect(small.halfWidth / large.halfWidth).toBeLessThan(5.3);
    const values = draw(30, 50, 15, 5);
    expect(summarize(values, mulberry32(2), { level: 0.5 }).halfWidth).toBeLessThan(summarize(values, mulberry32(2)).halfWidth / 2);
  });

  it("covers the true mean about 95% of the time even at n = 8", () => {
    const rng = mulberry32(99);
    let covered = 0;
    const reps = 400;
    for (let i = 0; i < reps; i++) {
      const s = summarize(draw(8, 50, 15, 1000 + i), rng, { resamples: 1000 });
      if (s.lo! <= 50 && 50 <= s.hi!) covered++;
    }
    expect(covered / reps).toBeGreaterThan(0.91);
    expect(covered / reps).toBeLessThan(0.99);
  });
});

describe("shift", () => {
  it("is the difference of means, with an interval that excludes zero when the samples clearly differ", () => {
    const landing = draw(40, 72, 12, 1);
    const baseline = draw(40, 46, 12, 2);
    const s = shift(landing, baseline, mulberry32(5));
    const m = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(s.difference).toBeCloseTo(m(landing) - m(baseline), 10);
    expect(s.excludesZero).toBe(true);
    expect(s.lo!).toBeGreaterThan(0);
    expect([s.nLanding, s.nBaseline]).toEqual([40, 40]);
  });

  it("resamples both samples: its interval is about √2 × one sample's when they are alike", () => {
    const a = draw(60, 50, 15, 3);
    const b = draw(60, 50, 15, 4);
    const s = shift(a, b, mulberry32(6));
    const one = (summarize(a, mulberry32(7)).halfWidth + summarize(b, mulberry32(8)).halfWidth) / 2;
    expect(s.halfWidth / one).toBeGreaterThan(1.2);
    expect(s.halfWidth / one).toBeLessThan(1.6);
    expect(s.excludesZero).toBe(false);
  });

  it("has no interval when either side has fewer than two answers", () => {
    expect(shift([60, 70], [50], mulberry32(1))).toMatchObject({ difference: 15, lo: null, hi: null, halfWidth: Infinity, excludesZero: false });
    expect(shift([], [50, 52], mulberry32(1)).difference).toBeNull();
  });
});

describe("correlationMatrix", () => {
  it("computes Pearson r per pair over answers that score both, with n per pair", () => {
    const rows = [
      { a: 10, b: 90, c: 10 }, { a: 20, b: 80, c: null }, { a: 30, b: 70, c: 30 },
      { a: 40, b: 60, c: 40 }, { a: 50, b: null, c: 50 },
    ];
    const m = correlationMatrix(rows, ["a", "b", "c"]);
    expect(correlationOf(m, "a", "b").r).toBeCloseTo(-1, 12);
    expect(correlationOf(m, "b", "a")).toEqual(correlationOf(m, "a", "b"));
    expect(correlationOf(m, "a", "b").n).toBe(4);
    expect(correlationOf(m, "a", "c").r).toBeCloseTo(1, 12);
    expect(correlationOf(m, "a", "c").n).toBe(4);
    expect(correlationOf(m, "b", "c").r).toBeCloseTo(-1, 12);
    expect(correlationOf(m, "b", "c").n).toBe(3);
    expect(correlationOf(m, "a", "a").r).toBeCloseTo(1, 12);
    expect(correlationOf(m, "a", "a").n).toBe(5);
    expect(correlationOf(m, "a", "zzz")).toEqual({ r: null, n: 0 });
  });

  it("is null below three answers or when a trait does not vary", () => {
    const m = correlationMatrix([{ a: 1, b: 2, c: 5 }, { a: 2, b: 1, c: 5 }, { a: 3, b: null, c: 5 }], ["a", "b", "c"]);
    expect(correlationOf(m, "a", "b")).toEqual({ r: null, n: 2 });
    expect(correlationOf(m, "a", "c")).toEqual({ r: null, n: 3 });
  });

  it("recovers a known correlation from simulated answers", () => {
    const rng = mulberry32(8);
    const z = normal(rng, 0, 1);
    const rows = Array.from({ length: 2000 }, () => {
      const x = z(), e = z();
      return { x, y: -0.44 * x + Math.sqrt(1 - 0.44 ** 2) * e };
    });
    expect(correlationOf(correlationMatrix(rows, ["x", "y"]), "x", "y").r!).toBeCloseTo(-0.44, 1);
  });
});

describe("landingTable", () => {
  it("assembles target, landing, baseline and shift per trait, by item", () => {
    const rows = [{ firm: 80, warm: 40 }, { firm: 70, warm: null }, { firm: 75, warm: 50 }];
    expect(scoresByTrait(rows, ["firm", "warm"])).toEqual({ firm: [80, 70, 75], warm: [40, 50] });
    const table = landingTable({
      keys: ["firm", "warm"], targets: { firm: 85 },
      landing: { firm: { a: [75, 85], b: [70], c: [75] }, warm: { a: [40], b: [null], c: [50] } },
      baseline: { firm: { a: [45], b: [50], c: [40] }, warm: { a: [55], c: [60] } },
    });
    expect(table.map((r) => r.key)).toEqual(["firm", "warm"]);
    expect(table[0].target).toBe(85);
    expect("target" in table[1]).toBe(false);
    expect(table[0].landing).toMatchObject({ mean: 75, n: 4, nItems: 3 }); // mean of item means (80, 70, 75), not of answers (76.25)
    expect(table[0].baseline.mean).toBe(45);
    expect(table[0].shift).toMatchObject({ difference: 30, nLanding: 4, nBaseline: 3, nItems: 3 });
    expect(table[0].shift.pValue).toBeGreaterThan(0);
    expect(table[1].landing).toMatchObject({ n: 2, nItems: 2 });
  });

  it("uses the item-level t-interval with the default variance floor, and pairs the shift by item", () => {
    // 20 items whose effects (SD 12) are shared by persona and baseline; the persona adds 6 points.
    const rng = mulberry32(9);
    const z = normal(rng, 0, 1);
    const persona: Record<string, number[]> = {}, baseline: Record<string, number[]> = {};
    for (let i = 0; i < 20; i++) {
      const effect = 12 * z();
      persona[`i${i}`] = [56 + effect + 4 * z(), 56 + effect + 4 * z()];
      baseline[`i${i}`] = [50 + effect + 4 * z(), 50 + effect + 4 * z()];
    }
    const [row] = landingTable({ keys: ["firm"], landing: { firm: persona }, baseline: { firm: baseline } });
    const t = itemLandingT(persona, { floor: DEFAULT_FLOOR });
    expect(row.landing).toEqual({ n: 40, nItems: 20, mean: t.estimate, lo: t.lo, hi: t.hi, halfWidth: t.halfWidth });
    expect(row.shift.difference).toBeCloseTo(pairedShiftT(persona, baseline).estimate!, 10);
    // Paired: item effects cancel, so the shift is far narrower than the landing and clearly above 0.
    expect(row.shift.halfWidth).toBeLessThan(row.landing.halfWidth / 2);
    expect(row.shift.excludesZero).toBe(true);
    expect(row.shift.pValue).toBeLessThan(0.001);
    expect(landingTable({ keys: ["firm"], landing: { firm: persona }, baseline: { firm: baseline } })).toEqual([row]);
  });

  it("never reports ±0: identical scores on every item still get the floor", () => {
    const same = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`i${i}`, [80]]));
    const [row] = landingTable({ keys: ["firm"], landing: { firm: same }, baseline: { firm: same } });
    expect(row.landing.halfWidth).toBeGreaterThan(1.5);
    expect(row.shift.halfWidth).toBeGreaterThan(2);
    expect(row.shift.excludesZero).toBe(false);
  });
});
