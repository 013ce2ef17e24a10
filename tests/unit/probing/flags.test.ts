import { describe, expect, it } from "vitest";
import {
  byDistance, computeFlags, DEFAULT_THRESHOLDS, describeThresholds, evidenceFor, pairShortfall, targetState, THRESHOLD_INFO,
  type AnswerScores, type Flag, type FlagTrait,
} from "@/lib/probing/flags";
import { instructedRange } from "@/lib/persona/target-scale";
import { tQuantile, twoSidedP } from "@/lib/probing/methods";
import { mulberry32 } from "@/lib/probing/random";
import { correlationMatrix, type CorrelationMatrix, type Summary } from "@/lib/probing/stats";

// Flags from hand-built landing tables: each case states the numbers a
// designer would see and the flag they should get (or not get).

const S = (mean: number, halfWidth: number, n = 40): Summary => ({ n, mean, lo: mean - halfWidth, hi: mean + halfWidth, halfWidth });

type RowSpec = { key: string; target?: number; mean: number; hw?: number; base?: number; shiftHw?: number; name?: string };
/** The shift is a paired t over 40 items: its p-value follows from the interval (df 39). */
function row({ key, target, mean, hw = 3, base = 50, shiftHw = 4, name }: RowSpec): FlagTrait {
  const difference = mean - base;
  const se = shiftHw / tQuantile(0.975, 39);
  const pValue = twoSidedP(difference, se, 39);
  return {
    key, ...(target === undefined ? {} : { target }), ...(name ? { name } : {}),
    landing: S(mean, hw),
    baseline: S(base, 3),
    shift: {
      difference, lo: difference - shiftHw, hi: difference + shiftHw, halfWidth: shiftHw, excludesZero: Math.abs(difference) > shiftHw,
      nLanding: 40, nBaseline: 40, nItems: 40, pValue, se, df: 39,
    },
  };
}

/** A correlation matrix with the given r for every listed pair (n answers each). */
function matrix(keys: string[], pairs: Record<string, number | null>, n = 60): CorrelationMatrix {
  const r = keys.map((a, i) => keys.map((b, j) => (i === j ? 1 : pairs[`${a}|${b}`] ?? pairs[`${b}|${a}`] ?? 0)));
  return { keys, r, n: keys.map(() => keys.map(() => n)) };
}

/** Answers that trade a against b around the given means (r ≈ −1 across them). */
function tradeOff(a: string, meanA: number, b: string, meanB: number, count = 40): AnswerScores[] {
  return Array.from({ length: count }, (_, i) => {
    const d = ((i % 9) - 4) * 3;
    return { id: `ans-${i}`, scores: { [a]: meanA + d, [b]: meanB - d } };
  });
}

const kinds = (flags: Flag[]) => flags.map((f) => `${f.severity} ${f.kind}:${f.traits.join("+")}`);

describe("computeFlags — pairs targeted high", () => {
  it("flags a compromise when both fall short, with both traits' numbers, and no separate misses", () => {
    const traits = [row({ key: "empathetic", target: 85, mean: 70 }), row({ key: "firm", target: 85, mean: 68 })];
    const answers = tradeOff("empathetic", 70, "firm", 68);
    const flags = computeFlags({ traits, correlations: correlationMatrix(answers.map((a) => a.scores), ["empathetic", "firm"]), answers });
    expect(kinds(flags)).toEqual(["alert compromise:empathetic+firm"]);
    const [f] = flags;
    expect(f.id).toBe("compromise:empathetic+firm");
    expect(f.title).toBe("Empathetic and Firm / boundary-setting pull apart: both land short");
    expect(f.explanation).toContain("needs the control arms");
    expect(f.explanation).toContain("Empathetic lands at 70 (95% interval 67 to 73) against a target of 85");
    expect(f.evidence.answerIds).toHaveLength(3);
  });

  it("flags a tension when one reaches its target and the other falls short; evidence shows the winner over the loser", () => {
    const traits = [row({ key: "empathetic", target: 85, mean: 83 }), row({ key: "firm", target: 85, mean: 60 })];
    const answers = tradeOff("empathetic", 83, "firm", 60);
    const flags = computeFlags({ traits, correlations: matrix(["empathetic", "firm"], { "empathetic|firm": -0.44 }), answers });
    expect(kinds(flags)).toEqual(["alert tension:empathetic+firm"]);
    expect(flags[0].title).toBe("Empathetic wins over Firm / boundary-setting");
    expect(flags[0].explanation).toContain("more than 10 points short");
    // The most telling answers: empathetic highest while firm lowest (d = +12 at i ≡ 8 mod 9).
    for (const id of flags[0].evidence.answerIds!) expect(Number(id.slice(4)) % 9).toBe(8);
  });

  it("does not flag a coherent character whose kind and firm answers trade off but land on target", () => {
    const traits = [row({ key: "empathetic", target: 80, mean: 80 }), row({ key: "firm", target: 70, mean: 71 })];
    const answers = tradeOff("empathetic", 80, "firm", 71);
    expect(computeFlags({ traits, correlations: matrix(["empathetic", "firm"], { "empathetic|firm": -0.44 }), answers })).toEqual([]);
  });

  it("needs enough answers before a correlation counts", () => {
    const traits = [row({ key: "empathetic", target: 85, mean: 81 }), row({ key: "firm", target: 85, mean: 79 })];
    expect(computeFlags({ traits, correlations: matrix(["empathetic", "firm"], { "empathetic|firm": -0.6 }, 9), answers: tradeOff("empathetic", 81, "firm", 79) })).toEqual([]);
  });

  it("reports reinforcing traits that both fall short as two misses, not a compromise", () => {
    const traits = [row({ key: "empathetic", target: 90, mean: 60 }), row({ key: "warm", target: 90, mean: 72 })];
    const flags = computeFlags({ traits, correlations: matrix(["empathetic", "warm"], { "empathetic|warm": 0.8 }) });
    expect(kinds(flags)).toEqual(["alert miss:empathetic", "warn miss:warm"]);
  });

  it("only pairs traits targeted at 65 or more", () => {
    const traits = [row({ key: "empathetic", target: 60, mean: 40 }), row({ key: "firm", target: 85, mean: 68 })];
    const flags = computeFlags({ traits, correlations: matrix(["empathetic", "firm"], { "empathetic|firm": -0.5 }) });
    expect(kinds(flags)).toEqual(["alert miss:empathetic", "warn miss:firm"]);
  });

  it("estimates the pair's shortfall from the two summaries when no answers are given", () => {
    const a = row({ key: "empathetic", target: 85, mean: 81, hw: 2 }) as FlagTrait & { target: number };
    const b = row({ key: "firm", target: 85, mean: 77, hw: 4 }) as FlagTrait & { target: number };
    const s = pairShortfall(a, b);
    expect(s).toEqual({ mean: 6, lo: 3, hi: 9, n: 40 });
  });
});

describe("computeFlags — single traits", () => {
  const none = matrix([], {});

  // A targeted trait with no library relation to the leaking ones (contrarian, playful): their shifts are plain leaks.
  // (Skeptical, which reinforces contrarian, would make contrarian's rise "came with the character type": verdict-line.test.ts.)
  const asked = row({ key: "formal", target: 80, mean: 80, base: 45 });

  it("flags leakage for an untargeted trait that moved clearly and far enough from baseline", () => {
    const flags = computeFlags({ traits: [asked, row({ key: "contrarian", mean: 72, base: 46 })], correlations: none });
    expect(kinds(flags)).toEqual(["alert leakage:contrarian"]);
    expect(flags[0].title).toBe("Contrarian rose without being asked for");
    const skeptical = computeFlags({ traits: [row({ key: "skeptical", target: 80, mean: 80, base: 45 }), row({ key: "contrarian", mean: 72, base: 46 })], correlations: none });
    expect(kinds(skeptical)).toEqual(["warn leakage:contrarian"]);
    expect(skeptical[0].title).toBe("Contrarian came with the character type: rose with Skeptical");
    expect(flags[0].explanation).toContain("its score rose by +26 against the neutral baseline (95% interval +22 to +30; q = < 0.001 that it moved more than a negligible ±2)");
    expect(flags[0].evidence).toMatchObject({ value: { estimate: 26, lo: 22, hi: 30 }, q: expect.any(Number) });
    const down = computeFlags({ traits: [asked, row({ key: "playful", mean: 41, base: 48 })], correlations: none }); // −7: at least 5, under twice 5
    expect(kinds(down)).toEqual(["warn leakage:playful"]);
    expect(down[0].title).toBe("Playful fell without being asked for");
  });

  it("words a persona with no targets at all as movement of the character type, never as an alert", () => {
    const flags = computeFlags({ traits: [row({ key: "contrarian", mean: 72, base: 46 }), row({ key: "warm", mean: 50, base: 49 })], correlations: none });
    expect(kinds(flags)).toEqual(["warn leakage:contrarian"]);
    expect(flags[0].title).toBe("Contrarian rose with the character type (no targets set)");
    expect(flags[0].explanation).toContain("targets no trait");
    expect(flags[0].explanation).toContain("rose by +26");
  });

  it("does not flag small, unclear or targeted shifts", () => {
    const traits = [
      row({ key: "a", mean: 54, base: 50, shiftHw: 2 }), // clear but < 5
      row({ key: "b", mean: 62, base: 50, shiftHw: 14 }), // large but interval includes 0
      row({ key: "c", target: 62, mean: 62, base: 40 }), // targeted: not leakage
    ];
    expect(computeFlags({ traits, correlations: none })).toEqual([]);
  });

  it("controls false discoveries across the untargeted traits (Benjamini–Hochberg), not trait by trait", () => {
    // A 9-point shift whose test against a negligible ±2 gives p ≈ 0.012: alone it is a leak; among 15 untargeted traits that did not move, q ≈ 0.2.
    const marginal = row({ key: "contrarian", mean: 55, base: 46, shiftHw: 6 });
    expect(marginal.shift.excludesZero).toBe(true);
    expect(kinds(computeFlags({ traits: [asked, marginal], correlations: none }))).toEqual(["warn leakage:contrarian"]);
    const quiet = Array.from({ length: 15 }, (_, i) => row({ key: `t${i}`, mean: 50 + (i % 3) - 1, base: 50, shiftHw: 4 }));
    expect(computeFlags({ traits: [asked, marginal, ...quiet], correlations: none })).toEqual([]);
    // A clear leak survives the same family; the targeted trait is not part of it.
    const clear = row({ key: "contrarian", mean: 72, base: 46 });
    expect(kinds(computeFlags({ traits: [asked, clear, ...quiet], correlations: none }))).toEqual(["alert leakage:contrarian"]);
  });

  it("tests the shift against a negligible ±2 points, not against 0: a precise small drift is not a leak", () => {
    // 400 items make a 3-point drift unmistakably non-zero (two-sided p < 1e-6), yet it is no leak: it is under 5 points.
    const drift = row({ key: "contrarian", mean: 53, base: 50, shiftHw: 0.8 });
    expect(drift.shift.pValue).toBeLessThan(1e-6);
    expect(computeFlags({ traits: [asked, drift], correlations: none })).toEqual([]);
    // A 6-point shift measured as precisely clears both the ±2 test and the 5-point minimum.
    expect(kinds(computeFlags({ traits: [asked, row({ key: "contrarian", mean: 56, base: 50, shiftHw: 0.8 })], correlations: none }))).toEqual(["warn leakage:contrarian"]);
    // The same 6 points known only to ±6 (se ≈ 3): not clearly beyond ±2 (p ≈ 0.09), so no flag.
    expect(computeFlags({ traits: [asked, row({ key: "contrarian", mean: 56, base: 50, shiftHw: 6 })], correlations: none })).toEqual([]);
  });

  it("never calls a shift without a test (no standard error) a leak", () => {
    const r = row({ key: "contrarian", mean: 72, base: 46 });
    const untested = { ...r, shift: { ...r.shift, pValue: null, se: null } };
    expect(computeFlags({ traits: [asked, untested], correlations: none })).toEqual([]);
  });

  it("tells a miss (not far enough from baseline) from an overshoot (further than asked), both directions", () => {
    const flags = computeFlags({
      correlations: none,
      traits: [
        row({ key: "firm", target: 60, mean: 44, base: 46 }),
        row({ key: "direct", target: 60, mean: 78, base: 43 }),
        row({ key: "playful", target: 20, mean: 36, base: 48 }),
        row({ key: "sycophantic", target: 30, mean: 12, base: 56 }),
        row({ key: "formal", target: 50, mean: 57, base: 53 }), // inside tolerance
        row({ key: "curious", target: 60, mean: 52, base: 54 }), // interval 49–55 reaches the band
      ],
    });
    expect(kinds(flags)).toEqual(["warn miss:firm", "warn miss:playful", "warn overshoot:direct", "warn overshoot:sycophantic"]);
    const firm = flags[0];
    expect(firm.title).toBe("Firm / boundary-setting misses its target");
    expect(firm.explanation).toContain("lands at 44 (95% interval 41 to 47), 16 points below its target of 60");
    expect(flags[2].title).toBe("Direct overshoots its target");
  });

  it("raises a miss to an alert at twice the tolerance, and honours threshold overrides", () => {
    const traits = [row({ key: "firm", target: 85, mean: 60 })];
    expect(kinds(computeFlags({ traits, correlations: none }))).toEqual(["alert miss:firm"]);
    expect(computeFlags({ traits, correlations: none, thresholds: { tolerance: 25 } })).toEqual([]);
  });

  it("uses a custom trait's own name", () => {
    const flags = computeFlags({ traits: [asked, row({ key: "dry_wit", name: "Dry wit", mean: 70, base: 50 })], correlations: none });
    expect(flags[0].title).toBe("Dry wit rose without being asked for");
  });

  it("stays quiet about traits with too few answers", () => {
    const thin: FlagTrait = {
      key: "firm", target: 85, landing: { n: 1, mean: 40, lo: null, hi: null, halfWidth: Infinity },
      baseline: { n: 0, mean: null, lo: null, hi: null, halfWidth: Infinity },
      shift: { difference: null, lo: null, hi: null, halfWidth: Infinity, excludesZero: false, nLanding: 1, nBaseline: 0 },
    };
    expect(computeFlags({ traits: [thin, { ...thin, key: "warm", target: undefined }], correlations: none })).toEqual([]);
  });
});

describe("computeFlags — judged against the instruction given (one rule with the report rows)", () => {
  const none = matrix([], {});
  // The compiler gives targets 85–100 the same words ("Always …"): the window is 75–100, whatever the number.
  const asked = (spec: RowSpec): FlagTrait => ({ ...row(spec), instructed: instructedRange(spec.target!) });
  const ceiling = { lo: { level: 0, mean: 20, lo: 17, hi: 23 }, hi: { level: 100, mean: 63, lo: 60, hi: 66 } };

  it("does not call a landing a miss when it is inside the instructed range's window, though short of the number", () => {
    expect(kinds(computeFlags({ traits: [row({ key: "firm", target: 100, mean: 80 })], correlations: none }))).toEqual(["alert miss:firm"]);
    expect(computeFlags({ traits: [asked({ key: "firm", target: 100, mean: 80 })], correlations: none })).toEqual([]);
  });

  it("words a miss against the instructed range and sizes it from the range, not the number", () => {
    const flags = computeFlags({ traits: [asked({ key: "firm", target: 100, mean: 70 })], correlations: none });
    expect(kinds(flags)).toEqual(["warn miss:firm"]); // 15 below 85: a warning (20 below 100 would have been an alert)
    expect(flags[0].explanation).toContain("15 points below the instruction its target of 100 compiles to (“always”, targets 85–100)");
    expect(flags[0].explanation).toContain("window 75–100");
  });

  it("turns a miss the range check explains into a warning worded with its note", () => {
    const flags = computeFlags({ traits: [{ ...asked({ key: "firm", target: 95, mean: 62 }), achievable: ceiling }], correlations: none });
    expect(kinds(flags)).toEqual(["warn miss:firm"]);
    expect(flags[0].title).toBe("Firm / boundary-setting is beyond what this model reaches (max 63)");
    // Far below what the model reaches: an ordinary miss (an alert), the ceiling in its explanation.
    const low = computeFlags({ traits: [{ ...asked({ key: "firm", target: 95, mean: 40 }), achievable: ceiling }], correlations: none });
    expect(kinds(low)).toEqual(["alert miss:firm"]);
    expect(low[0].explanation).toContain("reaches at most 63");
  });

  it("derives a pair's states from the same judgement: reached, short (a miss or beyond reach), or unclear", () => {
    const t = (mean: number, hw = 3, achievable: typeof ceiling | null = null) =>
      ({ ...asked({ key: "firm", target: 95, mean, hw }), achievable }) as FlagTrait & { target: number };
    expect(targetState(t(80), DEFAULT_THRESHOLDS)).toBe("reached"); // within the window
    expect(targetState(t(77, 6), DEFAULT_THRESHOLDS)).toBe("reached"); // not clearly off target, mean inside
    expect(targetState(t(72, 6), DEFAULT_THRESHOLDS)).toBe("unclear"); // not clearly off target, mean outside
    expect(targetState(t(60), DEFAULT_THRESHOLDS)).toBe("short");
    expect(targetState(t(62, 3, ceiling), DEFAULT_THRESHOLDS)).toBe("short"); // beyond reach
  });

  it("gives no pair flag to \"always A, always B\" landing inside the instructed window, short of both numbers", () => {
    const spec = { target: 95, hw: 2 };
    const answers = tradeOff("empathetic", 82, "firm", 80);
    const correlations = matrix(["empathetic", "firm"], { "empathetic|firm": -0.2 });
    // Against the numbers (95 ± 10) both fall clearly short: the pair "pulls apart" …
    expect(kinds(computeFlags({ traits: [row({ key: "empathetic", mean: 82, ...spec }), row({ key: "firm", mean: 80, ...spec })], correlations, answers })))
      .toEqual(["alert compromise:empathetic+firm"]);
    // … but the prompt asked "always" (85–100), and both land within its window.
    expect(computeFlags({ traits: [asked({ key: "empathetic", mean: 82, ...spec }), asked({ key: "firm", mean: 80, ...spec })], correlations, answers })).toEqual([]);
  });

  it("keeps a beyond-reach warning beside the pair flag that explains a plain miss", () => {
    const traits = [asked({ key: "empathetic", target: 95, mean: 62 }), { ...asked({ key: "firm", target: 95, mean: 62 }), achievable: ceiling }];
    const flags = computeFlags({ traits, correlations: matrix(["empathetic", "firm"], { "empathetic|firm": -0.2 }) });
    expect(kinds(flags)).toEqual(["alert compromise:empathetic+firm", "warn miss:firm"]);
  });
});

describe("computeFlags — a whole report", () => {
  it("puts what the designer asked for before side effects, alerts first within a kind", () => {
    const traits = [
      row({ key: "warm", mean: 79, base: 55 }),
      row({ key: "empathetic", target: 85, mean: 81 }),
      row({ key: "firm", target: 85, mean: 79 }),
      row({ key: "direct", target: 60, mean: 85, base: 43 }),
    ];
    const answers = tradeOff("empathetic", 81, "firm", 79).map((a, i) => ({ ...a, scores: { ...a.scores, warm: 70 + (i % 5) * 4, direct: 85 } }));
    const flags = computeFlags({ traits, correlations: matrix(["warm", "empathetic", "firm", "direct"], { "empathetic|firm": -0.43 }), answers });
    // The trade-off tension needs item-level answers (flags-within-item.test.ts); here: the overshoot before the leak.
    // Warm rising with empathetic targeted high (a reinforcing pair) came with the character type: a warning, not an alert.
    expect(kinds(flags)).toEqual(["alert overshoot:direct", "warn leakage:warm"]);
    expect(flags[1].expected?.with).toEqual(["empathetic"]);
    expect(flags.every((f) => f.evidence.answerIds?.length === 3)).toBe(true);
  });

  it("is reproducible: same inputs, same flags", () => {
    const traits = [row({ key: "empathetic", target: 85, mean: 81 }), row({ key: "firm", target: 85, mean: 79 })];
    const input = { traits, correlations: matrix(["empathetic", "firm"], { "empathetic|firm": -0.43 }), answers: tradeOff("empathetic", 81, "firm", 79) };
    expect(computeFlags(input)).toEqual(computeFlags(input));
  });
});

describe("evidence and thresholds", () => {
  it("evidenceFor ranks answers, skips missing scores and keeps input order on ties", () => {
    const answers: AnswerScores[] = [
      { id: "a", scores: { firm: 40 } }, { id: "b", scores: { firm: null } }, { id: "c", scores: { firm: 20 } },
      { id: "d", scores: { firm: 40 } }, { id: "e", scores: {} }, { id: "f", scores: { firm: 90 } },
    ];
    expect(evidenceFor(answers, byDistance("firm", 85, -1))).toEqual(["c", "a", "d"]);
    expect(evidenceFor(answers, byDistance("firm", 85, 1), 1)).toEqual(["f"]);
    expect(evidenceFor(undefined, byDistance("firm", 85, 1))).toEqual([]);
  });

  it("documents every threshold with a label and a one-line rationale", () => {
    expect(Object.keys(THRESHOLD_INFO).sort()).toEqual(Object.keys(DEFAULT_THRESHOLDS).sort());
    const shown = describeThresholds({ tolerance: 15 });
    expect(shown.find((t) => t.key === "tolerance")).toMatchObject({ value: 15, label: expect.any(String) });
    for (const t of shown) expect(t.rationale.length).toBeGreaterThan(20);
    expect(DEFAULT_THRESHOLDS).toMatchObject({ highTarget: 65, tolerance: 10, leakageShift: 5, leakageQ: 0.05, tensionR: -0.3, minCorrelationN: 10 });
  });
});
