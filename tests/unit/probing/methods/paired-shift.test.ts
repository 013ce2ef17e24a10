import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/probing/random";
import { shift } from "@/lib/probing/stats";
import { pairedShiftBootstrap, pairedShiftT } from "@/lib/probing/methods/paired-shift";
import { gaussian } from "@/tests/unit/probing/methods/helpers";

describe("paired shift by item", () => {
  const persona = { a: [60, 62], b: [30], c: [90, 94], x: [50] };
  const baseline = { a: [50], b: [22, 18], c: [80], y: [10] };

  it("is the mean of per-item differences over the items both arms have (hand-computed)", () => {
    // Differences a: 61 − 50 = 11, b: 30 − 20 = 10, c: 92 − 80 = 12 → mean 11, SD 1.
    const r = pairedShiftT(persona, baseline);
    expect(r.estimate).toBeCloseTo(11, 10);
    expect(r.halfWidth).toBeCloseTo(2.484138, 5); // t(0.975, 2) / √3
    expect(r).toMatchObject({ items: 3, answers: 9, df: 2, personaOnly: ["x"], baselineOnly: ["y"], floored: false });
  });

  it("floors the SE with the judge's noise in both arms", () => {
    // Σ(1/nᴾ + 1/nᴮ) = 1.5 · 3 = 4.5; SE_floor = √(4² · 4.5 / 3²) = √8.
    const r = pairedShiftT(persona, baseline, { floor: { judgeSd: 4 } });
    expect(r.se).toBeCloseTo(Math.sqrt(8), 10);
    expect(r.halfWidth).toBeCloseTo(12.169740, 5);
    expect(r.floored).toBe(true);
  });

  it("gives no interval with fewer than two paired items", () => {
    expect(pairedShiftT({ a: [1] }, { b: [2] })).toMatchObject({ estimate: null, halfWidth: Infinity, personaOnly: ["a"], baselineOnly: ["b"] });
    expect(pairedShiftBootstrap({ a: [5] }, { a: [2] }, mulberry32(1))).toMatchObject({ estimate: 3, lo: null });
  });

  it("cancels item effects the unpaired shift carries twice", () => {
    const z = gaussian(mulberry32(21));
    const p: Record<string, number[]> = {};
    const b: Record<string, number[]> = {};
    for (let i = 0; i < 15; i++) {
      const item = 50 + 15 * z(); // what the item invites, in both arms
      p[`i${i}`] = [0, 1, 2].map(() => item + 6 + 4 * z());
      b[`i${i}`] = [0, 1, 2].map(() => item + 4 * z());
    }
    const paired = pairedShiftT(p, b);
    const boot = pairedShiftBootstrap(p, b, mulberry32(2), { resamples: 1000 });
    const unpaired = shift(Object.values(p).flat(), Object.values(b).flat(), mulberry32(2), { resamples: 1000 });
    expect(paired.lo).toBeGreaterThan(0);
    expect(unpaired.excludesZero).toBe(false); // the old shift misses a 6-point move under 15-point item effects
    expect(paired.halfWidth).toBeLessThan(unpaired.halfWidth / 3);
    expect(boot.estimate).toBeCloseTo(paired.estimate!, 10);
    expect(boot.halfWidth / paired.halfWidth).toBeGreaterThan(0.8);
    expect(boot.halfWidth / paired.halfWidth).toBeLessThan(1.2);
  });

  it("has ~5% false 'moved' calls when the persona moves nothing (seeded)", () => {
    const rng = mulberry32(8);
    const z = gaussian(rng);
    let moved = 0;
    const runs = 600;
    for (let r = 0; r < runs; r++) {
      const p: Record<string, number[]> = {};
      const b: Record<string, number[]> = {};
      for (let i = 0; i < 10; i++) {
        const item = 50 + 10 * z();
        const interaction = 3 * z(); // persona × item: averages to 0 over the population
        p[`i${i}`] = [0, 1].map(() => Math.round(item + interaction + 6 * z()));
        b[`i${i}`] = [0, 1].map(() => Math.round(item + 6 * z()));
      }
      const e = pairedShiftT(p, b);
      if (e.lo! > 0 || e.hi! < 0) moved++;
    }
    expect(moved / runs).toBeGreaterThan(0.02);
    expect(moved / runs).toBeLessThan(0.08);
  });

  it("two-stage bootstrap is reproducible and wider than keeping items intact", () => {
    const keep = pairedShiftBootstrap(persona, baseline, mulberry32(3), { resamples: 500 });
    const two = pairedShiftBootstrap(persona, baseline, mulberry32(3), { resamples: 500, within: "resample" });
    expect(pairedShiftBootstrap(persona, baseline, mulberry32(3), { resamples: 500 })).toEqual(keep);
    expect(two.halfWidth).toBeGreaterThan(keep.halfWidth);
  });
});
