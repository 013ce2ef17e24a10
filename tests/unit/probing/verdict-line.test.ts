import { describe, expect, it } from "vitest";
import { computeFlags, verdictLine, type Flag, type FlagTrait, type VerdictRow } from "@/lib/probing/flags";
import { groupFlags } from "@/lib/probing/chart-prep";
import { tQuantile, twoSidedP } from "@/lib/probing/methods";
import { mulberry32 } from "@/lib/probing/random";
import { buildReport, type JudgedAnswer } from "@/lib/probing/report";
import type { Summary } from "@/lib/probing/stats";
import { reportSchema } from "@/lib/schemas/probe";

// Issue 12 §7: the report opens with one line naming the main issue, and a
// shift the character type implies (a reinforcing relation with a targeted
// trait, pushed the same way) is "came with the character type" — a warning at
// most — instead of a red "rose without being asked for".

const S = (mean: number, halfWidth: number, n = 40): Summary => ({ n, mean, lo: mean - halfWidth, hi: mean + halfWidth, halfWidth });

type RowSpec = { key: string; target?: number; mean: number; hw?: number; base?: number; shiftHw?: number };
/** A landing-table row; the shift is a paired t over 40 items (df 39). */
function row({ key, target, mean, hw = 3, base = 50, shiftHw = 4 }: RowSpec): FlagTrait {
  const difference = mean - base;
  const se = shiftHw / tQuantile(0.975, 39);
  return {
    key, ...(target === undefined ? {} : { target }),
    landing: S(mean, hw),
    baseline: S(base, 3),
    shift: {
      difference, lo: difference - shiftHw, hi: difference + shiftHw, halfWidth: shiftHw, excludesZero: Math.abs(difference) > shiftHw,
      nLanding: 40, nBaseline: 40, nItems: 40, pValue: twoSidedP(difference, se, 39), se, df: 39,
    },
  };
}

const none = { keys: [], r: [], n: [] };
const kinds = (flags: Flag[]) => flags.map((f) => `${f.severity} ${f.kind}:${f.traits.join("+")}${f.expected ? " (expected)" : ""}`);
const NAMES: Record<string, string> = {
  empathetic: "Empathetic", firm: "Firm / boundary-setting", formal: "Formal", curious: "Curious", verbose: "Verbose", warm: "Warm", patient: "Patient", diplomatic: "Diplomatic", contrarian: "Contrarian",
};
/** Report rows as the verdict line reads them (no range check: judged against target ± tolerance). */
const rowsOf = (traits: FlagTrait[], verdicts: Record<string, VerdictRow["judged"]> = {}): VerdictRow[] => traits.map((t) => ({
  key: t.key, name: NAMES[t.key] ?? t.key, target: t.target ?? null, landing: { mean: t.landing.mean },
  ...(verdicts[t.key] ? { judged: verdicts[t.key] } : t.target === undefined ? {} : { judged: { verdict: "within tolerance" as const } }),
}));

// The support agent of issue 12: empathetic 85 lands; firm 80 lands at 53; warm, patient and diplomatic
// (all reinforcing with empathetic) rise by 30, 30 and 24; contrarian (no relation to either) rises by 26.
const empathetic = row({ key: "empathetic", target: 85, mean: 84 });
const firm = row({ key: "firm", target: 80, mean: 53 });
const warm = row({ key: "warm", mean: 80 });
const patient = row({ key: "patient", mean: 80 });
const diplomatic = row({ key: "diplomatic", mean: 74 });
const contrarian = row({ key: "contrarian", mean: 76 });
const supportAgent = [empathetic, firm, warm, patient, diplomatic, contrarian];

describe("leakage the character type implies", () => {
  it("reports warm, patient and diplomatic rising with empathetic targeted high as 'came with the character type', a warning with the relation as reason", () => {
    const flags = computeFlags({ traits: supportAgent, correlations: none });
    // (firm's shortfall against empathetic is a tension flag: one finding, one flag — no separate miss)
    expect(kinds(flags)).toEqual([
      "alert tension:empathetic+firm",
      "alert leakage:contrarian",
      "warn leakage:warm (expected)",
      "warn leakage:patient (expected)",
      "warn leakage:diplomatic (expected)",
    ]);
    const w = flags.find((f) => f.id === "leakage:warm")!;
    expect(w.title).toBe("Warm came with the character type: rose with Empathetic");
    expect(w.expected).toEqual({ with: ["empathetic"], reason: expect.stringContaining("Both turn toward the person") });
    expect(w.expected!.reason).toContain("Empathetic, which you targeted up to 85");
    expect(w.explanation).toContain("That is expected: The trait library expects Warm to travel with Empathetic");
    // The statistics are the same as any leak: the shift, its interval and its q-value.
    expect(w.evidence).toMatchObject({ value: { estimate: 30, lo: 26, hi: 34 }, q: expect.any(Number) });
    expect(w.explanation).toContain("its score rose by +30 against the neutral baseline");
    // A trait unrelated to both targets stays a leak, and an alert at twice the minimum size.
    const c = flags.find((f) => f.id === "leakage:contrarian")!;
    expect(c.title).toBe("Contrarian rose without being asked for");
    expect(c.expected).toBeUndefined();
  });

  it("keeps the same flags (a leak is a leak) — only the wording and severity change", () => {
    const leaked = (flags: Flag[]) => flags.filter((f) => f.kind === "leakage").map((f) => `${f.id} ${f.evidence.q!.toFixed(6)}`).sort();
    const expected = computeFlags({ traits: [empathetic, warm, contrarian], correlations: none });
    // Empathetic targeted low: warm's rise is a plain leak — the same flags with the same q-values.
    const plain = computeFlags({ traits: [row({ key: "empathetic", target: 20, mean: 22 }), warm, contrarian], correlations: none });
    expect(leaked(expected)).toEqual(leaked(plain));
    expect(leaked(expected)).toHaveLength(2);
    expect(expected.find((f) => f.id === "leakage:warm")!.severity).toBe("warn");
    expect(plain.find((f) => f.id === "leakage:warm")!.severity).toBe("alert");
  });

  it("needs the direction of the target: warm rising while empathetic is targeted low, or falling while it is targeted high, is a plain leak", () => {
    const low = computeFlags({ traits: [row({ key: "empathetic", target: 20, mean: 22 }), warm], correlations: none });
    expect(kinds(low)).toEqual(["alert leakage:warm"]);
    expect(low[0].title).toBe("Warm rose without being asked for");
    const fell = computeFlags({ traits: [empathetic, row({ key: "warm", mean: 36 })], correlations: none });
    expect(kinds(fell)).toEqual(["alert leakage:warm"]);
    expect(fell[0].title).toBe("Warm fell without being asked for");
    // Falling with its reinforcing partner targeted low is the character type again.
    const down = computeFlags({ traits: [row({ key: "empathetic", target: 15, mean: 18 }), row({ key: "warm", mean: 36 })], correlations: none });
    expect(kinds(down)).toEqual(["warn leakage:warm (expected)"]);
    expect(down[0].title).toBe("Warm came with the character type: fell with Empathetic");
    expect(down[0].expected!.reason).toContain("which you targeted down to 15");
  });

  it("a tension relation does not excuse a shift: diplomatic rising against firm alone is a leak", () => {
    const flags = computeFlags({ traits: [firm, diplomatic], correlations: none });
    expect(kinds(flags)).toEqual(["alert miss:firm", "alert leakage:diplomatic"]);
    expect(flags[1].title).toBe("Diplomatic rose without being asked for");
  });

  it("never makes an expected shift an alert, however large; an unrelated one is an alert from 10 points", () => {
    const flags = computeFlags({ traits: [empathetic, row({ key: "warm", mean: 62 }), row({ key: "contrarian", mean: 60 }), row({ key: "patient", mean: 95 })], correlations: none });
    expect(kinds(flags)).toEqual(["alert leakage:contrarian", "warn leakage:warm (expected)", "warn leakage:patient (expected)"]);
  });

  it("names every targeted partner it travels with", () => {
    const flags = computeFlags({ traits: [empathetic, row({ key: "humble", target: 80, mean: 78 }), diplomatic], correlations: none });
    const d = flags.find((f) => f.id === "leakage:diplomatic")!;
    expect(d.expected!.with).toEqual(["empathetic", "humble"]);
    expect(d.title).toBe("Diplomatic came with the character type: rose with Empathetic and Humble");
  });
});

describe("verdictLine", () => {
  it("names the targeted trait that misses, not the side effects, for the support agent", () => {
    const flags = computeFlags({ traits: supportAgent, correlations: none });
    const line = verdictLine({ flags, rows: rowsOf(supportAgent, { firm: { verdict: "miss" } }), final: true });
    expect(line).toEqual({
      text: "Firm / boundary-setting misses its target of 80 by 27 (lands at 53) — the main issue: it pulls against Empathetic, which gets there",
      kind: "tension", severity: "alert", flagIds: ["tension:empathetic+firm"],
    });
    // Without the pair (firm alone), the plain miss.
    const alone = [firm, warm];
    expect(verdictLine({ flags: computeFlags({ traits: alone, correlations: none }), rows: rowsOf(alone, { firm: { verdict: "miss" } }), final: true }))
      .toEqual({ text: "Firm / boundary-setting misses its target of 80 by 27 (lands at 53) — the main issue", kind: "miss", severity: "alert", flagIds: ["miss:firm"] });
  });

  it("puts alerts before warnings and the largest gap first among targeted findings", () => {
    // The report lists misses before overshoots; the line goes by the size of the gap.
    const traits = [row({ key: "formal", target: 30, mean: 8 }), row({ key: "curious", target: 20, mean: 44 }), row({ key: "firm", target: 80, mean: 45 })];
    const flags = computeFlags({ traits, correlations: none });
    expect(kinds(flags)).toEqual(["alert miss:curious", "alert miss:firm", "alert overshoot:formal"]);
    const line = verdictLine({ flags, rows: rowsOf(traits, { curious: { verdict: "miss" }, firm: { verdict: "miss" }, formal: { verdict: "overshoot" } }), final: true });
    expect(line.text).toBe("Firm / boundary-setting misses its target of 80 by 35 (lands at 45) — the main issue (2 more findings on targeted traits below)");
    expect(line.flagIds).toEqual(["miss:firm", "miss:curious", "overshoot:formal"]);
    // A warning (a smaller gap) never outranks an alert.
    const warnBig = { id: "miss:firm", kind: "miss" as const, traits: ["firm"], severity: "warn" as const, title: "Firm / boundary-setting is beyond what this model reaches" };
    const alertSmall = { id: "overshoot:formal", kind: "overshoot" as const, traits: ["formal"], severity: "alert" as const, title: "Formal overshoots its target" };
    const mixed = verdictLine({ flags: [warnBig, alertSmall], rows: rowsOf(traits, { firm: { verdict: "beyond reach" }, formal: { verdict: "overshoot" } }), final: true });
    expect(mixed).toMatchObject({ kind: "overshoot", severity: "alert", flagIds: ["overshoot:formal", "miss:firm"] });
    expect(mixed.text).toBe("Formal overshoots its target of 30 by 22 (lands at 8) — the main issue (1 more finding on targeted traits below)");
    const beyond = verdictLine({ flags: [warnBig], rows: rowsOf(traits, { firm: { verdict: "beyond reach" } }), final: true });
    expect(beyond).toMatchObject({ kind: "beyond reach", severity: "warn" });
    expect(beyond.text).toContain("beyond what this model reaches");
  });

  it("uses a pair flag's title for a tension or compromise", () => {
    const pair = { id: "compromise:empathetic+firm", kind: "compromise" as const, traits: ["empathetic", "firm"], severity: "alert" as const, title: "Empathetic and Firm / boundary-setting compromise: both land short" };
    const rows = rowsOf([row({ key: "empathetic", target: 85, mean: 70 }), row({ key: "firm", target: 85, mean: 68 })], { empathetic: { verdict: "miss" }, firm: { verdict: "miss" } });
    const line = verdictLine({ flags: [pair], rows, final: true });
    expect(line).toEqual({ text: `${pair.title} (Empathetic by 15, Firm / boundary-setting by 17) — the main issue`, kind: "compromise", severity: "alert", flagIds: [pair.id] });
  });

  it("says 'On target' when every targeted trait lands, acknowledging what came with the character type", () => {
    const traits = [empathetic, row({ key: "firm", target: 80, mean: 79 }), warm, patient, diplomatic];
    const flags = computeFlags({ traits, correlations: none });
    expect(verdictLine({ flags, rows: rowsOf(traits), final: true })).toEqual({
      text: "On target: every targeted trait lands within tolerance; 3 traits came with the character type (Warm, Patient and Diplomatic)",
      kind: "on target", severity: "ok", flagIds: ["leakage:warm", "leakage:patient", "leakage:diplomatic"],
    });
    const clean = [empathetic, row({ key: "firm", target: 80, mean: 79 })];
    expect(verdictLine({ flags: computeFlags({ traits: clean, correlations: none }), rows: rowsOf(clean), final: true }).text)
      .toBe("On target: every targeted trait lands within tolerance");
  });

  it("mentions leakage only when it is the only thing, grouped", () => {
    const traits = [empathetic, row({ key: "firm", target: 80, mean: 79 }), warm, contrarian, row({ key: "verbose", mean: 58 })];
    const flags = computeFlags({ traits, correlations: none });
    expect(verdictLine({ flags, rows: rowsOf(traits), final: true })).toEqual({
      text: "2 traits moved without being asked for (Contrarian and Verbose); 1 trait came with the character type (Warm) — no targeted trait is clearly off target",
      kind: "leakage", severity: "alert", flagIds: ["leakage:contrarian", "leakage:verbose", "leakage:warm"],
    });
  });

  it("does not claim 'on target' for a trait whose interval still reaches past the tolerance", () => {
    const traits = [empathetic, row({ key: "firm", target: 80, mean: 68, hw: 5 })];
    const line = verdictLine({ flags: computeFlags({ traits, correlations: none }), rows: rowsOf(traits, { firm: { verdict: "not clearly off target" } }), final: true });
    expect(line).toMatchObject({ kind: "not settled", severity: "pending" });
    expect(line.text).toBe("Not settled: Firm / boundary-setting is neither clearly on nor clearly off target — more answers would decide");
  });

  it("says 'Not enough evidence yet' while the run is partial, with what it sees so far", () => {
    const flags = computeFlags({ traits: supportAgent, correlations: none });
    expect(verdictLine({ flags, rows: rowsOf(supportAgent, { firm: { verdict: "miss" } }), final: false })).toMatchObject({
      text: "Not enough evidence yet — so far: Firm / boundary-setting misses its target of 80 by 27 (lands at 53): it pulls against Empathetic, which gets there",
      severity: "pending", kind: "tension",
    });
    expect(verdictLine({ flags: [], rows: rowsOf([empathetic]), final: false }))
      .toEqual({ text: "Not enough evidence yet", kind: "not enough evidence", severity: "pending", flagIds: [] });
    expect(verdictLine({ flags: [], rows: [{ key: "firm", name: "Firm", target: 80, landing: { mean: null } }], final: true }).kind).toBe("not enough evidence");
  });

  it("words an archetype-only persona as the character type's own movement", () => {
    const traits = [warm, row({ key: "firm", mean: 51 })];
    const flags = computeFlags({ traits, correlations: none });
    expect(verdictLine({ flags, rows: rowsOf(traits), final: true })).toMatchObject({ text: "No targets set: 1 trait moved with the character type (Warm)", severity: "ok" });
  });
});

describe("groupFlags (the flags panel)", () => {
  it("puts the designer's problems first, then the two leakage groups, collapsed when a targeted problem sits above them", () => {
    const flags = computeFlags({ traits: supportAgent, correlations: none });
    const g = groupFlags(flags);
    expect(g.asked.map((f) => f.id)).toEqual(["tension:empathetic+firm"]);
    expect(g.moved.map((f) => f.id)).toEqual(["leakage:contrarian"]);
    expect(g.came.map((f) => f.id)).toEqual(["leakage:warm", "leakage:patient", "leakage:diplomatic"]);
    expect(g.collapseLeaks).toBe(true);
    expect(groupFlags(flags.filter((f) => f.kind === "leakage")).collapseLeaks).toBe(false);
  });
});

describe("buildReport carries the verdict line", () => {
  // 12 items per trait, 2 answers each, every answer judged on every watched trait (noisy, deterministic).
  function answers(arm: "persona" | "baseline", means: Record<string, number>): JudgedAnswer[] {
    const rng = mulberry32(arm === "persona" ? 11 : 12);
    const keys = Object.keys(means);
    return keys.flatMap((owner) => Array.from({ length: 24 }, (_, n) => ({
      id: `${arm}:${owner}:${n}`, traitKey: owner, itemIndex: n >> 1,
      scores: Object.fromEntries(keys.map((k) => [k, Math.round(means[k] + (rng() - 0.5) * 12)])),
    })));
  }

  it("names firm as the main issue while warm came with the character type", () => {
    const report = buildReport({
      watched: ["empathetic", "firm", "warm"], targets: { empathetic: 85, firm: 80 },
      persona: answers("persona", { empathetic: 88, firm: 53, warm: 80 }),
      baseline: answers("baseline", { empathetic: 50, firm: 50, warm: 50 }),
      done: {}, final: true,
    });
    expect(report.verdictLine).toMatchObject({ kind: "tension", severity: "alert", flagIds: ["tension:empathetic+firm"] });
    expect(report.verdictLine!.text).toMatch(/^Firm \/ boundary-setting misses its target of 80 by 2\d \(lands at 5\d\) — the main issue: it pulls against Empathetic, which gets there$/);
    expect(report.flags.find((f) => f.id === "leakage:warm")).toMatchObject({ severity: "warn", expected: { with: ["empathetic"] } });
    expect(() => reportSchema.parse(report)).not.toThrow();
  });
});
