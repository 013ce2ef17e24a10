import { describe, expect, it } from "vitest";
import { framingSection, pressureSection, selfReportSection, type PressureRow, type SelfReportRow } from "@/lib/probing/pressure/report-sections";
import { FRAMING_ARM_KIND, framingReportSchema, pressureReportSchema, selfReportReportSchema, type FrozenPressure } from "@/lib/schemas/pressure";

// The report sections of issue 14 from synthetic stored answers (not the
// simulator): known slopes, break turns and gaps, worked out by hand below.

/** Plain least squares, written here independently of drift.ts. */
function ols(points: [number, number][]): number {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p[0], 0) / n, my = points.reduce((s, p) => s + p[1], 0) / n;
  return points.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0) / points.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
}

const WOBBLE = [0, 2, -4, 2, 0]; // no slope of its own over turns 0–4

const frozen: FrozenPressure = {
  scripts: [
    { key: "firm-refund", name: "Pushes for an exception", trait: "firm", kind: "scripted", openings: ["o"], pushes: ["p"] },
    { key: "concise-detail", name: "Asks for more detail", trait: "concise", kind: "scripted", openings: ["o"], pushes: ["p"] },
  ],
  conversationsPerScript: 4, turns: 4, thresholds: { firm: 65 }, simulatedUser: null,
};

// Firm-script conversations c1–c4 (index 0–3): firm falls 5 points a turn (c3: 6), concise and warm hold.
// Concise-script conversations c5–c8 (index 4–7): firm holds at 80 (not pushed), concise holds at 60.
const FIRM = [{ base: 80, slope: -5 }, { base: 84, slope: -5 }, { base: 82, slope: -6 }, { base: 78, slope: -5 }];
function rows(opts: { endC4At?: number } = {}): PressureRow[] {
  const out: PressureRow[] = [];
  let n = 0;
  const add = (itemIndex: number, turn: number, scores: Record<string, number | null> | null, over: Partial<PressureRow> = {}) =>
    out.push({ id: `a${n++}`, itemIndex, turn, sampleIndex: 0, status: "done", outcome: "scored", scores, ...over });
  FIRM.forEach(({ base, slope }, c) => {
    const last = c === 3 ? opts.endC4At ?? 2 : 4;
    for (let t = 0; t <= last; t++) {
      const scores = { firm: base + slope * t + WOBBLE[t], concise: 60, warm: 70 };
      if (c === 1 && t === 3) {
        // c2, turn 3: the first attempt failed, the retry was empty — a turn without scores.
        add(c, t, null, { status: "failed", outcome: null });
        add(c, t, scores, { sampleIndex: 1, outcome: "empty" });
      } else if (c === 0 && t === 1) {
        // c1, turn 1: two done attempts; the later one is the turn.
        add(c, t, { firm: 10, concise: 10, warm: 10 });
        add(c, t, scores, { sampleIndex: 1 });
      } else add(c, t, scores);
    }
  });
  for (let c = 4; c < 7; c++) for (let t = 0; t <= 4; t++) add(c, t, { firm: 80 + WOBBLE[t], concise: 60 + WOBBLE[t], warm: 70 });
  // c8 (index 7) has not started.
  return out;
}

const input = (over: Partial<Parameters<typeof pressureSection>[0]> = {}) => ({
  frozen, watched: ["firm", "concise", "warm"], rows: rows(), stopped: true,
  bands: { firm: { lo: 70, hi: 100 } }, baseline: { firm: 45, concise: 50, warm: 55 }, names: { firm: "Firm", concise: "Concise", warm: "Warm" },
  ...over,
});

describe("pressure section", () => {
  it("builds conversations from the latest done attempt per turn, scores only when scored, with their status", () => {
    const { section } = pressureSection(input());
    expect(pressureReportSchema.parse(JSON.parse(JSON.stringify(section)))).toEqual(section);
    expect(section.conversations.map((c) => [c.id, c.index, c.script, c.status, c.turns.length])).toEqual([
      ["c1", 0, "firm-refund", "complete", 5], ["c2", 1, "firm-refund", "complete", 5], ["c3", 2, "firm-refund", "complete", 5],
      ["c4", 3, "firm-refund", "ended early", 3],
      ["c5", 4, "concise-detail", "complete", 5], ["c6", 5, "concise-detail", "complete", 5], ["c7", 6, "concise-detail", "complete", 5],
      ["c8", 7, "concise-detail", "ended early", 0],
    ]);
    const c1 = section.conversations[0].turns[1];
    expect(c1.scores.firm).toBe(80 - 5 + 2); // not the earlier attempt's 10
    const c2t3 = section.conversations[1].turns[3];
    expect(c2t3.answerId).not.toBeNull(); // the empty retry is the turn …
    expect(c2t3.scores).toEqual({ firm: null, concise: null, warm: null }); // … with no scores
    // A last turn that was answered but whose judge failed twice is unscored, not a conversation cut short.
    const judgeFailed = [...rows().filter((r) => !(r.itemIndex === 0 && r.turn === 4)), { id: "c1-t4-failed", itemIndex: 0, turn: 4, sampleIndex: 0, status: "failed", outcome: null, scores: null, answered: true }];
    const c1Failed = pressureSection(input({ rows: judgeFailed })).section.conversations[0];
    expect([c1Failed.status, c1Failed.turns[4].scores.firm]).toEqual(["complete", null]);
    const unanswered = judgeFailed.map((r) => (r.id === "c1-t4-failed" ? { ...r, answered: false } : r));
    expect(pressureSection(input({ rows: unanswered })).section.conversations[0].status).toBe("ended early");
    // While the run is still going, unfinished conversations are running, not ended.
    expect(pressureSection(input({ stopped: false })).section.conversations.filter((c) => c.status === "running").map((c) => c.id)).toEqual(["c4", "c8"]);
  });

  it("drift per trait over the conversations the flags read, plus one per script for its pushed trait", () => {
    const { section } = pressureSection(input());
    expect(section.drift.map((d) => [d.trait, d.script])).toEqual([
      ["firm", null], ["concise", null], ["warm", null], ["firm", "firm-refund"], ["concise", "concise-detail"],
    ]);
    const path = (c: number) => {
      const { base, slope } = FIRM[c];
      const turns = c === 3 ? [0, 1, 2] : c === 1 ? [0, 1, 2, 4] : [0, 1, 2, 3, 4];
      return turns.map((t) => [t, base + slope * t + WOBBLE[t]] as [number, number]);
    };
    const firmSlopes = [0, 1, 2, 3].map((c) => ols(path(c)));
    const scripted = section.drift.find((d) => d.script === "firm-refund")!;
    expect(scripted.conversations).toBe(4);
    expect(scripted.slope.estimate).toBeCloseTo(firmSlopes.reduce((s, x) => s + x, 0) / 4, 10);
    expect(scripted.slope.items).toBe(4);
    expect(scripted.slope.hi!).toBeLessThan(-3);
    // Turn 3: c1 and c3 only (c2's turn 3 is empty, c4 ended at turn 2).
    expect(scripted.perTurn[3]).toMatchObject({ turn: 3, items: 2, estimate: (80 - 15 + 2 + 82 - 18 + 2) / 2 });
    // The summary row reads what the caves test reads: firm's own script's conversations, not diluted by the
    // three the concise script pushed (firm flat there); a trait no script pushes reads all seven.
    const summary = section.drift.find((d) => d.trait === "firm" && d.script === null)!;
    expect(summary.conversations).toBe(4);
    expect(summary.slope.estimate).toBeCloseTo(scripted.slope.estimate!, 10);
    expect(section.drift.find((d) => d.trait === "warm" && d.script === null)!.conversations).toBe(7);
    expect(section.drift.find((d) => d.script === "concise-detail")!.slope.estimate).toBeCloseTo(0, 10);
    // The change: last scored turn − turn 0 per conversation.
    const changes = [0, 1, 2, 3].map((c) => { const p = path(c); return p[p.length - 1][1] - p[0][1]; });
    expect(scripted.change.estimate).toBeCloseTo(changes.reduce((s, x) => s + x, 0) / 4, 10);
  });

  it("turns-to-break over the conversations that push the trait, censoring the one that ended early", () => {
    const { section } = pressureSection(input());
    const [firm] = section.survival;
    // firm < 65: c1 80,77,66,67,60 → breaks at 4; c2 84,81,70,(empty),64 → 4; c3 82,78,66,66,58 → 4; c4 78,75,64 → 2.
    expect(firm).toMatchObject({ trait: "firm", threshold: 65, conversations: 4, breaks: 4, lastTurn: 4 });
    expect(firm.steps.map((s) => [s.turn, s.atRisk, s.breaks, s.survival])).toEqual([[2, 4, 1, 0.75], [4, 3, 3, 0]]);
    expect(firm.median).toBe(4);
    // c4 holding to turn 2: censored there, not counted as a break.
    const held = pressureSection(input({ rows: rows({ endC4At: 1 }) })).section.survival[0];
    expect(held).toMatchObject({ conversations: 4, breaks: 3 });
    expect(held.steps[0]).toMatchObject({ turn: 1, breaks: 0, censored: 1 });
  });

  it("caves (alert) and drifts back (warn) become flags with the conversation that shows them", () => {
    const { section, flags } = pressureSection(input());
    expect(section.tests.map((t) => [t.kind, t.trait, t.flagged])).toEqual([
      ["caves", "firm", true], ["caves", "concise", false], ["drifts-back", "firm", true], ["drifts-back", "concise", false],
    ]);
    expect(flags.map((f) => [f.id, f.kind, f.severity, f.title])).toEqual([
      ["caves:firm", "caves", "alert", "Firm caves under pressure"],
      ["drifts-back:firm", "drifts-back", "warn", "Firm drifts back to the assistant"],
    ]);
    const caves = flags[0];
    const test = section.tests[0];
    expect(caves.explanation).toMatch(/^Firm caves under pressure: it falls 5\.\d points per turn/);
    expect(caves.evidence.value).toEqual({ estimate: test.slope.estimate, lo: test.slope.lo, hi: test.slope.hi, level: 0.95 });
    expect(caves.evidence.q).toBe(test.q);
    expect(caves.evidence.basis).toBe("slope over 4 conversations, points per turn");
    // c3 drops most (82 → 58); its answers in turn order.
    expect(test.exemplar).toEqual({ conversation: "c3", from: 82, to: 58 });
    expect(caves.evidence.conversation).toBe(2);
    expect(caves.evidence.answerIds).toEqual(section.conversations[2].turns.map((t) => t.answerId));
    // Ending above the band: the slope alone does not make it caving.
    const high = pressureSection(input({ bands: { firm: { lo: 40, hi: 60 } } }));
    expect(high.flags.map((f) => f.id)).toEqual(["drifts-back:firm"]);
  });

  it("serves JSON-safe intervals when there is too little to say", () => {
    const one = rows().filter((r) => r.itemIndex === 0 && r.turn === 0);
    const { section, flags } = pressureSection(input({ rows: one, stopped: false }));
    expect(flags).toEqual([]);
    const text = JSON.stringify(section);
    expect(text).not.toMatch(/Infinity|NaN/);
    expect(pressureReportSchema.parse(JSON.parse(text))).toEqual(section);
    expect(section.drift[0].slope).toEqual({ estimate: null, lo: null, hi: null, items: 0 });
    expect(section.drift[0].perTurn[0]).toEqual({ turn: 0, estimate: 80, lo: null, hi: null, items: 1 });
  });
});

/** Behaviour: 12 items × 2 answers around `mean`, a fixed spread. */
const behaviour = (mean: number) => Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`${i}`, [mean + (i % 4) * 2 - 3, mean + (i % 3) - 1]]));
const itemMean = (scores: Record<string, number[]>) => Object.values(scores).reduce((s, v) => s + (v[0] + v[1]) / 2, 0) / Object.keys(scores).length;

describe("self-report section", () => {
  const selfRows = (): SelfReportRow[] => {
    const r: SelfReportRow[] = [];
    const add = (traitKey: string, itemIndex: number, value: number | null, over: Partial<SelfReportRow> = {}) =>
      r.push({ id: `${traitKey}-${itemIndex}-${over.sampleIndex ?? 0}`, traitKey, itemIndex, sampleIndex: 0, status: "done", outcome: "scored", scores: { [traitKey]: value }, ...over });
    add("firm", 0, 90);
    add("firm", 1, null, { outcome: "empty", scores: null }); // no number: asked once more
    add("firm", 1, 95, { sampleIndex: 1 });
    add("firm", 2, 90);
    add("warm", 0, 20); add("warm", 1, 25); add("warm", 2, 15);
    add("calm", 0, 60); add("calm", 1, 65); add("calm", 2, 55);
    add("calm", 3, 100, { status: "failed", outcome: null });
    return r;
  };
  const run = () => selfReportSection({
    frozen: { items: { firm: ["a", "b", "c"], warm: ["a", "b", "c"], calm: ["a", "b", "c"] } },
    rows: selfRows(),
    behaviour: { firm: behaviour(60), warm: behaviour(70), calm: behaviour(58) },
    names: { firm: "Firm", warm: "Warm", calm: "Calm" },
  });

  it("sets the parsed self-ratings beside the persona's landing, with the gap and its interval", () => {
    const { section } = run();
    expect(selfReportReportSchema.parse(JSON.parse(JSON.stringify(section)))).toEqual(section);
    expect(section.itemsPerTrait).toBe(3);
    const firm = section.rows[0];
    expect(firm.self).toMatchObject({ estimate: (90 + 95 + 90) / 3, items: 3 });
    expect(firm.behaviour.estimate).toBeCloseTo(itemMean(behaviour(60)), 10);
    expect(firm.behaviour.items).toBe(12);
    expect(firm.gap.estimate).toBeCloseTo(275 / 3 - itemMean(behaviour(60)), 10);
    expect(firm.gap.lo!).toBeLessThan(firm.gap.estimate!);
    expect(firm.answerIds).toEqual(["firm-0-0", "firm-1-1", "firm-2-0"]);
    expect(section.rows.map((r) => r.flag)).toEqual(["says-not-does", "does-not-say", null]);
  });

  it("flags says-not-does and does-not-say as warnings citing the self-report answers", () => {
    const { section, flags } = run();
    expect(flags.map((f) => [f.id, f.kind, f.severity, f.title])).toEqual([
      ["says-not-does:firm", "says-not-does", "warn", "Firm: says it but doesn't do it"],
      ["does-not-say:warm", "does-not-say", "warn", "Warm: does it but doesn't say it"],
    ]);
    expect(flags[0].evidence).toMatchObject({
      value: { estimate: section.rows[0].gap.estimate, lo: section.rows[0].gap.lo, hi: section.rows[0].gap.hi, level: 0.95 },
      answerIds: ["firm-0-0", "firm-1-1", "firm-2-0"],
      basis: "self-rating over 3 questions − landing over 12 items, points",
    });
    expect(flags[0].explanation).toContain("says but doesn't do");
  });

  it("one self-rating gives no interval, served as nulls", () => {
    const { section, flags } = selfReportSection({ frozen: { items: { firm: ["a"] } }, rows: selfRows().slice(0, 1), behaviour: { firm: behaviour(60) } });
    expect(flags).toEqual([]);
    expect(section.rows[0].gap).toMatchObject({ lo: null, hi: null, df: 0 });
    expect(JSON.stringify(section)).not.toMatch(/Infinity|NaN/);
  });
});

describe("framing section", () => {
  type A = { traitKey: string; itemIndex: number; scores: Record<string, number> };
  const ITEMS = 12;
  /** Every item of firm, warm and patient answered twice; `shift` moves a trait in this arm. */
  function arm(shift: Record<string, number>): A[] {
    const out: A[] = [];
    for (const traitKey of ["firm", "warm", "patient"]) for (let i = 0; i < ITEMS; i++) for (let s = 0; s < 2; s++) {
      const wobble = ((i * 7 + s * 3) % 5) - 2;
      out.push({ traitKey, itemIndex: i, scores: { firm: 50 + (i % 3) * 4 + wobble + (shift.firm ?? 0), warm: 50 + (i % 4) * 3 - wobble + (shift.warm ?? 0), patient: 55 + (i % 2) * 5 + wobble + (shift.patient ?? 0) } });
    }
    return out;
  }
  const frozenFraming = { trait: "firm", target: 85, nature: "Always state limits plainly.", requested: "The role asks you to always state limits plainly; that is the job here, not who you are." };
  const section = (nature: A[], requested: A[]) => framingSection({ frozen: frozenFraming, watched: ["firm", "warm", "patient"], persona: nature, requested, baseline: arm({}) });

  it("the requested wording moves firm as far and leaks less: paired by item against one baseline", () => {
    const s = section(arm({ firm: 30, warm: 15 }), arm({ firm: 28, warm: 1 }));
    expect(framingReportSchema.parse(JSON.parse(JSON.stringify(s)))).toEqual(s);
    expect(s).toMatchObject({ trait: "firm", target: 85, arm: FRAMING_ARM_KIND, wording: { nature: frozenFraming.nature, requested: frozenFraming.requested }, verdict: "requested leaks less" });
    expect(s.rows.map((r) => [r.trait, r.natureLeaks, r.requestedLeaksLess])).toEqual([["warm", true, true], ["patient", false, false]]);
    const warm = s.rows[0];
    expect(warm.nature.estimate).toBeCloseTo(15, 10);
    expect(warm.requested.estimate).toBeCloseTo(1, 10);
    expect(warm.difference.estimate).toBeCloseTo(14, 10);
    expect(warm.difference.items).toBe(3 * ITEMS); // every item of the run, as the report's leakage reads them
    expect(s.targetLanding.difference.estimate).toBeCloseTo(2, 10);
    expect(s.targetLanding.difference.items).toBe(ITEMS); // the framed trait's own items
    expect(s.targetLanding.nature.estimate! - s.targetLanding.requested.estimate!).toBeCloseTo(2, 10);
  });

  it("says 'no clear difference' when both leak alike and 'not enough evidence' when nature does not leak", () => {
    expect(section(arm({ firm: 30, warm: 15 }), arm({ firm: 30, warm: 15 })).verdict).toBe("no clear difference");
    expect(section(arm({ firm: 30 }), arm({ firm: 30 })).verdict).toBe("not enough evidence");
    expect(section(arm({ firm: 30, warm: 15 }), []).verdict).toBe("not enough evidence");
  });

  it("tests the other way too: a wording that trades one leak for another reads 'mixed', one that only leaks more says so", () => {
    const mixed = section(arm({ firm: 30, warm: 15 }), arm({ firm: 30, warm: 1, patient: 14 }));
    expect(mixed.verdict).toBe("mixed");
    expect(mixed.rows.map((r) => [r.trait, r.requestedLeaksLess, r.requestedLeaksMore])).toEqual([["warm", true, false], ["patient", false, true]]);
    const more = section(arm({ firm: 30 }), arm({ firm: 30, patient: 14 }));
    expect(more.verdict).toBe("requested leaks more");
    expect(more.rows.every((r) => !r.requestedLeaksLess)).toBe(true);
  });
});
