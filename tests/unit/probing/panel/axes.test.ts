import { describe, expect, it } from "vitest";
import { mulberry32, type Rng } from "@/lib/probing/random";
import { memberDistance, type PanelMember } from "@/lib/probing/panel";
import { compareAxes, compareAxis, verdictOf } from "@/lib/probing/panel/axes";
import { drawPanel } from "@/tests/unit/probing/panel/helpers";

// Synthetic two-style panels (not the simulator): every member of both styles
// answers the same items, whose effects are shared (one drawPanel call, ids
// "t:key" / "f:key", split afterwards), as the two panel runs of the template do
// with the same seed. (Monte Carlo SE of a 95% coverage over 200 worlds ≈ 1.5 points.)

const traits = ["warm", "blunt", "curious", "formal"];

function styles(rng: Rng, topic: Record<string, number[]>, framework: Record<string, number[]>, items = 20) {
  const positions = {
    ...Object.fromEntries(Object.entries(topic).map(([k, v]) => [`t:${k}`, v])),
    ...Object.fromEntries(Object.entries(framework).map(([k, v]) => [`f:${k}`, v])),
  };
  const all = drawPanel(rng, { traits, items, perItem: 2, positions });
  const side = (p: string): PanelMember[] => all.filter((m) => m.id.startsWith(p)).map((m) => ({ id: m.id.slice(2), answers: m.answers }));
  return { topic: side("t:"), framework: side("f:") };
}

const meanDistance = (pos: Record<string, number[]>) => {
  const v = Object.values(pos);
  let s = 0, n = 0;
  for (let i = 0; i < v.length; i++) for (let j = i + 1; j < v.length; j++) { s += memberDistance(v[i], v[j]); n++; }
  return s / n;
};

// Topic-labelled members close together; framework-grounded ones spread.
const closeTopic = { a: [50, 50, 50, 50], b: [53, 48, 50, 51], c: [49, 52, 51, 50] };
const spreadFramework = { a: [62, 40, 50, 45], b: [40, 58, 55, 50], c: [50, 50, 66, 60] };

describe("axes comparison (framework − topic, item-paired)", () => {
  it("the difference interval covers the planted difference in most worlds (measured: see the assertion)", () => {
    const truth = meanDistance(spreadFramework) - meanDistance(closeTopic);
    const rng = mulberry32(613);
    let covered = 0, framework = 0;
    const worlds = 200;
    for (let r = 0; r < worlds; r++) {
      const s = styles(rng, closeTopic, spreadFramework);
      const c = compareAxis("professional", ["a", "b", "c"], s.topic, s.framework, traits, { resamples: 300, rng: mulberry32(r) });
      const d = c.difference.meanDistance;
      if (d.lo! <= truth && truth <= d.hi!) covered++;
      if (c.verdict === "framework-grounded diverges more") framework++;
    }
    // Measured 2026-12-02: 92.5% coverage (185/200), verdict right in 200/200 worlds; equal spreads: 5.0% claims (10/200).
    expect(covered / worlds).toBeGreaterThanOrEqual(0.88);
    expect(framework / worlds).toBeGreaterThanOrEqual(0.95);
  });

  it("with the styles equally spread it rarely claims a difference (≤ 10% of 200 worlds)", () => {
    const rng = mulberry32(614);
    let claims = 0;
    for (let r = 0; r < 200; r++) {
      const s = styles(rng, spreadFramework, spreadFramework);
      if (compareAxis("x", ["a", "b", "c"], s.topic, s.framework, traits, { resamples: 300, rng: mulberry32(r) }).verdict !== "no clear difference") claims++;
    }
    expect(claims / 200).toBeLessThanOrEqual(0.1);
  });

  it("names the style that diverges more, per axis, and keeps the axis order", () => {
    const s = styles(mulberry32(7), { ...closeTopic, d: [60, 40, 50, 50], e: [40, 60, 50, 50] }, { ...spreadFramework, d: [51, 49, 50, 50], e: [49, 51, 50, 50] }, 30);
    const out = compareAxes({ axes: [{ name: "cultural", members: ["a", "b", "c"] }, { name: "gender", members: ["d", "e"] }], traits, ...s }, { resamples: 400, rng: mulberry32(1) });
    expect(out.map((a) => [a.axis, a.verdict])).toEqual([["cultural", "framework-grounded diverges more"], ["gender", "topic-labelled diverges more"]]);
    const g = out[1];
    expect(g.framework.effectivePositions.estimate).toBeGreaterThanOrEqual(1);
    expect(g.framework.effectivePositions.hi!).toBeLessThanOrEqual(2);
    expect(g.difference.meanDistance.estimate).toBeCloseTo(g.framework.meanDistance.estimate - g.topic.meanDistance.estimate, 10);
  });

  it("counts only items every member answered in both styles, and lists the rest", () => {
    const s = styles(mulberry32(8), closeTopic, spreadFramework, 12);
    s.framework[1] = { ...s.framework[1], answers: s.framework[1].answers.filter((a) => a.item !== "item-03") };
    const c = compareAxis("x", ["a", "b", "c"], s.topic, s.framework, traits, { resamples: 50, rng: mulberry32(2) });
    expect(c.items).toBe(11);
    expect(c.droppedItems).toEqual(["item-03"]);
  });

  it("gives no interval with fewer than two common items, and refuses a member without answers", () => {
    const s = styles(mulberry32(9), closeTopic, spreadFramework, 1);
    const c = compareAxis("x", ["a", "b", "c"], s.topic, s.framework, traits, { resamples: 50 });
    expect(c.difference.meanDistance.lo).toBeNull();
    expect(c.verdict).toBe("no clear difference");
    expect(() => compareAxis("x", ["a", "zz"], s.topic, s.framework, traits)).toThrow(/zz/);
    expect(verdictOf({ estimate: 3, lo: 0.5, hi: 6 })).toBe("framework-grounded diverges more");
    expect(verdictOf({ estimate: -3, lo: -6, hi: -0.1 })).toBe("topic-labelled diverges more");
    expect(verdictOf({ estimate: 3, lo: -0.5, hi: 6 })).toBe("no clear difference");
  });
});
