import { describe, expect, it } from "vitest";
import { compareLandings } from "@/lib/probing/compare";
import { landingComparisonSchema } from "@/lib/schemas/landing-compare";
import type { ProbeReport, ReportFlag, ReportRow } from "@/lib/schemas/probe";
import { buildProbeFixture } from "@/tests/fixtures/probe-report";

// Comparing where two reports land is pure: two reports in, per-trait moves,
// flag changes and the overall distance to target out.

/** A row with landing mean ± halfWidth (or no data: mean null; one answer: hw null). */
function row(key: string, target: number | null, mean: number | null, hw: number | null = 4, n = 24): ReportRow {
  const lo = mean !== null && hw !== null ? mean - hw : null;
  const hi = mean !== null && hw !== null ? mean + hw : null;
  const none = { n: 0, mean: null, lo: null, hi: null, halfWidth: null };
  return {
    key,
    name: key[0].toUpperCase() + key.slice(1),
    target,
    landing: mean === null ? none : { n, mean, lo, hi, halfWidth: hw },
    baseline: none,
    shift: { difference: null, lo: null, hi: null, halfWidth: null, excludesZero: false, nLanding: mean === null ? 0 : n, nBaseline: 0 },
    done: "precise",
  };
}

const flag = (id: string, severity: ReportFlag["severity"] = "alert"): ReportFlag => ({
  id, kind: id.split(":")[0] as ReportFlag["kind"], traits: id.split(":")[1].split("+"), severity,
  title: `title of ${id}`, explanation: "", evidence: { answerIds: [] },
});

function report(rows: ReportRow[], flags: ReportFlag[] = []): ProbeReport {
  const keys = rows.map((r) => r.key);
  return {
    rows, flags, points: [], final: true, thresholds: [],
    correlations: { keys, r: keys.map(() => keys.map(() => null)), n: keys.map(() => keys.map(() => 0)) },
  };
}

describe("per-trait deltas", () => {
  it("subtracts A from B and widens the interval by adding the half-widths in quadrature", () => {
    const a = report([row("empathetic", 90, 60, 3)]);
    const b = report([row("empathetic", 90, 80, 4)]);
    const [r] = compareLandings(a, b).rows;
    expect(r.delta).toBe(20);
    expect(r.deltaInterval).toEqual({ lo: 15, hi: 25, halfWidth: 5 });
    expect(r.clear).toBe(true);
    expect(r.towardTarget).toBe("closer");
    expect(r.a).toEqual({ mean: 60, lo: 57, hi: 63, n: 24 });
  });

  it("calls a move unclear when its interval spans 0, even if the intervals barely overlap", () => {
    // Intervals [46, 54] and [50, 58] overlap; the delta 4 ± 5.66 spans 0.
    const [r] = compareLandings(report([row("firm", null, 50, 4)]), report([row("firm", null, 54, 4)])).rows;
    expect(r.delta).toBe(4);
    expect(r.deltaInterval!.halfWidth).toBeCloseTo(Math.SQRT2 * 4, 10);
    expect(r.clear).toBe(false);
    expect(r.towardTarget).toBeNull();
  });

  it("finds a clear move that the two intervals overlapping would hide", () => {
    // [50, 58] and [57, 65] overlap, but 7 > √2·4 ≈ 5.7.
    const [r] = compareLandings(report([row("warm", null, 54, 4)]), report([row("warm", null, 61, 4)])).rows;
    expect(r.clear).toBe(true);
    expect(r.deltaInterval!.lo).toBeGreaterThan(0);
  });

  it("says whether B moved toward the target, with a one-point dead zone", () => {
    const a = report([row("x", 70, 50), row("y", 70, 60), row("z", 70, 65), row("w", 70, 75)]);
    const b = report([row("x", 70, 90), row("y", 70, 80.5), row("z", 70, 75.5), row("w", 70, 66)]);
    const toward = Object.fromEntries(compareLandings(a, b).rows.map((r) => [r.key, r.towardTarget]));
    // Distance to 70 — x: 20 → 20 (crossed the target), y: 10 → 10.5, z: 5 → 5.5, w: 5 → 4: none moves more than a point.
    expect(toward).toEqual({ x: "same", y: "same", z: "same", w: "same" });
    const c = report([row("x", 70, 88), row("y", 70, 58), row("z", 70, 70), row("w", 70, 62)]);
    expect(Object.fromEntries(compareLandings(a, c).rows.map((r) => [r.key, r.towardTarget]))).toEqual({
      x: "closer", y: "further", z: "closer", w: "further",
    });
  });

  it("judges against B's target when the target itself changed, and keeps both", () => {
    const [r] = compareLandings(report([row("firm", 90, 80)]), report([row("firm", 60, 70)])).rows;
    expect(r).toMatchObject({ target: 60, targetA: 90, targetB: 60, delta: -10, towardTarget: "closer" });
    const [untargetedInB] = compareLandings(report([row("firm", 90, 80)]), report([row("firm", null, 85)])).rows;
    expect(untargetedInB).toMatchObject({ target: 90, targetA: 90, targetB: null, towardTarget: "closer" });
  });
});

describe("missing traits", () => {
  it("lists every trait of either report, B's order first, with null where a report has nothing", () => {
    const a = report([row("warm", null, 70), row("firm", 80, 60), row("formal", null, null)]);
    const b = report([row("firm", 80, 75), row("empathetic", 80, 78), row("formal", null, 55)]);
    const rows = compareLandings(a, b).rows;
    expect(rows.map((r) => r.key)).toEqual(["firm", "empathetic", "formal", "warm"]);
    const by = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(by.empathetic).toMatchObject({ a: null, delta: null, deltaInterval: null, clear: false, towardTarget: null, target: 80 });
    expect(by.warm).toMatchObject({ b: null, delta: null, clear: false, name: "Warm" });
    // Watched in A but no answer scored: no landing, so no delta.
    expect(by.formal).toMatchObject({ a: null, b: { mean: 55 }, delta: null });
  });

  it("gives a delta but no interval when a side has a single answer", () => {
    const [r] = compareLandings(report([row("firm", 80, 60, null, 1)]), report([row("firm", 80, 75)])).rows;
    expect(r.a).toEqual({ mean: 60, lo: null, hi: null, n: 1 });
    expect(r.delta).toBe(15);
    expect(r.deltaInterval).toBeNull();
    expect(r.clear).toBe(false);
    expect(r.towardTarget).toBe("closer");
  });
});

describe("flags", () => {
  it("sorts flags into appeared, resolved and kept by id", () => {
    const a = report([row("firm", 80, 60)], [flag("tension:empathetic+firm"), flag("leakage:warm", "warn")]);
    const b = report([row("firm", 80, 75)], [flag("leakage:warm", "alert"), flag("overshoot:firm")]);
    const { flags } = compareLandings(a, b);
    expect(flags.appeared.map((f) => f.id)).toEqual(["overshoot:firm"]);
    expect(flags.resolved.map((f) => f.id)).toEqual(["tension:empathetic+firm"]);
    // Kept flags are reported as B sees them (here: grown into an alert).
    expect(flags.kept).toEqual([expect.objectContaining({ id: "leakage:warm", severity: "alert" })]);
  });

  it("reports nothing changed when a report is compared with itself", () => {
    const a = report([row("firm", 80, 60)], [flag("miss:firm")]);
    const c = compareLandings(a, a);
    expect(c.flags).toMatchObject({ appeared: [], resolved: [], kept: [{ id: "miss:firm" }] });
    expect(c.rows[0]).toMatchObject({ delta: 0, clear: false, towardTarget: "same" });
    expect(c.distance.closer).toBe("same");
  });
});

describe("distance to target", () => {
  it("is the RMS of landing − target over each report's own targeted traits with data", () => {
    const a = report([row("x", 80, 70), row("y", 60, 90), row("z", null, 10), row("w", 50, null)]);
    const b = report([row("x", 80, 78), row("y", 70, 66), row("z", 40, 40)]);
    const { distance } = compareLandings(a, b);
    expect(distance.a.traits).toBe(2);
    expect(distance.a.rms).toBeCloseTo(Math.sqrt((10 ** 2 + 30 ** 2) / 2), 10);
    expect(distance.b.traits).toBe(3);
    expect(distance.b.rms).toBeCloseTo(Math.sqrt((2 ** 2 + 4 ** 2 + 0) / 3), 10);
    expect(distance.closer).toBe("b");
  });

  it("has no winner when a report targets nothing", () => {
    const { distance } = compareLandings(report([row("x", null, 70)]), report([row("x", 80, 78)]));
    expect(distance).toEqual({ a: { rms: null, traits: 0 }, b: { rms: 2, traits: 1 }, closer: null });
  });
});

describe("with simulator reports (tests/fixtures/probe-report.ts)", () => {
  const bare = buildProbeFixture({ scenario: "empathetic-firm" }).run.report;
  const nurse = buildProbeFixture({ scenario: "rosa" }).run.report;
  const skeptic = buildProbeFixture({ scenario: "skeptical" }).run.report;

  it("matches the schema the API publishes", () => {
    expect(() => landingComparisonSchema.parse(compareLandings(bare, nurse))).not.toThrow();
    expect(() => landingComparisonSchema.parse(compareLandings(bare, skeptic))).not.toThrow();
  });

  it("resolves the empathetic–firm tension when the bare trait list becomes a triage nurse aiming lower", () => {
    expect(bare.flags.some((f) => f.kind === "tension" && f.traits.includes("empathetic") && f.traits.includes("firm"))).toBe(true);
    const c = compareLandings(bare, nurse);
    expect(c.flags.resolved.map((f) => f.id)).toContain(bare.flags.find((f) => f.kind === "tension")!.id);
    for (const f of c.flags.kept) expect(bare.flags.map((x) => x.id)).toContain(f.id);
    for (const f of c.flags.appeared) expect(bare.flags.map((x) => x.id)).not.toContain(f.id);
    expect(c.flags.appeared.length + c.flags.kept.length).toBe(nurse.flags.length);
    expect(c.flags.resolved.length + c.flags.kept.length).toBe(bare.flags.length);

    const by = Object.fromEntries(c.rows.map((r) => [r.key, r]));
    expect(by.empathetic).toMatchObject({ targetA: 85, targetB: 70, target: 70 });
    for (const key of ["empathetic", "firm"]) {
      const r = by[key];
      expect(r.delta).toBeCloseTo(r.b!.mean - r.a!.mean, 10);
      expect(r.deltaInterval!.halfWidth).toBeGreaterThan(Math.max(bare.rows.find((x) => x.key === key)!.landing.halfWidth!, nurse.rows.find((x) => x.key === key)!.landing.halfWidth!));
      expect(r.clear).toBe(r.deltaInterval!.lo > 0 || r.deltaInterval!.hi < 0);
    }
  });

  it("shows traits only one persona watched with a null side, and every flag of a different persona as new", () => {
    const c = compareLandings(bare, skeptic);
    const keysA = bare.rows.map((r) => r.key);
    const keysB = skeptic.rows.map((r) => r.key);
    expect(c.rows.map((r) => r.key)).toEqual([...keysB, ...keysA.filter((k) => !keysB.includes(k))]);
    for (const r of c.rows) {
      expect(r.a === null).toBe(!keysA.includes(r.key));
      expect(r.b === null).toBe(!keysB.includes(r.key));
      if (!keysA.includes(r.key) || !keysB.includes(r.key)) expect(r.delta).toBeNull();
    }
    const shared = new Set(bare.flags.map((f) => f.id));
    expect(c.flags.appeared).toEqual(skeptic.flags.filter((f) => !shared.has(f.id)));
    expect(c.distance.a.traits).toBe(2);
    expect(c.distance.b.traits).toBe(1);
  });
});
