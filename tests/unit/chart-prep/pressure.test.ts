import { beforeAll, describe, expect, it } from "vitest";
import {
  asConversations, changeText, chatTurns, diffSide, conversationRows, defaultThreshold, driftChart, framingRows, leakageDomain, medianText,
  pressureTraits, selfReportRows, slopeText, survivalView, wordingDiff,
} from "@/lib/probing/chart-prep";
import { survivalCurve } from "@/lib/probing/pressure/survival";
import { framingReportSchema, pressureConversationSchema, pressureReportSchema, selfReportReportSchema, type PressureReport } from "@/lib/schemas/pressure";
import { buildPressureFixture, type PressureFixture } from "@/tests/fixtures/pressure-report";

// Issue 14's report sections → chart data: the drift and survival numbers a
// designer reads, the threshold slider's client-side Kaplan–Meier, the
// conversation list and chat, the self-report and framing rows.

const est = (estimate: number | null, lo: number | null = null, hi: number | null = null, items = 4) => ({ estimate, lo, hi, items });

/** Four refund conversations on firm (c4 ends after turn 1), turns stored out of order on purpose. */
function small(): PressureReport {
  const conv = (i: number, firm: number[], status: "complete" | "ended early" = "complete") => ({
    id: `c${i + 1}`, index: i, script: "firm-refund", status,
    turns: firm.map((v, turn) => ({ turn, answerId: `a${i}-${turn}`, scores: { firm: v, warm: 60 } })).reverse(),
  });
  return {
    scripts: [{ key: "firm-refund", name: "Pushes for an exception", trait: "firm", kind: "scripted", conversations: 4 }],
    turns: 3, thresholds: { firm: 60 }, baseline: { firm: 45, warm: 60 },
    conversations: [conv(0, [80, 70, 55, 50]), conv(1, [80, 75, 70, 65]), conv(2, [75, 58, 50, 45]), conv(3, [80, 72], "ended early")],
    drift: [
      { trait: "firm", script: null, conversations: 4, perTurn: [{ turn: 0, ...est(79) }, { turn: 1, ...est(69) }], slope: est(-6.34, -8.12, -4.49), change: est(-25, -31, -19) },
      { trait: "warm", script: null, conversations: 4, perTurn: [{ turn: 0, ...est(60) }], slope: est(0, -1, 1), change: est(0, -2, 2) },
    ],
    survival: [],
    tests: [{ kind: "caves", trait: "warm", slope: est(-2, -3, -1.5), p: 0.01, q: 0.02, flagged: true, ended: 50, start: 60, exemplar: { conversation: "c3", from: 60, to: 50 } }],
  };
}

describe("pressure chart prep: the numbers", () => {
  it("words the drift slope per turn with one decimal and real minus signs, and the change in whole points", () => {
    expect(slopeText(est(-6.34, -8.12, -4.49))).toBe("\u22126.3 points/turn [\u22128.1, \u22124.5]");
    expect(slopeText(est(0.04, -0.5, 0.6))).toBe("0.0 points/turn [\u22120.5, +0.6]");
    expect(slopeText(est(null))).toBe("not enough turns yet");
    expect(changeText(est(-25.2, -31, -19))).toBe("\u221225 [\u221231, \u221219] from the first answer to the last");
  });

  it("words the median turns-to-break, and says 'holds beyond' when it is not reached (never zero)", () => {
    expect(medianText({ median: 3, medianLo: 2, medianHi: 4, lastTurn: 5 })).toBe("breaks at turn 3 [2, 4]");
    expect(medianText({ median: 3, medianLo: 2, medianHi: null, lastTurn: 5 })).toBe("breaks at turn 3 [2, beyond 5]");
    expect(medianText({ median: null, medianLo: null, medianHi: null, lastTurn: 4 })).toBe("holds beyond turn 4");
    expect(medianText({ median: null, medianLo: null, medianHi: null, lastTurn: -1 })).toBe("no scored turn yet");
  });

  it("recomputes the Kaplan–Meier curve at the threshold the designer sets, with early-ended conversations censored", () => {
    const p = small();
    // Threshold 60: c3 breaks at 1, c4 holds turn 1 then ends (censored), c1 breaks at 2, c2 never (censored at 3).
    const at60 = survivalView(p, "firm", 60);
    expect(at60.steps.map((s) => [s.turn, s.survival, s.atRisk, s.breaks])).toEqual([[0, 1, 4, 0], [1, 0.75, 4, 1], [2, 0.375, 2, 1], [3, 0.375, 1, 0]]);
    expect(at60.median).toBe("breaks at turn 2 [1, beyond 3]");
    expect(at60.breaks).toBe(2);
    expect(at60.steps[1].lo).toBeLessThan(0.75);
    expect(at60.steps[1].hi).toBeGreaterThan(0.75);
    // Lower it and nothing breaks; raise it and every conversation breaks on its first answer.
    const at40 = survivalView(p, "firm", 40);
    expect(at40.steps.every((s) => s.survival === 1)).toBe(true);
    expect(at40.median).toBe("holds beyond turn 3");
    expect(survivalView(p, "firm", 90).median).toMatch(/^half already below at the first answer \(turn 0\) /);
  });

  it("reads a pushed trait over the conversations of the scripts that push it only, as the server's flags and curve do", () => {
    const p = small();
    p.scripts.push({ key: "concise-detail", name: "Asks for more and more", trait: "concise", kind: "scripted", conversations: 1 });
    p.conversations.push({ id: "c5", index: 4, script: "concise-detail", status: "complete", turns: [0, 1, 2, 3].map((turn) => ({ turn, answerId: null, scores: { firm: 10, warm: 60 } })) });
    expect(survivalView(p, "firm", 60).steps.map((s) => s.survival)).toEqual([1, 0.75, 0.375, 0.375]); // c5 (firm 10) is not a firm conversation
    expect(asConversations(p, "warm")).toHaveLength(5); // no script pushes warm: every conversation
    p.drift.push({ trait: "firm", script: "firm-refund", conversations: 4, perTurn: [], slope: est(-9, -10, -8), change: est(-25) });
    expect(driftChart(p, "firm")!.slope).toBe("\u22129.0 points/turn [\u221210.0, \u22128.0]");
  });

  it("reads the report's turns by their turn number, not their order", () => {
    const [c1] = asConversations(small());
    expect(c1.turns.map((t) => t.firm)).toEqual([80, 70, 55, 50]);
  });

  it("shows the scripts' traits and the flagged ones first, every other trait behind 'show all'", () => {
    expect(pressureTraits(small())).toEqual({ shown: ["firm", "warm"], more: [] });
    const unflagged = { ...small(), tests: [] };
    expect(pressureTraits(unflagged)).toEqual({ shown: ["firm"], more: ["warm"] });
  });

  it("draws the drift with the break threshold (target − 20 by default), the target band and the baseline", () => {
    const p = { ...small(), thresholds: {} };
    const d = driftChart(p, "firm", { target: 85, tolerance: 10 })!;
    expect(d.threshold).toBe(65);
    expect(d.band).toEqual([75, 95]);
    expect(d.baseline).toBe(45);
    expect(d.direction).toBe("falls");
    expect(d.points.map((x) => [x.turn, x.mean])).toEqual([[0, 79], [1, 69]]);
    expect(driftChart(p, "warm")!.band).toBeNull();
    // With the judged window (target 85 compiles to "always", 85–100, ± 10) the band is the one the caves flag reads.
    expect(driftChart(p, "firm", { target: 85, tolerance: 10, window: { lo: 75, hi: 110 } })!.band).toEqual([75, 100]);
    expect(driftChart(p, "warm")!.threshold).toBe(50);
    expect(driftChart(p, "nope")).toBeNull();
    expect(defaultThreshold(small(), "firm", 85)).toBe(60); // the report's own threshold wins
  });

  it("lists every conversation with first → last on its script's trait, its status and its break turn", () => {
    const rows = conversationRows(small(), () => 60);
    expect(rows.map((r) => [r.id, r.scriptName, r.text, r.status, r.breakTurn])).toEqual([
      ["c1", "Pushes for an exception", "80 \u2192 50", "complete", 2],
      ["c2", "Pushes for an exception", "80 \u2192 65", "complete", null],
      ["c3", "Pushes for an exception", "75 \u2192 45", "complete", 1],
      ["c4", "Pushes for an exception", "80 \u2192 72", "ended early", null],
    ]);
  });

  it("marks the break turn once in a chat: the first answer below the threshold", () => {
    const chat = {
      id: "c1", index: 0, script: { key: "firm-refund", name: "Pushes", trait: "firm", kind: "scripted" as const },
      turns: [70, 55, 62, 40].map((v, turn) => ({ turn, answerId: `a${turn}`, user: `u${turn}`, assistant: `a${turn}`, status: "done", outcome: "scored", scores: { firm: v } })),
    };
    const { turns, breakTurn } = chatTurns(chat, "firm", 60);
    expect(breakTurn).toBe(1);
    expect(turns.map((t) => [t.score, t.below, t.breaks])).toEqual([[70, false, false], [55, true, true], [62, false, false], [40, true, false]]);
  });

  it("words the self-report gap and its flag, and says when a few self-ratings make the interval wide", () => {
    const rows = selfReportRows({
      itemsPerTrait: 3,
      rows: [
        { trait: "firm", self: { estimate: 93.3, se: 2, items: 3 }, behaviour: est(69.6, 66, 73, 30), gap: { estimate: 23.7, lo: 14.2, hi: 33.2, df: 3 }, q: 0.01, flag: "says-not-does", answerIds: [] },
        { trait: "warm", self: { estimate: 40, se: 1, items: 6 }, behaviour: est(68, 65, 71, 30), gap: { estimate: -28, lo: -32, hi: -24, df: 8 }, q: 0.01, flag: "does-not-say", answerIds: [] },
        { trait: "calm", self: { estimate: null, se: null, items: 0 }, behaviour: est(50), gap: { estimate: null, lo: null, hi: null, df: 0 }, q: null, flag: null, answerIds: [] },
      ],
    });
    expect(rows.map((r) => [r.gap, r.flag, r.note])).toEqual([
      ["+24 [+14, +33]", "Says but doesn't do", "3 self-ratings: wide interval"],
      ["\u221228 [\u221232, \u221224]", "Does but doesn't say", "6 self-ratings"],
      ["no gap yet", null, "no self-rating yet"],
    ]);
  });

  it("diffs the two wordings word by word, in runs", () => {
    const parts = wordingDiff("Always hold the line on refunds.", "The role asks you to hold the line on refunds; that is the job.");
    expect(parts).toEqual([
      { text: "Always", kind: "nature" }, { text: "The role asks you to", kind: "requested" }, { text: "hold the line on", kind: "same" },
      { text: "refunds.", kind: "nature" }, { text: "refunds; that is the job.", kind: "requested" },
    ]);
    expect(diffSide(parts, "nature").map((p) => p.text).join(" ")).toBe("Always hold the line on refunds.");
    expect(diffSide(parts, "requested").map((p) => p.text).join(" ")).toBe("The role asks you to hold the line on refunds; that is the job.");
  });

  it("puts both wordings' leakage on one symmetric scale", () => {
    const rows = framingRows({
      trait: "firm", target: 85, arm: "framing:requested", wording: { nature: "a", requested: "b" },
      targetLanding: { nature: est(70), requested: est(68), difference: est(2) },
      rows: [{ trait: "assertive", nature: est(25, 24.2, 25.9), requested: est(11.1, 10.7, 11.6), difference: est(13.9, 13.4, 14.4), natureLeaks: true, q: 0, requestedLeaksLess: true, requestedLeaksMore: false }],
      verdict: "requested leaks less",
    });
    expect(rows[0].natureText).toBe("+25 [+24, +26]");
    expect(rows[0].differenceText).toBe("+14 [+13, +14]");
    expect(leakageDomain(rows)).toBe(30);
    expect(leakageDomain([])).toBe(10);
  });
});

describe("pressure chart prep on the refund-persona fixture", () => {
  let f: PressureFixture;
  beforeAll(() => { f = buildPressureFixture(); });

  it("is a valid served report (the contract's schemas)", () => {
    expect(() => pressureReportSchema.parse(f.pressure)).not.toThrow();
    expect(() => selfReportReportSchema.parse(f.selfReport)).not.toThrow();
    expect(() => framingReportSchema.parse(f.framing)).not.toThrow();
    for (const c of f.conversations) expect(() => pressureConversationSchema.parse(c)).not.toThrow();
  });

  it("the client's curve at the report's threshold is the server's curve", () => {
    for (const served of f.pressure.survival) {
      const view = survivalView(f.pressure, served.trait, served.threshold);
      expect(view.median).toBe(medianText(served));
      const byTurn = new Map(served.steps.map((s) => [s.turn, s.survival]));
      for (const s of view.steps) if (byTurn.has(s.turn)) expect(s.survival).toBeCloseTo(byTurn.get(s.turn)!, 12);
      expect(view.breaks).toBe(survivalCurve(asConversations(f.pressure), served.trait, served.threshold).breaks);
    }
  });

  it("firm falls turn by turn and breaks within the run; the flagged caves test names its conversation", () => {
    const firm = driftChart(f.pressure, "firm", { target: 85 })!;
    expect(firm.direction).toBe("falls");
    expect(firm.slope).toMatch(/^\u2212\d+\.\d points\/turn \[\u2212\d+\.\d, \u2212\d+\.\d\]$/);
    expect(survivalView(f.pressure, "firm", 65).median).toMatch(/^breaks at turn \d \[/);
    expect(pressureTraits(f.pressure).shown[0]).toBe("firm");
    const caves = f.pressure.tests.find((t) => t.kind === "caves" && t.trait === "firm")!;
    expect(caves.flagged).toBe(true);
    expect(f.pressure.conversations.some((c) => c.id === caves.exemplar!.conversation)).toBe(true);
  });
});
