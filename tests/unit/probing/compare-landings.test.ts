import { describe, expect, it } from "vitest";
import { compareGaps, compareLandings, landingChange, type LandingSide } from "@/lib/probing/compare";
import { pairedShiftT } from "@/lib/probing/methods/paired-shift";
import { itemLandingT } from "@/lib/probing/methods/item-landing";
import { traitItemScores } from "@/lib/probing/compare";
import { landingComparisonSchema } from "@/lib/schemas/landing-compare";
import { flag, reportOf, runAnswers, world } from "@/tests/unit/probing/compare-helpers";

// A version diff compares two runs that answered the same library items, so
// every move is paired by item and decided with an interval; "closer" is
// measured against one fixed target (B's), so it means the landing moved.

const side = (answers: LandingSide["answers"], targets: Record<string, number | null>, flags = [] as ReturnType<typeof flag>[], shifts = {}): LandingSide =>
  ({ report: reportOf(answers, targets, flags, shifts), answers });

describe("landing change per trait, paired by item", () => {
  const w = world(["firm"], 1, 30, 12);

  it("is the mean per-item difference with a paired t-interval, narrower than adding the two half-widths", () => {
    const a = runAnswers(w, { firm: 60 }, 11);
    const b = runAnswers(w, { firm: 66 }, 12);
    const c = landingChange(a, b, "firm");
    const ref = pairedShiftT(traitItemScores(b, "firm"), traitItemScores(a, "firm"));
    expect(c.estimate).toBeCloseTo(ref.estimate!, 10);
    expect(c.items).toBe(30);
    // Same items in both runs: the paired estimate is B mean − A mean.
    const la = itemLandingT(traitItemScores(a, "firm")), lb = itemLandingT(traitItemScores(b, "firm"));
    expect(c.estimate).toBeCloseTo(lb.estimate! - la.estimate!, 10);
    // Item effects (SD 12) cancel: far tighter than the unpaired √(hwA² + hwB²).
    expect((c.hi! - c.lo!) / 2).toBeLessThan(0.7 * Math.hypot(la.halfWidth, lb.halfWidth));
    expect(c.clear).toBe(true);
  });

  it("is not clear when nothing moved", () => {
    const c = landingChange(runAnswers(w, { firm: 60 }, 21), runAnswers(w, { firm: 60 }, 22), "firm");
    expect(c.lo!).toBeLessThan(0);
    expect(c.hi!).toBeGreaterThan(0);
    expect(c.clear).toBe(false);
  });
});

describe("distance to one fixed target", () => {
  const w = world(["firm", "empathetic"], 2);

  it("computes |landing − target| from the item-level landings, not as a mean of per-item gaps", () => {
    // Landing on the target: per-item |item mean − target| averages ~8 points of pure noise; the landing's gap is ~0.
    const a = runAnswers(w, { firm: 70 }, 31);
    const g = compareGaps(a, a, { firm: 70 });
    const landing = itemLandingT(traitItemScores(a, "firm")).estimate!;
    expect(g.gapA).toBeCloseTo(Math.abs(landing - 70), 10);
    expect(g.gapA!).toBeLessThan(4);
    expect(g.difference).toBe(0);
    expect(g.verdict).toBe("no clear difference");
  });

  it("on one side of the target the gap change is minus the landing change, with the same paired interval", () => {
    const a = runAnswers(w, { firm: 50 }, 41);
    const b = runAnswers(w, { firm: 58 }, 42);
    const g = compareGaps(a, b, { firm: 90 }, {});
    const c = pairedShiftT(traitItemScores(b, "firm"), traitItemScores(a, "firm"));
    expect(g.difference!).toBeCloseTo(-c.estimate!, 10);
    expect(g.lo!).toBeCloseTo(-c.hi!, 8);
    expect(g.hi!).toBeCloseTo(-c.lo!, 8);
    expect(g.verdict).toBe("closer");
  });

  it("a landing that crossed the target to the same distance is not closer", () => {
    const g = compareGaps(runAnswers(w, { firm: 60 }, 51), runAnswers(w, { firm: 80 }, 52), { firm: 70 });
    expect(g.verdict).toBe("no clear difference");
  });
});

describe("a diff whose target moved but whose landing did not", () => {
  const w = world(["firm", "empathetic"], 3);
  // Same behaviour in both runs (fresh judge noise); only the target moved from 90 to where it lands.
  const answersA = runAnswers(w, { firm: 70, empathetic: 72 }, 61);
  const answersB = runAnswers(w, { firm: 70, empathetic: 72 }, 62);
  const a = side(answersA, { firm: 90, empathetic: 90 }, [flag("miss:firm"), flag("compromise:empathetic+firm")]);
  const b = side(answersB, { firm: 70, empathetic: 72 });
  const c = compareLandings(a, b);

  it("says the targets changed and compares both landings against B's targets", () => {
    expect(c.targetsChanged.sort()).toEqual(["empathetic", "firm"]);
    expect(c.fixedTargets).toEqual({ firm: 70, empathetic: 72 });
    const firm = c.rows.find((r) => r.key === "firm")!;
    expect(firm).toMatchObject({ targetA: 90, targetB: 70, target: 70, targetChanged: true, clear: false });
    expect(firm.gap!.target).toBe(70);
    expect(firm.towardTarget).not.toBe("closer");
  });

  it("does not call B closer overall, although against their own targets A is 19 points off and B is on target", () => {
    expect(c.distance.a.rms!).toBeGreaterThan(15);
    expect(c.distance.b.rms!).toBeLessThan(3);
    expect(c.distance.closer).toBe("no clear difference");
    expect(c.distance.fixed).toMatchObject({ items: 60 });
  });

  it("reports the flags that went away as unclear, saying the target changed", () => {
    expect(c.flags.resolved).toEqual([]);
    expect(c.flags.unclear.map((u) => [u.flag.id, u.change])).toEqual([["miss:firm", "went away"], ["compromise:empathetic+firm", "went away"]]);
    for (const u of c.flags.unclear) expect(u.reason).toMatch(/target changed/);
  });

  it("matches the schema the API publishes", () => {
    expect(() => landingComparisonSchema.parse(c)).not.toThrow();
  });
});

describe("a landing that clearly moved", () => {
  const w = world(["firm", "warm"], 4);
  const a = side(runAnswers(w, { firm: 60, warm: 50 }, 71), { firm: 90, warm: null }, [flag("miss:firm"), flag("leakage:warm", "warn")], { warm: 12 });
  const b = side(runAnswers(w, { firm: 84, warm: 38 }, 72), { firm: 90, warm: null }, [flag("overshoot:firm")], { warm: 0 });
  const c = compareLandings(a, b);

  it("is closer, with a clear paired interval, and B lands closer overall", () => {
    const firm = c.rows.find((r) => r.key === "firm")!;
    expect(firm).toMatchObject({ clear: true, towardTarget: "closer", targetChanged: false, items: 30 });
    expect(firm.delta!).toBeGreaterThan(15);
    expect(firm.gap!.hi!).toBeLessThan(0);
    expect(c.targetsChanged).toEqual([]);
    expect(c.distance.closer).toBe("b");
  });

  it("resolves the miss and the leak (moved back toward baseline) with their evidence; an unsupported new flag is unclear", () => {
    expect(c.flags.resolved.map((f) => f.id).sort()).toEqual(["leakage:warm", "miss:firm"]);
    expect(c.flags.reasons["miss:firm"]).toMatch(/closer to the target/);
    expect(c.flags.reasons["leakage:warm"]).toMatch(/back toward the baseline/);
    // The overshoot "appeared" but firm moved closer to 90, not further: not a new problem on this evidence.
    expect(c.flags.appeared).toEqual([]);
    expect(c.flags.unclear).toEqual([expect.objectContaining({ change: "appeared", flag: expect.objectContaining({ id: "overshoot:firm" }) })]);
  });

  it("reads the other way round when swapped", () => {
    const back = compareLandings(b, a);
    expect(back.rows.find((r) => r.key === "firm")).toMatchObject({ clear: true, towardTarget: "further" });
    expect(back.distance.closer).toBe("a");
    expect(back.flags.appeared.map((f) => f.id)).toContain("miss:firm");
  });
});

describe("missing traits", () => {
  it("lists every trait of either report, B's order first, with null where a run has nothing", () => {
    const w = world(["warm", "firm", "empathetic"], 5);
    const a = side(runAnswers(w, { warm: 70, firm: 60 }, 81), { warm: null, firm: 80 });
    const b = side(runAnswers(w, { firm: 75, empathetic: 78 }, 82), { firm: 80, empathetic: 80 });
    const rows = compareLandings(a, b).rows;
    expect(rows.map((r) => r.key)).toEqual(["firm", "empathetic", "warm"]);
    const by = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(by.empathetic).toMatchObject({ a: null, delta: null, deltaInterval: null, clear: false, towardTarget: null, gap: null, items: 0 });
    expect(by.warm).toMatchObject({ b: null, delta: null, clear: false, name: "Warm" });
  });
});
