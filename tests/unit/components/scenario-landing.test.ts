import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ScenarioLanding } from "@/components/probes/scenario-landing";
import { buildReport, type JudgedAnswer } from "@/lib/probing/report";
import type { ScenarioAnswer } from "@/lib/probing/scenario-landing";

// "General vs in your scenarios" in the report: targeted traits shown, the
// untargeted ones folded away, the sentence only when the two differ clearly.

const lib = (arm: string, firm: number[]): JudgedAnswer[] =>
  firm.map((v, i) => ({ id: `${arm}${i}`, traitKey: "firm", itemIndex: i, scores: { firm: v, warm: 50 } }));
const sc = (firm: number[], warm: number): ScenarioAnswer[] => firm.map((v, i) => ({ itemIndex: i, scores: { firm: v, warm } }));
const base = { watched: ["firm", "warm"], targets: { firm: 75 }, done: {}, final: true, persona: lib("p", [70, 72, 68, 74, 71, 69, 73, 70]), baseline: lib("b", [50, 52, 48, 51, 49, 50, 50, 51]) };

describe("scenario landing view", () => {
  it("shows both landings of a targeted trait, folds the untargeted ones, and says a clear gap plainly", () => {
    const report = buildReport({ ...base, scenarios: { count: 5, persona: sc([58, 57, 60, 56, 59], 60), baseline: sc([40, 41, 42, 40, 39], 50) } });
    const html = renderToStaticMarkup(createElement(ScenarioLanding, { report }));
    expect(html).toContain("General vs in your scenarios");
    expect(html).toContain("Your scenarios (5)");
    expect(html).toContain("holds less in your scenarios: 58 vs 71 in general.");
    expect(html).toMatch(/<details[^>]*><summary[^>]*>Traits you did not target \(1\)/);
    expect(html).not.toMatch(/<details[^>]* open/);
  });

  it("says nothing when the landings agree, and renders nothing for a run without scenarios", () => {
    const agree = buildReport({ ...base, scenarios: { count: 4, persona: sc([70, 72, 69, 71], 50), baseline: sc([40, 40, 40, 40], 50) } });
    expect(renderToStaticMarkup(createElement(ScenarioLanding, { report: agree }))).not.toContain("in your scenarios:");
    expect(renderToStaticMarkup(createElement(ScenarioLanding, { report: buildReport(base) }))).toBe("");
  });
});
