import { describe, expect, it } from "vitest";
import { selfReportGap, selfReportReport } from "@/lib/probing/pressure/self-report";
import { itemLandingT } from "@/lib/probing/methods/item-landing";
import { gen, type Gen } from "./synthetic";

const round5 = (v: number) => Math.max(0, Math.min(100, Math.round(v / 5) * 5));

function sample(g: Gen, self: number, behaviour: number) {
  const selfReport = [0, 1, 2].map(() => round5(g.normal(self, 6)));
  const scores: Record<string, number[]> = {};
  for (let i = 0; i < 12; i++) {
    const item = g.normal(behaviour, 10);
    scores[`i${i}`] = [0, 1].map(() => g.normal(item, 8));
  }
  return { selfReport, behaviour: scores };
}

describe("self-report vs behaviour", () => {
  it("combines both sources in a Welch interval", () => {
    const behaviour = { a: [50, 54], b: [60], c: [40, 44], d: [58] };
    const g = selfReportGap({ trait: "firm", selfReport: [80, 90, 85, null], behaviour }, { floor: {} });
    const b = itemLandingT(behaviour, { floor: {} });
    expect(g.self).toMatchObject({ estimate: 85, items: 3 });
    const a = 25 / 3; // s² = 25, k = 3
    expect(g.gap.estimate).toBeCloseTo(85 - b.estimate!, 10);
    expect(g.gap.se).toBeCloseTo(Math.sqrt(a + b.se! ** 2), 10);
    expect(g.gap.df).toBeCloseTo((a + b.se! ** 2) ** 2 / (a * a / 2 + b.se! ** 4 / 3), 10);
    expect(selfReportGap({ trait: "firm", selfReport: [80], behaviour }).gap.lo).toBeNull();
  });

  it("flags says-not-does and does-not-say with messages, and neither for a small gap", () => {
    const behaviour = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`i${i}`, [50 + (i % 5), 52 - (i % 3)]]));
    const r = selfReportReport([
      { trait: "firm", label: "Firm", selfReport: [85, 90, 85, 90], behaviour },
      { trait: "warm", label: "Warm", selfReport: [15, 20, 15, 20], behaviour },
      { trait: "calm", selfReport: [50, 55, 60], behaviour },
    ]);
    expect(r.map((x) => x.flag)).toEqual(["says-not-does", "does-not-say", null]);
    expect(r[0].message).toMatch(/^Firm: says but doesn't do — rates itself 88 but lands at \d+, \d+ points above its behaviour \(95% interval \d+ to \d+\)\.$/);
    expect(r[1].message).toContain("does but doesn't say");
  });

  it("covers the true gap ≥ 93% (3 self-report items, 12 behaviour items × 2 answers) and flags a 10-point gap ≤ 5%", () => {
    const reps = 1000;
    const g = gen(1406);
    let hit = 0, width = 0, falseAtBoundary = 0, falseAtZero = 0;
    for (let r = 0; r < reps; r++) {
      const s = sample(g, 80, 60);
      const gap = selfReportGap({ trait: "firm", ...s });
      if (gap.gap.lo! <= 20 && 20 <= gap.gap.hi!) hit++;
      width += gap.gap.hi! - gap.gap.lo!;
      if (selfReportReport([{ trait: "firm", ...sample(g, 70, 60) }])[0].flag) falseAtBoundary++;
      if (selfReportReport([{ trait: "firm", ...sample(g, 60, 60) }])[0].flag) falseAtZero++;
    }
    console.log(`self-report gap coverage ${hit / reps} (mean width ${(width / reps).toFixed(1)}); flag rate at a true 10-point gap ${falseAtBoundary / reps}, at 0 ${falseAtZero / reps}`);
    expect(hit / reps).toBeGreaterThanOrEqual(0.93);
    expect(falseAtBoundary / reps).toBeLessThanOrEqual(0.05);
    expect(falseAtZero / reps).toBeLessThanOrEqual(0.01);
  });
});
