import { describe, expect, it } from "vitest";
import { compilePersona } from "@/lib/persona/compile";
import { instructedRange, RANGE_LEVELS, traitBand } from "@/lib/persona/target-scale";
import { aloneArmFor, aloneArms, controlPair, controlPairs, controlVerdict, defaultControlPairs, togetherVsAlone } from "@/lib/probing/control-pairs";
import type { ControlArm, ControlComparison } from "@/lib/probing/flags";
import { judgeLanding, rangeSummary } from "@/lib/probing/range";
import { emptySpec } from "@/lib/schemas/persona";

// One scale for target and landing (issue 11 §5) and the control-arm verdict (§3).

const items = (means: number[], perItem = 3, spread = 2) =>
  Object.fromEntries(means.map((m, i) => [String(i), Array.from({ length: perItem }, (_, j) => m + (j - 1) * spread)]));

describe("instructedRange", () => {
  it("gives, per band, the range of targets that compile to the same instruction", () => {
    expect(instructedRange(100)).toMatchObject({ band: "always_high", lo: 85, hi: 100, label: "always (85–100)" });
    expect(instructedRange(85)).toMatchObject({ band: "always_high", lo: 85, hi: 100 });
    expect(instructedRange(84)).toMatchObject({ band: "usually_high", lo: 65, hi: 84, label: "usually (65–84)" });
    expect(instructedRange(65)).toMatchObject({ band: "usually_high", lo: 65, hi: 84 });
    expect(instructedRange(64)).toMatchObject({ band: "balanced", lo: 36, hi: 64 });
    expect(instructedRange(36)).toMatchObject({ band: "balanced", lo: 36, hi: 64 });
    expect(instructedRange(35)).toMatchObject({ band: "usually_low", lo: 16, hi: 35 });
    expect(instructedRange(15)).toMatchObject({ band: "always_low", lo: 0, hi: 15 });
    expect(instructedRange(0)).toMatchObject({ band: "always_low", lo: 0, hi: 15 });
  });

  it("agrees with the compiler: every target of a band compiles to the same prompt, and the band's edges to different ones", () => {
    const prompt = (warm: number) => compilePersona({ ...emptySpec("Ada"), traitTargets: { warm } }).prompt;
    for (let t = 0; t <= 100; t++) {
      const r = instructedRange(t);
      expect(traitBand(t)).toBe(r.band);
      expect(prompt(t)).toBe(prompt(r.lo));
      expect(prompt(t)).toBe(prompt(r.hi));
    }
    expect(prompt(84)).not.toBe(prompt(85));
    // The range check asks one level in each band.
    expect(new Set(RANGE_LEVELS.map((l) => instructedRange(l).band)).size).toBe(5);
  });
});

describe("judgeLanding", () => {
  const base = { baseline: 50, tolerance: 10 };

  it("judges against the instruction given, not the number: 100 asks what 85 asks", () => {
    const landing = { mean: 80, lo: 77, hi: 83 };
    // Against the number (target 100 ± 10) the whole interval is short: a miss …
    expect(judgeLanding({ ...base, landing, target: 100 }).verdict).toBe("miss");
    // … but the prompt says "Always …" for 85–100, and 77–83 lies within 85 − 10.
    const j = judgeLanding({ ...base, landing, target: 100, instructed: instructedRange(100) });
    expect(j).toMatchObject({ verdict: "within tolerance", against: "instructed", window: { lo: 75, hi: 100 } });
  });

  it("still finds a miss and an overshoot outside the instructed range", () => {
    expect(judgeLanding({ ...base, landing: { mean: 55, lo: 52, hi: 58 }, target: 90, instructed: instructedRange(90) }).verdict).toBe("miss");
    expect(judgeLanding({ ...base, landing: { mean: 90, lo: 87, hi: 93 }, target: 50, baseline: 20, instructed: instructedRange(50) }).verdict).toBe("overshoot");
    expect(judgeLanding({ ...base, landing: { mean: 72, lo: 60, hi: 84 }, target: 95, instructed: instructedRange(95) }).verdict).toBe("not clearly off target");
  });

  it("calls a miss beyond reach when even the model's strongest instruction lands short, and the persona lands there", () => {
    const achievable = { lo: { level: 0, mean: 20, lo: 17, hi: 23 }, hi: { level: 100, mean: 62, lo: 59, hi: 65 } };
    const at = (mean: number) => judgeLanding({ ...base, landing: { mean, lo: mean - 3, hi: mean + 3 }, target: 95, instructed: instructedRange(95), achievable });
    expect(at(60)).toMatchObject({ verdict: "beyond reach", reach: 62, note: "beyond what this model reaches (max 62)" });
    // A persona far below what the model reaches still misses: the prompt can do better on this model.
    expect(at(35).verdict).toBe("miss");
    expect(at(35).note).toContain("reaches at most 62");
    // A model that reaches the instructed range: a miss stays a miss.
    const reaches = { ...achievable, hi: { level: 100, mean: 90, lo: 87, hi: 93 } };
    expect(judgeLanding({ ...base, landing: { mean: 60, lo: 57, hi: 63 }, target: 95, instructed: instructedRange(95), achievable: reaches }).verdict).toBe("miss");
  });
});

describe("rangeSummary", () => {
  it("draws the dose–response curve with the achievable range and a plain reading", () => {
    const means = { 0: 22, 25: 35, 50: 50, 75: 66, 100: 71 } as Record<number, number>;
    const s = rangeSummary({
      trait: "warm", name: "Warm",
      levels: RANGE_LEVELS.map((level) => ({ kind: `level:${level}`, level, instructed: instructedRange(level), scores: items(Array(12).fill(means[level]).map((m, i) => m + (i % 3) - 1)) })),
      baseline: items(Array(12).fill(48)),
    });
    expect(s.levels.map((l) => l.level)).toEqual([0, 25, 50, 75, 100]);
    expect(s.levels.map((l) => Math.round(l.landing.mean!))).toEqual([22, 35, 50, 66, 71]);
    expect(s.achievable?.hi).toMatchObject({ level: 100, mean: 71 });
    expect(s.achievable?.lo).toMatchObject({ level: 0, mean: 22 });
    expect(s.monotone).toBe(true);
    expect(s.reading[0]).toMatch(/^On this model, “always warm” lands at 71 ± \d+: targets above \d+ are beyond reach\.$/);
    expect(s.reading[1]).toMatch(/“Never warm” lands at 22/);
  });
});

describe("control pairs", () => {
  it("adds tension pairs both targeted high by default, and chosen pairs on request", () => {
    expect(defaultControlPairs({ empathetic: 80, firm: 70, warm: 80 })).toEqual([["empathetic", "firm"], ["firm", "warm"]]);
    expect(defaultControlPairs({ empathetic: 80, firm: 30 })).toEqual([]);
    expect(defaultControlPairs({ warm: 80, empathetic: 80, patient: 80 })).toEqual([]); // reinforcing, not tension
    expect(controlPairs({ warm: 80, empathetic: 80 }, { tension: true, chosen: [["warm", "empathetic"]] })).toEqual([["empathetic", "warm"]]);
    expect(controlPairs({ empathetic: 80, firm: 80 }, { tension: false, chosen: [] })).toEqual([]);
    expect(aloneArms([["empathetic", "firm"], ["firm", "warm"]])).toEqual([
      { trait: "empathetic", without: ["firm"] }, { trait: "firm", without: ["empathetic", "warm"] }, { trait: "warm", without: ["firm"] },
    ]);
  });

  const c = (trait: string, estimate: number, half: number): ControlComparison =>
    ({ trait, arm: `${trait} alone`, alone: 80, together: 80 + estimate, estimate, lo: estimate - half, hi: estimate + half, level: 0.95, items: 30 });

  it("says compromise only when both land at least 5 points lower together than alone, each interval below 0", () => {
    expect(controlVerdict([c("a", -12, 4), c("b", -9, 4)])).toBe("compromise");
    expect(controlVerdict([c("a", -6, 4), c("b", -5, 4.9)])).toBe("compromise");
    // Lower together, clearly, but by 2–3 points: nothing a designer should act on — and a 5-point drop is excluded.
    expect(controlVerdict([c("a", -2.9, 1.5), c("b", -2.3, 1.5)])).toBe("no evidence of compromise");
    // Clearly lower, under 5 points, and a 5-point drop not excluded: not enough evidence either way.
    expect(controlVerdict([c("a", -4, 3), c("b", -4, 3)])).toBe("not enough evidence");
    expect(controlVerdict([c("a", -12, 4), c("b", 0, 3)])).toBe("no evidence of compromise");
    expect(controlVerdict([c("a", -12, 4), c("b", -4, 9)])).toBe("not enough evidence");
    expect(controlVerdict([c("a", -12, 4), null])).toBe("not enough evidence");
    // The minimum size is a parameter (the report passes its leakageShift threshold).
    expect(controlVerdict([c("a", -4, 3), c("b", -4, 3)], 3)).toBe("compromise");
  });

  it("compares together with alone by item, on the arm that dropped the partner", () => {
    const together = items([80, 70, 60, 90], 2, 0);
    const aloneScores = items([86, 75, 67, 95], 2, 0);
    const arm: ControlArm = { kind: "control:firm", label: "Firm alone", traits: ["firm"], without: ["empathetic"], scores: { firm: aloneScores } };
    expect(aloneArmFor([arm], "firm", "empathetic")).toBe(arm);
    expect(aloneArmFor([arm], "firm", "warm")).toBeNull(); // this arm kept warm's target: no control for firm + warm
    const cmp = togetherVsAlone("firm", arm, together)!;
    expect(cmp).toMatchObject({ trait: "firm", arm: "Firm alone", alone: 80.75, together: 75, items: 4 });
    expect(cmp.estimate).toBeCloseTo(-5.75, 10);
    expect(cmp.hi!).toBeLessThan(0);
    expect(togetherVsAlone("firm", null, together)).toBeNull();
    // A pair with one arm missing: the comparison it has, and not enough evidence.
    expect(controlPair("empathetic", "firm", [arm], { firm: together })).toMatchObject({
      traits: ["empathetic", "firm"], comparisons: [null, expect.objectContaining({ trait: "firm" })], verdict: "not enough evidence",
    });
  });
});
