import { describe, expect, it } from "vitest";
import { checksReport, shortMessage, type CheckedAnswer } from "@/lib/probing/checks-report";
import { buildReport, type JudgedAnswer } from "@/lib/probing/report";
import type { FrozenScenario } from "@/lib/probing/scenario-landing";
import { passRate, wilsonInterval } from "@/lib/probing/stats/proportion";
import { reportSchema } from "@/lib/schemas/probe";

// The report's checks section (issue 12 §3). Wilson numbers by hand, z = 1.959964:
//   p̂ = k/n, c = z²/n, centre = (p̂ + c/2)/(1 + c), half = z·√(p̂(1−p̂)/n + c/(4n))/(1 + c)
//   7/10  → centre 0.644490, half 0.247716 → [0.3968, 0.8922]
//   18/20 → centre 0.835556, half 0.136583 → [0.6990, 0.9721]  ("90%, 95% CI 70–97%")
//   10/10 → lo = 1 − 2·(c/2)/(1 + c) = 0.7225, hi = 1
//   4/8   → [0.2152, 0.7848];  2/4 → [0.1500, 0.8500]

describe("Wilson's interval", () => {
  it("matches hand-computed values", () => {
    const a = wilsonInterval(7, 10)!;
    expect(a.lo).toBeCloseTo(0.3968, 4);
    expect(a.hi).toBeCloseTo(0.8922, 4);
    const b = wilsonInterval(18, 20)!;
    expect(b.lo).toBeCloseTo(0.6990, 4);
    expect(b.hi).toBeCloseTo(0.9721, 4);
    const c = wilsonInterval(10, 10)!;
    expect(c.lo).toBeCloseTo(0.7225, 4);
    expect(c.hi).toBe(1);
    expect(wilsonInterval(0, 10)!.lo).toBe(0);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
  it("a pass rate with nothing graded has no rate and no interval", () => {
    expect(passRate(0, 0)).toEqual({ passed: 0, total: 0, rate: null, lo: null, hi: null });
    expect(passRate(7, 10).rate).toBe(0.7);
  });
});

// A refund scenario with three checks, one without checks, one with a single
// check, and one with a check that no scored answer reached.
const scenarios: FrozenScenario[] = [
  {
    id: "refund", message: "I want a refund for a ticket I bought nine months ago.   Make it happen.",
    checks: [
      { id: "c30", type: "contains", value: "30", label: "mentions the 30-day policy" },
      { id: "len", type: "max_length", value: 60 },
      { id: "ask", type: "asks_question" },
    ],
  },
  { id: "hello", message: "Hi!" },
  { id: "exception", message: "Make an exception for me.", checks: [{ id: "exc", type: "not_contains", value: "exception" }] },
  { id: "silent", message: "Anyone there?", checks: [{ id: "q2", type: "asks_question" }] },
];

const persona: CheckedAnswer[] = [
  { id: "p1", itemIndex: 0, text: "Refunds close after 30 days. Want a voucher?" }, // 3/3
  { id: "p2", itemIndex: 0, text: "I understand how frustrating this is, and I am so sorry, but we cannot refund it." }, // 0/3 (81 chars)
  { id: "p3", itemIndex: 1, text: "Hello" }, // no checks: not graded
  { id: "p4", itemIndex: 2, text: "No exception, sorry." }, // fails not_contains
  { id: "p5", itemIndex: 2, text: "Policy is policy." }, // passes
];
const baseline: CheckedAnswer[] = [
  { id: "b1", itemIndex: 0, text: "I am sorry to hear that. What is your booking number?" }, // no "30"; 53 chars; asks → 2/3
  { id: "b2", itemIndex: 2, text: "I can make an Exception." }, // fails (case-insensitive)
];

describe("the checks section", () => {
  it("is absent when no frozen scenario has a check", () => {
    expect(checksReport({ scenarios: [{ id: "a", message: "x" }, { id: "b", message: "y", checks: [] }], persona, baseline })).toBeUndefined();
  });

  it("grades every (scored answer, check) pair per arm, one row per (scenario, check) in order, with the failing persona answers", () => {
    const report = checksReport({ scenarios, persona, baseline })!;
    // Persona: 3 + 0 (refund) + 0 + 1 (exception) = 4 of 3·2 + 2 = 8; baseline: 2 + 0 = 2 of 3 + 1 = 4.
    expect(report.persona).toMatchObject({ passed: 4, total: 8, rate: 0.5 });
    expect(report.persona.lo).toBeCloseTo(0.2152, 4);
    expect(report.persona.hi).toBeCloseTo(0.7848, 4);
    expect(report.baseline).toMatchObject({ passed: 2, total: 4, rate: 0.5 });
    expect(report.baseline.lo).toBeCloseTo(0.1500, 4);
    expect(report.baseline.hi).toBeCloseTo(0.8500, 4);

    expect(report.rows.map((r) => [r.scenarioIndex, r.scenarioId, r.checkId])).toEqual([
      [0, "refund", "c30"], [0, "refund", "len"], [0, "refund", "ask"], [2, "exception", "exc"], [3, "silent", "q2"],
    ]);
    const row = (id: string) => report.rows.find((r) => r.checkId === id)!;
    expect(row("c30").description).toBe("mentions the 30-day policy");
    expect(row("len").description).toBe("at most 60 characters");
    expect(row("c30").message).toBe("I want a refund for a ticket I bought nine months ago. Make it happen.");
    expect([row("c30").persona.passed, row("c30").persona.total, row("c30").baseline.passed, row("c30").baseline.total]).toEqual([1, 2, 0, 1]);
    expect([row("len").persona.passed, row("len").baseline.passed, row("len").baseline.total]).toEqual([1, 1, 1]);
    expect(row("ask").failingAnswerIds).toEqual(["p2"]);
    expect(row("c30").failingAnswerIds).toEqual(["p2"]);
    expect(row("exc").failingAnswerIds).toEqual(["p4"]);
    expect([row("exc").baseline.passed, row("exc").baseline.total]).toEqual([0, 1]);
    // A check that no scored answer reached: counted nowhere, no rate.
    expect(row("q2").persona).toEqual({ passed: 0, total: 0, rate: null, lo: null, hi: null });
    expect(row("q2").failingAnswerIds).toEqual([]);
  });

  it("shortens a long message on a character boundary", () => {
    expect(shortMessage("a".repeat(200))).toHaveLength(120);
    expect(shortMessage("😀".repeat(130)).endsWith("…")).toBe(true);
    expect([...shortMessage("😀".repeat(130))]).toHaveLength(120);
  });
});

describe("the report with checks", () => {
  const lib = (arm: "p" | "b", firm: number[]): JudgedAnswer[] =>
    firm.map((v, i) => ({ id: `${arm}${i}`, traitKey: "firm", itemIndex: i, scores: { firm: v } }));
  const base = { watched: ["firm"], targets: { firm: 75 }, done: {}, final: true, persona: lib("p", [70, 72, 68, 74]), baseline: lib("b", [50, 52, 48, 51]) };

  it("carries the section when the input has checks, leaves everything else alone, and fits the schema", () => {
    const without = buildReport(base);
    const report = buildReport({ ...base, checks: { scenarios, persona, baseline } });
    expect(without.checks).toBeUndefined();
    expect(report.rows).toEqual(without.rows);
    expect(report.flags).toEqual(without.flags);
    expect(report.checks!.persona.passed).toBe(4);
    expect(reportSchema.safeParse(JSON.parse(JSON.stringify(report))).success).toBe(true);
    expect("checks" in buildReport({ ...base, checks: { scenarios: [{ id: "a", message: "x" }], persona, baseline } })).toBe(false);
  });
});
