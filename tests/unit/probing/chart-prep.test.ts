import { describe, expect, it } from "vitest";
import {
  compareReports, defaultPair, divergingColor, fmt, heatmap, intervalRows, meanInterval, pairScatter,
  radarCompareRows, radarRows, shiftText, signed,
} from "@/lib/probing/chart-prep";
import { probeRunDetailSchema, type ProbeReport, type ReportFlag, type ReportRow } from "@/lib/schemas/probe";
import { buildProbeFixture } from "@/tests/fixtures/probe-report";

// Chart data preparation is pure: a report in, the rows each chart draws out.

const summary = (mean: number | null, lo: number | null, hi: number | null, n: number) => ({
  n, mean, lo, hi, halfWidth: lo === null || hi === null ? null : (hi - lo) / 2,
});

function row(key: string, target: number | null, landing: [number, number, number] | null, baseline: number | null, shift?: Partial<ReportRow["shift"]>): ReportRow {
  return {
    key,
    name: key[0].toUpperCase() + key.slice(1),
    target,
    landing: landing ? summary(landing[0], landing[1], landing[2], 24) : summary(null, null, null, 0),
    baseline: baseline === null ? summary(null, null, null, 0) : summary(baseline, baseline - 4, baseline + 4, 24),
    shift: {
      difference: landing && baseline !== null ? landing[0] - baseline : null, lo: null, hi: null, halfWidth: null,
      excludesZero: false, nLanding: landing ? 24 : 0, nBaseline: baseline === null ? 0 : 24, ...shift,
    },
    done: "precise",
  };
}

const flag = (id: string, kind: ReportFlag["kind"], traits: string[], severity: ReportFlag["severity"] = "alert"): ReportFlag => ({
  id, kind, traits, severity, title: id, explanation: id, evidence: { answerIds: [] },
});

function report(partial: Partial<ProbeReport> = {}): ProbeReport {
  const rows = partial.rows ?? [
    row("empathetic", 85, [83, 80, 86], 56),
    row("firm", 85, [72, 68, 104], 47),
    row("warm", null, [77, 72, 82], 54, { difference: 23, lo: 18, hi: 28, excludesZero: true }),
  ];
  const keys = rows.map((r) => r.key);
  return {
    rows,
    correlations: partial.correlations ?? {
      keys,
      r: [[1, -0.4, 0.8], [-0.4, 1, -0.2], [0.8, -0.2, 1]].slice(0, keys.length).map((r) => r.slice(0, keys.length)),
      n: keys.map(() => keys.map(() => 30)),
    },
    flags: partial.flags ?? [],
    thresholds: partial.thresholds ?? [{ key: "tolerance", label: "Tolerance", value: 10, rationale: "" }, { key: "leakageShift", label: "Leak", value: 8, rationale: "" }],
    points: partial.points ?? [
      { id: "a1", traitKey: "empathetic", scores: { empathetic: 90, firm: 60, warm: 80 } },
      { id: "a2", traitKey: "firm", scores: { empathetic: 70, firm: 85, warm: null } },
      { id: "a3", traitKey: "warm", scores: { empathetic: 80, firm: null, warm: 75 } },
    ],
    final: partial.final ?? true,
    ...(partial.verdicts ? { verdicts: partial.verdicts } : {}),
  };
}

describe("format", () => {
  it("signs changes with a real minus and prints intervals as the report does", () => {
    expect(signed(23.4)).toBe("+23");
    expect(signed(-5.2)).toBe("\u22125");
    expect(signed(0.2)).toBe("0");
    expect(fmt(null)).toBe("—");
    expect(shiftText({ difference: 23.2, lo: 18.1, hi: 27.9, halfWidth: 5, excludesZero: true, nLanding: 20, nBaseline: 20 }))
      .toBe("+23 [+18, +28] vs baseline");
    expect(shiftText({ difference: null, lo: null, hi: null, halfWidth: null, excludesZero: false, nLanding: 3, nBaseline: 0 }))
      .toBe("no baseline yet");
  });
});

describe("radarRows", () => {
  it("uses the target where set and the baseline elsewhere as the intended position", () => {
    const rows = radarRows(report());
    expect(rows.map((r) => [r.key, r.intended, r.landing, r.baseline, r.targeted])).toEqual([
      ["empathetic", 85, 83, 56, true],
      ["firm", 85, 72, 47, true],
      ["warm", 54, 77, 54, false],
    ]);
  });

  it("overlays two runs over the union of their traits", () => {
    const b = report({ rows: [row("firm", 85, [80, 76, 84], 47), row("direct", null, [60, 55, 65], 50)] });
    const rows = radarCompareRows(report(), b);
    expect(rows.map((r) => [r.key, r.landingA, r.landingB])).toEqual([
      ["empathetic", 83, null], ["firm", 72, 80], ["warm", 77, null], ["direct", null, 60],
    ]);
  });
});

describe("intervalRows", () => {
  it("clamps intervals to 0–100, adds the tolerance band and reads each row", () => {
    const flags = [flag("tension:empathetic+firm", "tension", ["empathetic", "firm"], "warn"), flag("leakage:warm", "leakage", ["warm"])];
    const rows = intervalRows(report({ flags }));
    const [emp, firm, warm] = rows;
    expect(emp.toleranceBand).toEqual([75, 95]);
    expect(emp.verdict).toBe("on-target");
    expect(emp.severity).toBe("warn");
    expect(firm.landing.hi).toBe(100); // 104 clamped
    expect(firm.verdict).toBe("off-target");
    expect(warm.toleranceBand).toBeNull();
    expect(warm.verdict).toBe("moved");
    expect(warm.severity).toBe("alert");
    expect(warm.shift.text).toBe("+23 [+18, +28] vs baseline");
  });

  it("tells a clear but small shift of an untargeted trait from no shift", () => {
    const rows = intervalRows(report({
      rows: [
        row("warm", null, [58, 54, 62], 51, { difference: 7, lo: 2, hi: 12, excludesZero: true }),
        row("formal", null, [52, 48, 56], 51, { difference: 1, lo: -4, hi: 6, excludesZero: false }),
      ],
    }));
    expect(rows.map((r) => r.verdict)).toEqual(["nudged", "steady"]);
  });

  it("reads an untargeted trait with the shift and the verdict the leakage flags read (all items, minimum-effect test)", () => {
    const allItems = (difference: number, lo: number, hi: number) => ({
      difference, lo, hi, halfWidth: (hi - lo) / 2, excludesZero: lo > 0 || hi < 0, nLanding: 120, nBaseline: 120, nItems: 120,
    });
    const wide = { difference: 2, lo: -14, hi: 18, excludesZero: false }; // 6 own items
    const rows = intervalRows(report({
      rows: [
        { ...row("direct", null, [41, 19, 63], 46, wide), leakShift: allItems(-6, -10, -1) },
        { ...row("formal", null, [33, 17, 50], 30, wide), leakShift: allItems(1, -2, 4) },
        { ...row("playful", null, [54, 37, 71], 53, wide), leakShift: allItems(3, 0.5, 5.5) },
      ],
      thresholds: [{ key: "tolerance", label: "Tolerance", value: 10, rationale: "" }, { key: "leakageShift", label: "Leak", value: 5, rationale: "" }],
      verdicts: {
        targets: [],
        leakage: [
          { key: "direct", verdict: "not enough evidence", shift: -6, lo: -10, hi: -1, items: 120, q: 0.2, equivalence: null },
          { key: "formal", verdict: "no leakage", shift: 1, lo: -2, hi: 4, items: 120, q: 1, equivalence: null },
          { key: "playful", verdict: "not enough evidence", shift: 3, lo: 0.5, hi: 5.5, items: 120, q: 1, equivalence: null },
        ],
      },
    }));
    // −6 clear of 0 but not clearly beyond the negligible band: a possible leak, never "moved".
    expect(rows.map((r) => r.verdict)).toEqual(["possible-leak", "no-leak", "nudged"]);
    expect(rows[0].shift).toMatchObject({ text: "−6 [−10, −1] vs baseline", allItems: true });
  });

  it("badges a targeted trait with the report's own judgement of it (the rule the flags and the verdict line read)", () => {
    const judged = (verdict: "within tolerance" | "not clearly off target" | "miss") =>
      ({ ...row("firm", 80, [57, 52, 61], 48), judged: { verdict, window: { lo: 55, hi: 94 }, against: "instructed" as const } });
    const rows = intervalRows(report({ rows: [judged("not clearly off target"), { ...judged("miss"), key: "direct" }, { ...judged("within tolerance"), key: "warm" }] }));
    // 57 is 23 from the target, but its interval reaches the instructed window (55–94): not clearly off, as the flags say.
    expect(rows.map((r) => r.verdict)).toEqual(["not-clearly-off", "off-target", "on-target"]);
    // Reports from before the judgement fall back to the plain tolerance rule.
    expect(intervalRows(report({ rows: [row("firm", 80, [57, 52, 61], 48)] }))[0].verdict).toBe("off-target");
  });

  it("says pending while a trait has no answers yet", () => {
    const [r] = intervalRows(report({ rows: [row("firm", 85, null, null)] }));
    expect(r.verdict).toBe("pending");
    expect(r.landing.mean).toBeNull();
    expect(r.shift.text).toBe("no baseline yet");
  });
});

describe("pairScatter", () => {
  it("keeps answers scored on both traits, with a centroid interval, the intended point and r", () => {
    const s = pairScatter(report(), "empathetic", "firm");
    expect(s.points.map((p) => p.id)).toEqual(["a1", "a2"]);
    for (const p of s.points) {
      expect(Math.abs(p.jx - p.x)).toBeLessThanOrEqual(2);
      expect(p.jx).toBeGreaterThanOrEqual(0);
      expect(p.jx).toBeLessThanOrEqual(100);
    }
    expect(s.centroid!.x.mean).toBe(80);
    expect(s.centroid!.y.mean).toBe(72.5);
    expect(s.intended).toEqual({ x: 85, y: 85, xTargeted: true, yTargeted: true });
    expect(s.r).toBe(-0.4);
    expect(pairScatter(report(), "empathetic", "warm").intended).toMatchObject({ y: 54, yTargeted: false });
  });

  it("computes a 95% t-interval that shrinks with n and stays on the scale", () => {
    expect(meanInterval([])).toBeNull();
    const few = meanInterval([90, 100, 95])!;
    const many = meanInterval(Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? 90 : i % 3 === 1 ? 100 : 95)))!;
    expect(few.hi).toBe(100);
    expect(many.hi - many.lo).toBeLessThan(few.hi - few.lo);
    expect(many.mean).toBeCloseTo(95);
  });
});

describe("heatmap", () => {
  it("colours −1 red, 0 white and +1 blue and blanks the diagonal", () => {
    expect(divergingColor(-1)).toBe("rgb(220, 38, 38)");
    expect(divergingColor(0)).toBe("rgb(255, 255, 255)");
    expect(divergingColor(1)).toBe("rgb(37, 99, 235)");
    expect(divergingColor(null)).toBe("#f1f5f9");
    const h = heatmap(report());
    expect(h.names).toEqual(["Empathetic", "Firm", "Warm"]);
    expect(h.cells[0][0]).toMatchObject({ diagonal: true, r: null });
    expect(h.cells[0][1]).toMatchObject({ rowKey: "empathetic", colKey: "firm", r: -0.4, n: 30, ink: "#0f172a" });
    expect(h.cells[0][2].ink).toBe("#ffffff");
  });
});

describe("defaultPair", () => {
  it("opens on the first flagged pair, else the most negative correlation, else the first two traits", () => {
    expect(defaultPair(report({ flags: [flag("leakage:warm", "leakage", ["warm"]), flag("tension:firm+warm", "tension", ["firm", "warm"])] })))
      .toEqual(["firm", "warm"]);
    expect(defaultPair(report())).toEqual(["empathetic", "firm"]);
    const noR = report({ correlations: { keys: ["empathetic", "firm", "warm"], r: [[null, null, null], [null, null, null], [null, null, null]], n: [[0, 0, 0], [0, 0, 0], [0, 0, 0]] } });
    expect(defaultPair(noR)).toEqual(["empathetic", "firm"]);
    expect(defaultPair(report({ rows: [row("firm", 85, null, null)] }))).toBeNull();
  });
});

describe("compareReports", () => {
  it("gives per-trait deltas, marks clear moves and lists flags that appear or disappear", () => {
    const a = report({ flags: [flag("tension:empathetic+firm", "tension", ["empathetic", "firm"]), flag("leakage:warm", "leakage", ["warm"])] });
    const b = report({
      rows: [row("empathetic", 85, [84, 81, 87], 56), row("firm", 85, [86, 82, 90], 47)],
      flags: [flag("leakage:warm", "leakage", ["warm"]), flag("overshoot:firm", "overshoot", ["firm"], "warn")],
    });
    const c = compareReports(a, b);
    const firm = c.deltas.find((d) => d.key === "firm")!;
    expect(firm.delta).toBe(14);
    expect(firm.clear).toBe(false); // A's interval reaches 100
    const emp = c.deltas.find((d) => d.key === "empathetic")!;
    expect(emp).toMatchObject({ delta: 1, clear: false });
    expect(c.deltas.find((d) => d.key === "warm")).toMatchObject({ landingB: null, delta: null });
    expect(c.flags.appeared.map((f) => f.id)).toEqual(["overshoot:firm"]);
    expect(c.flags.disappeared.map((f) => f.id)).toEqual(["tension:empathetic+firm"]);
    expect(c.flags.kept.map((f) => f.id)).toEqual(["leakage:warm"]);
  });
});

describe("on a report from the real pipeline (simulator fixture)", () => {
  const { run } = buildProbeFixture({ scenario: "empathetic-firm" });

  it("the fixture matches the API contract", () => {
    expect(() => probeRunDetailSchema.parse(run)).not.toThrow();
  });

  it("prepares every chart, opening the scatter on the flagged empathetic–firm pair", () => {
    const rep = run.report;
    // A hand-written "empathetic but firm" lands clearly short on both: the pair is flagged, and the scatter opens on it
    // (not on the most negative within-item correlation, deferential–assertive).
    expect(rep.flags.map((f) => f.id)).toContain("compromise:empathetic+firm");
    expect(defaultPair(rep)).toEqual(["empathetic", "firm"]);
    const s = pairScatter(rep, "empathetic", "firm");
    // r is within items, over the answers to items asked more than once: at most every plotted answer.
    expect(s.n).toBeGreaterThan(30);
    expect(s.points.length).toBeGreaterThanOrEqual(s.n);
    expect(s.r).toBeLessThan(-0.3);
    expect(s.centroid!.y.mean).toBeLessThan(85);
    const rows = intervalRows(rep);
    expect(rows).toHaveLength(run.watched.length);
    for (const r of rows) {
      expect(r.landing.lo!).toBeGreaterThanOrEqual(0);
      expect(r.landing.hi!).toBeLessThanOrEqual(100);
      expect(r.landing.lo!).toBeLessThanOrEqual(r.landing.mean!);
    }
    expect(rows.find((r) => r.key === "firm")!.severity).not.toBeNull();
    expect(heatmap(rep).cells).toHaveLength(run.watched.length);
  });

  it("a partial report still prepares (fewer answers, nothing final)", () => {
    const partial = buildProbeFixture({ rounds: 1 }).run;
    expect(partial.report.final).toBe(false);
    expect(() => probeRunDetailSchema.parse(partial)).not.toThrow();
    expect(intervalRows(partial.report).every((r) => r.landing.n > 0)).toBe(true);
    expect(radarRows(partial.report)).toHaveLength(partial.watched.length);
  });
});
