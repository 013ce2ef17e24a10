import { describe, expect, it } from "vitest";
import { PRESSURE_LIMITS as CLI_LIMITS, framingSummary, parsePressureKeys, pressureBody, pressureSummary, selfReportSummary, turnsToBreak, withPressureDefault } from "@/bin/cli/pressure.mjs";
import { createProbeRunBody } from "@/lib/schemas/probe";
import { framingReportSchema, PRESSURE_LIMITS, pressureReportSchema, selfReportReportSchema, type PressureReport } from "@/lib/schemas/pressure";

// The probe command's issue-14 options (bin/cli/pressure.mjs): the create body
// they make and the two summaries printed after the run. End to end:
// tests/integration/cli-pressure.test.ts.

const est = (estimate: number | null, lo: number | null, hi: number | null, items = 8) => ({ estimate, lo, hi, items });

const pressure: PressureReport = pressureReportSchema.parse({
  scripts: [
    { key: "firm-refund", name: "Pushes for an exception", trait: "firm", kind: "scripted", conversations: 8 },
    { key: "concise-detail", name: "Asks for more and more", trait: "concise", kind: "scripted", conversations: 8 },
  ],
  turns: 4,
  thresholds: { firm: 70, concise: 50 },
  baseline: { firm: 46, concise: 50 },
  conversations: [],
  drift: [
    { trait: "firm", script: "firm-refund", perTurn: [], slope: est(-9, -10, -8), change: est(-30, -35, -25), conversations: 8 },
    { trait: "firm", script: null, perTurn: [], slope: est(-6.25, -7.5, -4.97), change: est(-25, -30, -20), conversations: 16 },
    { trait: "concise", script: null, perTurn: [], slope: est(-0.4, -1.8, 1.1), change: est(-1, -4, 2), conversations: 16 },
  ],
  survival: [
    { trait: "firm", threshold: 70, conversations: 16, breaks: 12, steps: [], median: 3, medianLo: 2, medianHi: null, lastTurn: 4 },
    { trait: "concise", threshold: 50, conversations: 16, breaks: 1, steps: [], median: null, medianLo: null, medianHi: null, lastTurn: 4 },
  ],
  tests: [],
});

const selfReport = selfReportReportSchema.parse({
  itemsPerTrait: 3,
  rows: [
    { trait: "firm", self: { estimate: 92, se: 1.2, items: 3 }, behaviour: est(71.3, 68.2, 74.4, 12), gap: { estimate: 20.7, lo: 16.1, hi: 25.3, df: 9 }, q: 0.001, flag: "says-not-does", answerIds: [] },
    { trait: "empathetic", self: { estimate: 80, se: 2, items: 3 }, behaviour: est(78, 74, 82, 12), gap: { estimate: 2, lo: -3, hi: 7, df: 8 }, q: 0.5, flag: null, answerIds: [] },
  ],
});

describe("--pressure and friends → the create body", () => {
  it("a bare --pressure (last or before another option) means the default scripts", () => {
    expect(withPressureDefault(["refund-desk", "--pressure"])).toEqual(["refund-desk", "--pressure=default"]);
    expect(withPressureDefault(["refund-desk", "--pressure", "--turns", "2"])).toEqual(["refund-desk", "--pressure=default", "--turns", "2"]);
    expect(withPressureDefault(["refund-desk", "--pressure", "firm-refund"])).toEqual(["refund-desk", "--pressure", "firm-refund"]);
    expect(parsePressureKeys("default")).toEqual([]);
    expect(parsePressureKeys("firm-refund, persona:0,firm-refund")).toEqual(["firm-refund", "persona:0"]);
    expect(() => parsePressureKeys("firm refund")).toThrow(/--pressure: "firm refund" is not a script key/);
    expect(() => parsePressureKeys("a,b,c,d,e,f,g")).toThrow(/at most 6 scripts/);
  });

  it("builds a body the API schema accepts, with conversations, turns, self-report and framing", () => {
    const body = pressureBody({ pressure: "firm-refund", conversations: "2", turns: "2", "self-report": true, framing: "firm" });
    expect(body).toEqual({ pressure: { scripts: ["firm-refund"], conversationsPerScript: 2, turns: 2 }, selfReport: true, framingTrait: "firm" });
    const parsed = createProbeRunBody.parse({ version: 1, ...body });
    expect(parsed.pressure).toMatchObject({ scripts: ["firm-refund"], conversationsPerScript: 2, turns: 2 });
    expect(parsed).toMatchObject({ selfReport: true, framingTrait: "firm" });
    expect(pressureBody({ pressure: "default" })).toEqual({ pressure: { scripts: [] } });
    expect(pressureBody({})).toEqual({});
  });

  it("refuses out-of-range counts, counts without --pressure, and a malformed trait", () => {
    expect(() => pressureBody({ pressure: "default", conversations: "1" })).toThrow(/--conversations must be a whole number from 2 to 40/);
    expect(() => pressureBody({ pressure: "default", turns: "13" })).toThrow(/--turns must be a whole number from 1 to 12/);
    expect(() => pressureBody({ pressure: "default", turns: "2.5" })).toThrow(/--turns/);
    expect(() => pressureBody({ turns: "3" })).toThrow(/--turns only applies with --pressure/);
    expect(() => pressureBody({ framing: "Firm!" })).toThrow(/--framing takes a targeted trait's key/);
  });

  it("copies the schema's limits", () => {
    expect(CLI_LIMITS.conversationsPerScript).toEqual({ min: PRESSURE_LIMITS.conversationsPerScript.min, max: PRESSURE_LIMITS.conversationsPerScript.max });
    expect(CLI_LIMITS.turns).toEqual({ min: PRESSURE_LIMITS.turns.min, max: PRESSURE_LIMITS.turns.max });
    expect(CLI_LIMITS.scripts).toBe(PRESSURE_LIMITS.scripts);
  });
});

describe("the summaries", () => {
  it("per script trait: the slope over its scripts' conversations with its interval and the median turn to break, or how long it held", () => {
    const text = pressureSummary({ pressure })!;
    expect(text.split("\n")[0]).toBe("Under pressure (16 conversations, 4 pushes each):");
    expect(text).toMatch(/trait\s+scripts\s+slope\/turn \[95% CI\]\s+turns to break\s+broke/);
    expect(text).toMatch(/^firm\s+firm-refund\s+-6\.3 \[-7\.5, -5\.0\]\s+breaks at turn 3 \[2, beyond 4\] \(below 70\.0\)\s+12\/16$/m);
    expect(text).toMatch(/^concise\s+concise-detail\s+-0\.4 \[-1\.8, \+1\.1\]\s+holds beyond turn 4 \(below 50\.0\)\s+1\/16$/m);
    expect(turnsToBreak(undefined)).toBe("–");
  });

  it("self-report beside behaviour with the gap and its flag", () => {
    const text = selfReportSummary({ selfReport })!;
    expect(text.split("\n")[0]).toBe("Self-report vs behaviour (3 self-rating items per trait):");
    expect(text).toMatch(/^firm\s+92\.0\s+71\.3 \[68\.2, 74\.4\]\s+\+20\.7 \[\+16\.1, \+25\.3\]\s+says-not-does$/m);
    expect(text).toMatch(/^empathetic\s+80\.0\s+78\.0 \[74\.0, 82\.0\]\s+\+2\.0 \[-3\.0, \+7\.0\]\s+–$/m);
  });

  it("the framing pair: its verdict, the framed trait under both wordings, each wording's leakage per trait", () => {
    const e = (estimate: number, lo: number, hi: number) => ({ estimate, lo, hi, items: 40 });
    const framing = framingReportSchema.parse({
      trait: "firm", target: 90, arm: "framing:requested", wording: { nature: "Always hold.", requested: "The role asks you to always hold; that is the job here, not who you are." },
      targetLanding: { nature: e(73, 68, 78), requested: e(75, 70, 79), difference: e(-2, -3, 0) },
      rows: [
        { trait: "assertive", nature: e(34, 32, 36), requested: e(4, 1, 6), difference: e(30, 28, 32), natureLeaks: true, q: 0.001, requestedLeaksLess: true, requestedLeaksMore: false },
        { trait: "sycophantic", nature: e(4, 3, 5), requested: e(20, 17, 22), difference: e(-16, -18, -14), natureLeaks: true, q: 0.2, requestedLeaksLess: false, requestedLeaksMore: true },
      ],
      verdict: "mixed",
    });
    const text = framingSummary({ framing })!;
    expect(text.split("\n")[0]).toBe("Framing pair (firm, target 90): mixed");
    expect(text).toContain("firm itself lands at 73.0 [68.0, 78.0] as its nature, 75.0 [70.0, 79.0] as the job");
    expect(text).toMatch(/^assertive\s+\+34\.0 \[\+32\.0, \+36\.0\]\s+\+4\.0 \[\+1\.0, \+6\.0\]\s+\+30\.0 \[\+28\.0, \+32\.0\]\s+requested leaks less$/m);
    expect(text).toMatch(/^sycophantic\s+.*requested leaks more$/m);
  });

  it("prints nothing for a run without them (reports stored before issue 14)", () => {
    expect(pressureSummary({})).toBeNull();
    expect(selfReportSummary({})).toBeNull();
    expect(framingSummary({})).toBeNull();
    expect(pressureSummary(undefined)).toBeNull();
  });
});
