import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AxesComparisonView } from "@/components/panels/axes-comparison";
import type { AxesComparison } from "@/lib/schemas/axes-experiment";

// The axes experiment's result: per axis the two styles' spreads with their
// intervals, the paired difference and the verdict; partial while probes run.

const iv = (estimate: number | null, lo: number | null, hi: number | null) => ({ estimate, lo, hi });
const spread = (d: ReturnType<typeof iv>) => ({ meanDistance: d, effectivePositions: iv(1.2, 1, 1.5) });
const data: AxesComparison = {
  topic: "housing", traits: ["warm", "skeptical"], complete: false,
  runs: [
    { id: "r1", panelId: "p1", style: "topic", status: "completed", done: 15, total: 15 },
    { id: "r2", panelId: "p2", style: "framework", status: "running", done: 4, total: 15 },
  ],
  axes: [
    { axis: "professional", label: "Professional", items: 12, members: [{ key: "prof-economist", label: "Economist", framework: "Keynes's account of aggregate demand" }],
      topic: spread(iv(1, 0.5, 2)), framework: spread(iv(18, 16, 20)), difference: spread(iv(17, 15, 19)), verdict: "framework-grounded diverges more" },
    { axis: "gender", label: "Gender", items: 0, members: [],
      topic: spread(iv(null, null, null)), framework: spread(iv(null, null, null)), difference: spread(iv(null, null, null)), verdict: "no clear difference" },
  ],
};

describe("AxesComparisonView", () => {
  const html = renderToStaticMarkup(createElement(AxesComparisonView, { workspaceId: "w1", data }));

  it("shows each axis's verdict, the two styles' distances with intervals and the paired difference", () => {
    expect(html).toContain("Axes experiment: housing");
    expect(html).toContain("framework-grounded diverges more");
    expect(html).toContain("Framework − topic: <strong>+17.0</strong> points (+15.0 to +19.0)");
    expect(html).toContain("18.0 pts (16.0–20.0)");
    expect(html).toContain("Keynes&#x27;s account of aggregate demand");
  });

  it("says it is partial while a probe runs, links both probes, and has no interval for an axis without items", () => {
    expect(html).toContain("Partial: computed from the answers so far");
    expect(html).toContain('href="/w/w1/panels/p2/runs/r2"');
    expect(html).toContain("4/15 member runs done");
    expect(html).toContain("no interval yet");
  });
});
