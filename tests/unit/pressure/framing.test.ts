import { describe, expect, it } from "vitest";
import { framingDifference, framingReport, type FramingArm } from "@/lib/probing/pressure/framing";
import { pairedShiftT } from "@/lib/probing/methods/paired-shift";
import { DEFAULT_FLOOR } from "@/lib/probing/stats/floor";
import { gen, type Gen } from "./synthetic";

type Scores = Record<string, number[]>;

/** Item means shared by every arm (the item's own pull), plus each arm's shift and answer noise. */
function arms(g: Gen, traits: string[], natureShift: number, requestedShift: number, sharedBaseline: boolean, items = 12) {
  const nature = { persona: {} as Record<string, Scores>, baseline: {} as Record<string, Scores> };
  const requested = { persona: {} as Record<string, Scores>, baseline: {} as Record<string, Scores> };
  for (const t of traits) {
    const pulls = Array.from({ length: items }, () => g.normal(50, 10));
    const arm = (shift: number): Scores => Object.fromEntries(pulls.map((p, i) => [`${t}#${i}`, [g.normal(p + shift + g.normal(0, 3), 8)]]));
    const n = arm(natureShift), r = arm(requestedShift), bn = arm(0);
    nature.persona[t] = n; nature.baseline[t] = bn;
    requested.persona[t] = r; requested.baseline[t] = sharedBaseline ? bn : arm(0);
  }
  if (sharedBaseline) requested.baseline = nature.baseline;
  return { nature: nature as FramingArm, requested: requested as FramingArm };
}

describe("framing pair", () => {
  it("reduces to the paired shift nature − requested when both arms share a baseline", () => {
    const n = { a: [60], b: [70], c: [50] }, r = { a: [52], b: [66], c: [49] }, base = { a: [40], b: [45], c: [41] };
    expect(framingDifference(n, base, r, base)).toEqual(pairedShiftT(n, r, { floor: DEFAULT_FLOOR }));
  });

  it("takes per-item (N − BN) − (R − BR) over the items all four arms share with separate baselines", () => {
    const n = { a: [60], b: [70], c: [50], x: [1] }, bn = { a: [40], b: [45], c: [41] };
    const r = { a: [52], b: [66], c: [49] }, br = { a: [44], b: [45], c: [40] };
    const d = framingDifference(n, bn, r, br, { floor: {} });
    // a: 20 − 8 = 12, b: 25 − 21 = 4, c: 9 − 9 = 0
    expect(d.items).toBe(3);
    expect(d.estimate).toBeCloseTo(16 / 3, 10);
  });

  it("says the requested wording leaks less, oriented by nature's leak (also for a downward leak)", () => {
    const g = gen(1407);
    const up = arms(g, ["warm"], 15, 2, true, 16);
    const r = framingReport(["warm"], up.nature, up.requested, { labels: { warm: "Warm" } });
    expect(r[0]).toMatchObject({ natureLeaks: true, requestedLeaksLess: true });
    expect(r[0].message).toMatch(/^Warm: the requested wording leaks less — it moves Warm \d+ points against \d+ for the nature wording, \d+ points less \(95% interval \d+ to \d+\)\.$/);
    const down = arms(g, ["warm"], -15, -2, false, 16);
    expect(framingReport(["warm"], down.nature, down.requested)[0].requestedLeaksLess).toBe(true);
  });

  it("covers the paired difference ≥ 93% and claims 'leaks less' in ≤ 5% of runs when both wordings leak alike", () => {
    const reps = 1000;
    const g = gen(1408);
    const traits = ["warm", "concise", "skeptical", "playful"];
    let hitShared = 0, hitSeparate = 0, falseEqual = 0, falseNone = 0, power = 0;
    for (let r = 0; r < reps; r++) {
      const shared = arms(g, ["warm"], 10, 4, true);
      const sd = framingDifference(shared.nature.persona.warm, shared.nature.baseline.warm, shared.requested.persona.warm, shared.requested.baseline.warm);
      if (sd.lo! <= 6 && 6 <= sd.hi!) hitShared++;
      const sep = arms(g, ["warm"], 10, 4, false);
      const pd = framingDifference(sep.nature.persona.warm, sep.nature.baseline.warm, sep.requested.persona.warm, sep.requested.baseline.warm);
      if (pd.lo! <= 6 && 6 <= pd.hi!) hitSeparate++;
      const equal = arms(g, traits, 8, 8, true);
      if (framingReport(traits, equal.nature, equal.requested).some((x) => x.requestedLeaksLess)) falseEqual++;
      const none = arms(g, traits, 0, 0, true);
      if (framingReport(traits, none.nature, none.requested).some((x) => x.requestedLeaksLess)) falseNone++;
      if (r < 200) {
        const real = arms(g, ["warm"], 12, 0, true);
        if (framingReport(["warm"], real.nature, real.requested)[0].requestedLeaksLess) power++;
      }
    }
    console.log(`framing difference coverage: shared baseline ${hitShared / reps}, separate baselines ${hitSeparate / reps}; false 'leaks less' (any of 4 traits): equal leak ${falseEqual / reps}, no leak ${falseNone / reps}; power at 12 vs 0 ${power / 200}`);
    expect(hitShared / reps).toBeGreaterThanOrEqual(0.93);
    expect(hitSeparate / reps).toBeGreaterThanOrEqual(0.93);
    expect(falseEqual / reps).toBeLessThanOrEqual(0.05);
    expect(falseNone / reps).toBeLessThanOrEqual(0.05);
    expect(power / 200).toBeGreaterThan(0.7);
  });
});
