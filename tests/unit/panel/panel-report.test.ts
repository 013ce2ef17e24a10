import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/probing/random";
import { jsonSafe, panelReport, type PanelArmInput, type PanelReportInput } from "@/lib/probing/panel/panel-report";
import type { DistinguishGuess } from "@/lib/probing/panel/distinguish";
import type { PanelMember } from "@/lib/probing/panel/matrix";
import { drawPanel } from "@/tests/unit/probing/panel/helpers";

// Synthetic answers with known truth (tests/unit/probing/panel/helpers.ts drawPanel: item effects shared by the
// members, member × item interaction, judge noise), not the simulator.

const traits = ["warm", "blunt", "curious", "formal"];
const labels = { warm: "Warmth", blunt: "Bluntness", curious: "Curiosity", formal: "Formality", humour: "Humour" };
const members = [
  { key: "skeptic", name: "Skeptic", promptHash: "h1" },
  { key: "doubter", name: "Doubter", promptHash: "h2" },
  { key: "optimist", name: "Optimist", promptHash: "h3" },
];

const answersOf = (panel: PanelMember[]) => Object.fromEntries(panel.map((m) => [m.id, m.answers]));

function arm(name: string, panel: PanelMember[], guesses: PanelArmInput["guesses"] = []): PanelArmInput {
  return { arm: name, label: name === "single" ? "One model" : name === "routed" ? "Routed across models" : "Active plan", seats: { skeptic: "sim-1", doubter: "sim-1", optimist: "sim-2" }, answers: answersOf(panel), guesses };
}

const base = (arms: PanelArmInput[], extra: Partial<PanelReportInput> = {}): PanelReportInput => ({
  methodVersion: "test", final: true, watched: traits, traitLabels: labels, members, arms, rng: mulberry32(9), resamples: 200, ...extra,
});

/** n guesses for a pair, `correct` of them right, alternating authors. */
const judged = (a: string, b: string, n: number, correct: number): { a: string; b: string; guesses: DistinguishGuess[] } => ({
  a, b, guesses: Array.from({ length: n }, (_, i) => { const author = i % 2 ? a : b; return { author, guess: i < correct ? author : author === a ? b : a }; }),
});

describe("panelReport", () => {
  const costumeWorld = drawPanel(mulberry32(21), {
    traits, items: 100, perItem: 2, positions: { skeptic: [40, 70, 50, 45], doubter: [40, 70, 50, 45], optimist: [75, 30, 60, 50] },
  });

  it("flags two members with the same true levels and different prompts as a costume change (100 common items), naming them", () => {
    const r = panelReport(base([arm("active", costumeWorld)]));
    const a = r.arms[0];
    const pair = a.divergence.pairs.find((p) => p.a === "skeptic" && p.b === "doubter")!;
    expect(pair.status).toBe("costume change");
    const costume = r.flags.filter((f) => f.kind === "costume");
    expect(costume).toHaveLength(1);
    expect(costume[0].members).toEqual(["skeptic", "doubter"]);
    expect(costume[0].message).toMatch(/^Skeptic and Doubter land within ±5 of each other on every watched trait although their prompts differ \(distance \d+\.\d points, interval \d+\.\d to \d+\.\d; .*\): a costume change\.$/);
    // The far member is distinct from both and raises nothing.
    expect(a.divergence.pairs.filter((p) => p.b === "optimist").map((p) => p.status)).toEqual(["distinct", "distinct"]);
    expect(r.notes.some((n) => /common items/.test(n))).toBe(false);
  });

  it("raises no flag for members far apart", () => {
    const far = drawPanel(mulberry32(22), { traits, items: 30, perItem: 2, positions: { skeptic: [30, 70, 50, 40], doubter: [70, 30, 50, 60], optimist: [50, 50, 80, 30] } });
    const r = panelReport(base([arm("active", far)]));
    expect(r.arms[0].divergence.pairs.every((p) => p.status === "distinct")).toBe(true);
    expect(r.flags).toEqual([]);
    expect(r.gain).toBeNull();
    // 30 items: the report says costume tests need more.
    expect(r.notes).toContainEqual(expect.stringMatching(/30 common items\. Costume-change tests need about 60 common items/));
  });

  it("flags a polarity pair that lands the wrong way round on its declared axis, and notes an unwatched axis", () => {
    const world = drawPanel(mulberry32(23), { traits, items: 30, perItem: 2, positions: { skeptic: [30, 70, 50, 40], doubter: [60, 40, 50, 60], optimist: [50, 50, 80, 30] } });
    const r = panelReport(base([arm("active", world)], {
      polarityPairs: [
        { a: "skeptic", b: "doubter", axis: { trait: "warm" }, direction: "a_higher" }, // skeptic is 30 points BELOW
        { a: "skeptic", b: "optimist", axis: { weights: { blunt: 1, warm: -1 } }, direction: "a_higher" }, // +20 on the axis: diverges
        { a: "doubter", b: "optimist", axis: { trait: "humour" } },
      ],
    }));
    const [wrong, right] = r.arms[0].polarity;
    expect(wrong.status).toBe("fails to diverge");
    expect(right.status).toBe("diverges");
    expect(r.arms[0].polarity).toHaveLength(2);
    const flag = r.flags.find((f) => f.kind === "polarity")!;
    expect(flag.members).toEqual(["skeptic", "doubter"]);
    expect(flag.message).toMatch(/^Skeptic should land above Doubter on Warmth but lands \d+\.\d points below it \(interval \d+\.\d to \d+\.\d\): the declared polarity pair fails to diverge\.$/);
    expect(r.flags.filter((f) => f.kind === "polarity")).toHaveLength(1);
    expect(r.notes).toContainEqual(expect.stringMatching(/Doubter \/ Optimist opposes on Humour, which is not watched in this run: not tested/));
  });

  it("reads a polarity pair declared without an axis from its distance: a costume change fails it", () => {
    const r = panelReport(base([arm("active", costumeWorld)], { polarityPairs: [{ a: "skeptic", b: "doubter" }, { a: "skeptic", b: "optimist" }] }));
    const flags = r.flags.filter((f) => f.kind === "polarity");
    expect(flags).toHaveLength(1);
    expect(flags[0].message).toMatch(/^Skeptic and Doubter are declared opposites but land within ±5 of each other on every watched trait/);
    expect(r.arms[0].polarity).toEqual([]);
  });

  it("runs the blind distinguishability pass per arm and flags a pair with different prompts the judge cannot tell apart", () => {
    const world = drawPanel(mulberry32(24), { traits, items: 20, perItem: 2, positions: { skeptic: [30, 70, 50, 40], doubter: [70, 30, 50, 60], optimist: [50, 50, 80, 30] } });
    const r = panelReport(base([arm("active", world, [judged("skeptic", "doubter", 40, 20), judged("skeptic", "optimist", 16, 16), judged("doubter", "optimist", 8, 5)])]));
    expect(r.arms[0].distinguish.map((d) => d.status)).toEqual(["not told apart", "told apart", "inconclusive"]);
    const flag = r.flags.find((f) => f.kind === "indistinguishable")!;
    expect(flag.message).toMatch(/^Shown an answer and both descriptions, the judge named the right author 20 times in 40 for Skeptic and Doubter \(50%, interval \d+%–\d+%\): a blind judge cannot tell what they say apart, although their prompts differ\.$/);
  });

  it("computes the ceiling experiment's gain with intervals, and each group's own positions", () => {
    const rng = mulberry32(25);
    const single = drawPanel(rng, { traits, items: 24, perItem: 2, positions: { skeptic: [50, 50, 50, 50], doubter: [52, 48, 50, 50], optimist: [55, 45, 50, 50] } });
    const routed = drawPanel(rng, { traits, items: 24, perItem: 2, positions: { skeptic: [30, 70, 50, 40], doubter: [70, 30, 50, 60], optimist: [50, 50, 80, 30] } });
    const r = panelReport(base([arm("single", single), arm("routed", routed)], { groups: [{ name: "Doubters", members: ["skeptic", "doubter"] }] }));
    expect(r.gain).not.toBeNull();
    expect(r.gain!.items).toBe(24);
    expect(r.gain!.effectivePositions.gain.lo).toBeGreaterThan(0);
    expect(r.gain!.meanDistance.gain.lo).toEqual(expect.any(Number));
    expect(r.gain!.meanDistance.gain.hi).toEqual(expect.any(Number));
    expect(r.arms.map((a) => a.arm)).toEqual(["single", "routed"]);
    const g = r.arms[1].groups[0];
    expect(g).toMatchObject({ name: "Doubters", members: ["skeptic", "doubter"] });
    expect(g.meanDistance.lo).toBeGreaterThan(20); // 40 points apart on two traits of four: RMS 28
    expect(g.effectivePositions.estimate).toBeGreaterThan(1.8);
    expect(r.arms[0].groups[0].meanDistance.estimate).toBeLessThan(r.arms[1].groups[0].meanDistance.estimate);
  });

  it("reports partial input without throwing: a member with no answers yet is left out and named in a note", () => {
    const world = drawPanel(mulberry32(26), { traits, items: 12, perItem: 1, positions: { skeptic: [30, 70, 50, 40], doubter: [70, 30, 50, 60] } });
    const r = panelReport(base([arm("single", world), arm("routed", [])], {
      final: false,
      polarityPairs: [{ a: "skeptic", b: "optimist", axis: { trait: "warm" } }],
      groups: [{ name: "All", members: ["skeptic", "doubter", "optimist"] }],
    }));
    expect(r.final).toBe(false);
    expect(r.arms[0].divergence.members).toEqual(["skeptic", "doubter"]);
    expect(r.notes).toContainEqual("One model: Optimist has no judged answers yet, so it is left out of this arm.");
    expect(r.notes).toContainEqual("Routed across models: Skeptic, Doubter and Optimist have no judged answers yet, so they are left out of this arm.");
    expect(r.notes).toContainEqual(expect.stringMatching(/group All is computed without Optimist/));
    expect(r.notes).toContainEqual(expect.stringMatching(/diversity gain needs at least two members/));
    expect(r.gain).toBeNull();
    expect(r.arms[1].divergence.pairs).toEqual([]);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it("notes items left out when a member lacks a score, and a shared prompt as expected sameness", () => {
    const [a] = drawPanel(mulberry32(27), { traits, items: 10, perItem: 1, positions: { skeptic: [50, 50, 50, 50] } });
    const holes = { id: "doubter", answers: a.answers.map((x, i) => (i < 3 ? { ...x, scores: { ...x.scores, warm: null } } : x)) };
    const r = panelReport(base([arm("active", [a, holes])], { members: [members[0], { ...members[1], promptHash: "h1" }] }));
    expect(r.notes).toContainEqual("Active plan: 3 items were left out because some member lacks an answer or a score on a watched trait there; 7 common items compared.");
    expect(r.arms[0].divergence.pairs[0].status).toBe("not distinguishable");
    expect(r.flags).toEqual([]);
    expect(r.notes).toContainEqual(expect.stringMatching(/Skeptic and Doubter share one prompt and land the same/));
  });

  it("is JSON-safe: the report survives JSON round trip unchanged, also with members that have one item", () => {
    const one = drawPanel(mulberry32(28), { traits, items: 1, perItem: 1, positions: { skeptic: [50, 50, 50, 50], doubter: [60, 40, 50, 50] } });
    for (const r of [panelReport(base([arm("active", one)])), panelReport(base([arm("active", costumeWorld, [judged("skeptic", "doubter", 0, 0)])]))]) {
      expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    }
  });
});

describe("jsonSafe", () => {
  it("turns NaN and ±Infinity into null deep inside, and drops undefined fields", () => {
    expect(jsonSafe({ a: NaN, b: [1, Infinity, { c: -Infinity, d: "x", e: undefined }], f: null })).toEqual({ a: null, b: [1, null, { c: null, d: "x" }], f: null });
  });
});
