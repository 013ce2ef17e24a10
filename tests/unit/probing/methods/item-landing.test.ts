import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/probing/random";
import { summarize } from "@/lib/probing/stats";
import { itemLandingBootstrap, itemLandingT } from "@/lib/probing/methods/item-landing";
import { roundingSd } from "@/lib/probing/methods/variance-floor";
import { drawItems } from "@/tests/unit/probing/methods/helpers";

describe("itemLandingT", () => {
  it("is the mean of item means with a t(m−1) interval over them (hand-computed)", () => {
    // Item means 55, 70, 90: each item counts once however often it was asked.
    const r = itemLandingT({ c: [80, 90, 100], a: [50, 60, null], b: [70] });
    expect(r.estimate).toBeCloseTo(71.6667, 4);
    expect(r.se).toBeCloseTo(10.137938, 5);
    expect(r.halfWidth).toBeCloseTo(43.620025, 4);
    expect(r.lo).toBeCloseTo(71.6667 - 43.620025, 3);
    expect(r).toMatchObject({ df: 2, items: 3, answers: 6, floored: false, method: "t" });
  });

  it("gives no interval from fewer than two items", () => {
    expect(itemLandingT({})).toMatchObject({ estimate: null, lo: null, halfWidth: Infinity, items: 0 });
    expect(itemLandingT({ a: [40, 60, 80], b: [null] })).toMatchObject({ estimate: 60, lo: null, halfWidth: Infinity, items: 1, answers: 3 });
  });

  it("never reports ±0 for a sticky judge once a floor is given", () => {
    const sticky = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`i${i}`, [70, 70, 70]]));
    expect(itemLandingT(sticky).halfWidth).toBe(0); // the failure the floor exists for
    const floored = itemLandingT(sticky, { floor: { betweenItemSd: 3, judgeSd: roundingSd(10) } });
    // SE² = 3²/12 + (10/√12)² · (12 · 1/3) / 12² → SE 0.990697; × t(0.975, 11)
    expect(floored.se).toBeCloseTo(0.990697, 5);
    expect(floored.halfWidth).toBeCloseTo(2.180510, 5);
    expect(floored.floored).toBe(true);
  });

  it("leaves an honest interval alone when the data spread exceeds the floor", () => {
    const s = drawItems(mulberry32(3), { items: 20, perItem: 3, itemSd: 8, noiseSd: 10 });
    const plain = itemLandingT(s);
    const floored = itemLandingT(s, { floor: { betweenItemSd: 2, judgeSd: 3 } });
    expect(floored).toEqual(plain);
  });

  it("covers the item-population mean ~95% of the time with item effects and a rounding judge (seeded)", () => {
    const rng = mulberry32(11);
    let covered = 0;
    const runs = 600;
    for (let r = 0; r < runs; r++) {
      const s = drawItems(rng, { items: 12, perItem: 3, itemSd: 8, noiseSd: 10, round: 10 });
      const e = itemLandingT(s);
      if (e.lo! <= 60 && 60 <= e.hi!) covered++;
    }
    // Monte Carlo SE ≈ 0.9 points at 95%.
    expect(covered / runs).toBeGreaterThan(0.92);
    expect(covered / runs).toBeLessThan(0.98);
  });
});

describe("itemLandingBootstrap", () => {
  const world = drawItems(mulberry32(5), { items: 30, perItem: 4, itemSd: 10, noiseSd: 8 });

  it("is reproducible from its seed and agrees with the t-interval on 30 items", () => {
    const a = itemLandingBootstrap(world, mulberry32(1));
    expect(itemLandingBootstrap(world, mulberry32(1))).toEqual(a);
    const t = itemLandingT(world);
    expect(a.estimate).toBeCloseTo(t.estimate!, 10);
    expect(a.halfWidth / t.halfWidth).toBeGreaterThan(0.9);
    expect(a.halfWidth / t.halfWidth).toBeLessThan(1.1);
    expect(a).toMatchObject({ items: 30, answers: 120, df: 29, method: "bootstrap" });
  });

  it("treats the item, not the answer, as the unit: many answers per item do not shrink the interval", () => {
    const items = drawItems(mulberry32(9), { items: 10, perItem: 20, itemSd: 12, noiseSd: 4 });
    const byItem = itemLandingBootstrap(items, mulberry32(2), { resamples: 1000 });
    const byAnswer = summarize(Object.values(items).flat(), mulberry32(2), { resamples: 1000 }); // the old unit
    expect(byItem.halfWidth).toBeGreaterThan(3 * byAnswer.halfWidth);
  });

  it("two-stage resampling is wider (it counts within-item noise again)", () => {
    const keep = itemLandingBootstrap(world, mulberry32(4), { resamples: 1000 });
    const twoStage = itemLandingBootstrap(world, mulberry32(4), { resamples: 1000, within: "resample" });
    expect(twoStage.halfWidth).toBeGreaterThan(keep.halfWidth);
  });

  it("applies the floor to a sticky judge", () => {
    const sticky = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`i${i}`, [50, 50]]));
    const plain = itemLandingBootstrap(sticky, mulberry32(1), { resamples: 200 });
    expect(plain.halfWidth).toBe(0);
    const floored = itemLandingBootstrap(sticky, mulberry32(1), { resamples: 200, floor: { betweenItemSd: 4 } });
    expect(floored.floored).toBe(true);
    expect(floored.lo).toBeLessThan(50);
    expect(floored.hi).toBeGreaterThan(50);
  });
});
