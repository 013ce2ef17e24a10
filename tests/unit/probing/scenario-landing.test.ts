import { describe, expect, it } from "vitest";
import { buildReport, type JudgedAnswer } from "@/lib/probing/report";
import { generalVsScenarios, scenarioGapSentence, scenarioLandingRows, SCENARIO_TRAIT_KEY, type ScenarioAnswer } from "@/lib/probing/scenario-landing";
import { itemLandingT } from "@/lib/probing/methods/item-landing";
import { reportSchema } from "@/lib/schemas/probe";

// Landing in the persona's domain (issue 12 §2): the scenario landing is the
// mean over the scenarios with a t-interval over scenarios, the shift is paired
// by scenario, and general vs scenarios says "clearly different" only when the
// Welch interval excludes 0 and the gap is at least 5 points.

const scen = (values: number[], key = "firm"): ScenarioAnswer[] => values.map((v, i) => ({ itemIndex: i, scores: { [key]: v } }));
const items = (values: number[]) => Object.fromEntries(values.map((v, i) => [`firm#${i}`, [v]]));

describe("scenario landing", () => {
  it("is the mean over scenarios with a t-interval over scenarios, and the shift is paired by scenario", () => {
    const persona = scen([60, 50, 70, 58]);
    const baseline = scen([40, 35, 52, 41]);
    const [row] = scenarioLandingRows({ keys: ["firm"], persona, baseline, general: { firm: items([70, 72, 68, 74, 71, 69]) } });
    expect(row.n).toBe(4);
    expect(row.landing.mean).toBeCloseTo(59.5, 9);
    // t with 3 df over the four scenario scores: sd = 8.185, se = 4.093, q(0.975, 3) = 3.182
    expect(row.landing.halfWidth).toBeCloseTo(3.1824 * (Math.sqrt(((0.5 ** 2) + 9.5 ** 2 + 10.5 ** 2 + 1.5 ** 2) / 3) / 2), 2);
    expect(row.shift.difference).toBeCloseTo(17.5, 9);
    // Paired: the per-scenario differences (20, 15, 18, 17) vary far less than either arm.
    expect(row.shift.halfWidth!).toBeLessThan(row.landing.halfWidth);
    expect(row.vsGeneral.difference).toBeCloseTo(59.5 - 70.666666, 4);
  });

  it("applies the usual variance floor: identical scores do not give ±0", () => {
    const [row] = scenarioLandingRows({ keys: ["firm"], persona: scen([60, 60, 60]), baseline: scen([50, 50, 50]), general: {} });
    expect(row.landing.halfWidth).toBeGreaterThan(1);
    expect(row.vsGeneral).toEqual({ difference: null, lo: null, hi: null, clear: false });
  });

  it("calls a gap clear only when the Welch interval excludes 0 and it is at least 5 points", () => {
    const general = itemLandingT(items([70, 72, 68, 74, 71, 69, 73, 70]));
    const clearlyLower = generalVsScenarios(general, itemLandingT(items([58, 57, 60, 56, 59])));
    expect(clearlyLower.clear).toBe(true);
    expect(clearlyLower.hi!).toBeLessThan(0);
    // Small but precise: the interval excludes 0, the gap is under 5 points.
    const small = generalVsScenarios(general, itemLandingT(items([67, 68, 67, 68, 67, 68, 67, 68])));
    expect(small.hi!).toBeLessThan(0);
    expect(small.clear).toBe(false);
    // Large but noisy: the interval includes 0.
    const noisy = generalVsScenarios(general, itemLandingT(items([30, 90, 50, 95])));
    expect(noisy.lo!).toBeLessThan(0);
    expect(noisy.clear).toBe(false);
    // One scenario: no interval, never "clear".
    expect(generalVsScenarios(general, itemLandingT(items([20]))).clear).toBe(false);
  });

  it("words the clear gap plainly", () => {
    const [row] = scenarioLandingRows({ keys: ["firm"], persona: scen([58, 57, 60, 56, 59]), baseline: scen([40, 40, 40, 40, 40]), general: { firm: items([70, 72, 68, 74, 71, 69, 73, 70]) } });
    expect(scenarioGapSentence("Firm", 70.875, row)).toBe("Firm holds less in your scenarios: 58 vs 71 in general");
    const [same] = scenarioLandingRows({ keys: ["firm"], persona: scen([70, 72, 69, 71]), baseline: scen([40, 40, 40, 40]), general: { firm: items([70, 72, 68, 74, 71, 69, 73, 70]) } });
    expect(scenarioGapSentence("Firm", 70.875, same)).toBeNull();
  });
});

describe("the report with scenarios", () => {
  const lib = (arm: "p" | "b", firm: number[]): JudgedAnswer[] =>
    firm.map((v, i) => ({ id: `${arm}${i}`, traitKey: "firm", itemIndex: i, scores: { firm: v, warm: 50 } }));
  const base = {
    watched: ["firm", "warm"], targets: { firm: 75 }, done: {}, final: true,
    persona: lib("p", [70, 72, 68, 74, 71, 69, 73, 70]), baseline: lib("b", [50, 52, 48, 51, 49, 50, 50, 51]),
  };

  it("adds scenario rows beside the general rows, leaves the general rows untouched, and fits the schema", () => {
    const without = buildReport(base);
    const sc = (firm: number[]): ScenarioAnswer[] => firm.map((v, i) => ({ itemIndex: i, scores: { firm: v, warm: 60 } }));
    const report = buildReport({ ...base, scenarios: { count: 5, persona: sc([58, 57, 60, 56, 59]), baseline: sc([40, 41, 42, 40, 39]) } });
    expect(without.scenarioRows).toBeUndefined();
    expect(report.rows).toEqual(without.rows);
    expect(report.flags).toEqual(without.flags);
    expect(report.scenarios).toEqual({ count: 5, answered: 5 });
    const firm = report.scenarioRows!.find((r) => r.key === "firm")!;
    expect(firm.landing.mean).toBeCloseTo(58, 9);
    expect(firm.sentence).toBe("Firm / boundary-setting holds less in your scenarios: 58 vs 71 in general");
    expect(report.scenarioRows!.find((r) => r.key === "warm")!.landing.mean).toBe(60);
    expect(reportSchema.safeParse(JSON.parse(JSON.stringify(report))).success).toBe(true);
    expect(reportSchema.safeParse(report).success).toBe(true);
  });

  it("reserves a trait key no trait can have", () => {
    expect(SCENARIO_TRAIT_KEY).not.toMatch(/^[a-z][a-z0-9_]{1,39}$/);
  });
});
