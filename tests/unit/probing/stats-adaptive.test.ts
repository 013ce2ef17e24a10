import { describe, expect, it } from "vitest";
import { mulberry32, type Rng } from "@/lib/probing/random";
import {
  fixedPlanCalls, fixedPlanRequests, initialSampling, landingSummary, nextRequests,
  type SamplingConfig, type TraitSampling,
} from "@/lib/probing/stats";
import { itemScoresOf } from "@/lib/probing/stats/adaptive";
import { pairedShift } from "@/lib/probing/stats/landing-table";
import { plannerStateFor, samplingFrom } from "@/lib/jobs/sampling-state";

/** Scores assigned to items round-robin, as the planner issues them. */
const state = (key: string, issuedPerItem: number[], scores: number[], pending = 0): TraitSampling =>
  ({ key, issuedPerItem, scores, scoreItems: scores.map((_, i) => i % issuedPerItem.length), pending });
const widthOf = (s: TraitSampling) => landingSummary(itemScoresOf(s)).halfWidth;
const normal = (rng: Rng, mean: number, sd: number) => () =>
  Math.round(mean + sd * Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng()));

/** Runs the planner to completion against a score source, like a worker with instant results. */
function simulate(traits: { key: string; itemCount: number; score: (item: number) => number }[], config: Partial<SamplingConfig> = {}) {
  const states = initialSampling(traits) as { key: string; issuedPerItem: number[]; scores: number[]; scoreItems: number[] }[];
  for (let round = 0; round < 100; round++) {
    const plan = nextRequests(states, config);
    if (plan.requests.length === 0) return { states, done: plan.done, rounds: round };
    for (const r of plan.requests) {
      const s = states.find((x) => x.key === r.traitKey)!;
      expect(r.sampleIndex).toBe(s.issuedPerItem[r.itemIndex]);
      s.issuedPerItem[r.itemIndex]++;
      s.scores.push(traits.find((t) => t.key === r.traitKey)!.score(r.itemIndex));
      s.scoreItems.push(r.itemIndex);
    }
  }
  throw new Error("did not finish");
}

describe("adaptive sampling planner", () => {
  it("starts by asking every item once (round-robin, sample 0)", () => {
    const plan = nextRequests(initialSampling([{ key: "firm", itemCount: 12 }]));
    expect(plan.done).toEqual({});
    expect(plan.requests).toEqual(Array.from({ length: 12 }, (_, i) => ({ traitKey: "firm", itemIndex: i, sampleIndex: 0 })));
  });

  it("asks only minN answers when item coverage is not required", () => {
    const plan = nextRequests(initialSampling([{ key: "firm", itemCount: 20 }]), { minItems: 0, minN: 6 });
    expect(plan.requests.map((r) => r.itemIndex)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("continues round-robin from the least-asked item with the next sample index", () => {
    const plan = nextRequests([state("warm", [2, 1, 1, 2], draw(6, 50, 20), 0)], { minItems: 0, minN: 8 });
    expect(plan.requests).toEqual([{ traitKey: "warm", itemIndex: 1, sampleIndex: 1 }, { traitKey: "warm", itemIndex: 2, sampleIndex: 1 }]);
  });

  it("waits while results are in flight instead of asking again", () => {
    const plan = nextRequests([state("firm", Array(12).fill(1), [], 12)]);
    expect(plan).toEqual({ done: {}, basis: {}, requests: [] });
  });

  it("replaces answers that came back without a score", () => {
    const plan = nextRequests([state("firm", Array(12).fill(1), [70, 75, 80, 70, 75, 80, 70, 75, 80, 70])]);
    expect(plan.requests).toHaveLength(2);
  });

  it("stops a trait as precise once its half-width reaches the target, and not before minN/coverage", () => {
    expect(nextRequests([state("firm", Array(12).fill(1), Array(12).fill(80))]).done).toEqual({ firm: "precise" });
    expect(nextRequests([state("firm", Array(12).fill(1), Array(11).fill(80))]).done).toEqual({});
    expect(nextRequests([state("firm", [3, 3], [80, 80, 80, 80, 80])], { minN: 6 }).done).toEqual({});
    // Coverage counts items, not answers: 12 answers to 6 of 12 items are not enough.
    const sixItems = { ...state("firm", Array(12).fill(1), Array(12).fill(80)), scoreItems: Array.from({ length: 12 }, (_, i) => i % 6) };
    expect(nextRequests([sixItems]).done).toEqual({});
  });

  it("never stops on a degenerate ±0: a judge that gives every answer the same score still leaves the variance floor", () => {
    const sticky = state("firm", Array(12).fill(1), Array(12).fill(80));
    expect(widthOf(sticky)).toBeGreaterThan(1.5);
    expect(nextRequests([sticky], { targetHalfWidth: 1.5 }).done).toEqual({});
  });

  it("stops on the item-level interval: repeating items cannot make a trait whose items differ widely precise", () => {
    // 12 items whose means differ by SD ≈ 12, each answered with little noise: however often they are asked again,
    // the landing over items like these stays about ±8 wide, so the trait runs to its budget instead of a false "precise".
    const itemMean = (i: number) => 50 + ((i * 7) % 12 - 5.5) * 3.5;
    const rng = mulberry32(3);
    const { states, done } = simulate([{ key: "varied", itemCount: 12, score: (i) => Math.round(itemMean(i) + 2 * normal(rng, 0, 1)()) }], { budget: 60 });
    expect(done).toEqual({ varied: "budget" });
    expect(widthOf(states[0])).toBeGreaterThan(5);
  });

  it("stops at the budget, but only once nothing is in flight", () => {
    const wide = draw(40, 50, 30);
    expect(nextRequests([state("firm", [20, 20], wide)], { budget: 40 }).done).toEqual({ firm: "budget" });
    expect(nextRequests([state("firm", [20, 20], wide.slice(0, 38), 2)], { budget: 40 })).toEqual({ done: {}, basis: {}, requests: [] });
    const nearlySpent = nextRequests([state("firm", [19, 19], wide.slice(0, 38))], { budget: 40 });
    expect(nearlySpent.requests).toHaveLength(2);
  });

  it("asks for about as many answers as the interval needs, at most doubling per step, capped by maxBatch", () => {
    const scores = draw(12, 50, 25);
    const h = widthOf(state("firm", Array(12).fill(1), scores));
    const plan = nextRequests([state("firm", Array(12).fill(1), scores)]);
    const expected = Math.min(Math.ceil(12 * (h / 5) ** 2), 24) - 12;
    expect(plan.requests).toHaveLength(expected);
    expect(nextRequests([state("firm", Array(12).fill(1), scores)], { maxBatch: 3 }).requests).toHaveLength(3);
  });

  it("is deterministic (the interval has no resampling)", () => {
    const s = [state("firm", Array(12).fill(1), draw(12, 50, 25))];
    expect(nextRequests(s)).toEqual(nextRequests(s));
    expect(nextRequests(s).requests.length).toBeGreaterThan(0);
  });

  it("needs 12 distinct items, not every item of a 30-item trait, before calling it precise", () => {
    const rng = mulberry32(5);
    const { states, done } = simulate([{ key: "steady", itemCount: 30, score: normal(rng, 70, 4) }], { budget: 60 });
    expect(done).toEqual({ steady: "precise" });
    const asked = states[0].issuedPerItem.filter((x) => x > 0).length;
    expect(asked).toBe(12); // the old floor asked all 30 items first
    expect(states[0].scores).toHaveLength(12);
  });

  it("reaches ±5 on every trait, spending more answers on noisier traits and stopping at the budget", () => {
    const rng = mulberry32(17);
    const { states, done } = simulate([
      { key: "steady", itemCount: 12, score: normal(rng, 85, 6) },
      { key: "noisy", itemCount: 12, score: normal(rng, 50, 16) },
      { key: "hopeless", itemCount: 12, score: normal(rng, 50, 40) },
    ], { budget: 80 }); // the item-level t (df = 11 for 12 items) needs ≈ (2.2·16/5)² ≈ 50 answers for the noisy trait
    expect(done).toEqual({ steady: "precise", noisy: "precise", hopeless: "budget" });
    const n = Object.fromEntries(states.map((s) => [s.key, s.scores.length]));
    expect(n.steady).toBe(12); // coverage floor: one answer per item
    expect(n.noisy).toBeGreaterThan(25);
    expect(n.noisy).toBeLessThan(70);
    expect(n.hopeless).toBe(80);
    for (const s of states.slice(0, 2)) expect(widthOf(s)).toBeLessThanOrEqual(5);
    for (const s of states) expect(Math.max(...s.issuedPerItem) - Math.min(...s.issuedPerItem)).toBeLessThanOrEqual(1);
  });
});

describe("stopping on the all-items shift (untargeted traits, the baseline arm)", () => {
  // 6 own items with a wide landing (item SD ≈ 25): never precise on its own landing (and 6 < 12 items).
  const ownScores = [30, 80, 45, 95, 20, 60];
  const sixItems = (evidence?: TraitSampling["shiftEvidence"]): TraitSampling =>
    ({ ...state("humble", [...Array(6).fill(1), ...Array(24).fill(0)], ownScores), ...(evidence ? { shiftEvidence: evidence } : {}) });
  /** Paired scores over `items` items of the run: persona = baseline + shift + small noise, item effects shared. */
  const paired = (items: number, shift: number, noise: number) => {
    const rng = mulberry32(items + noise);
    const persona: Record<string, number[]> = {}, baseline: Record<string, number[]> = {};
    for (let i = 0; i < items; i++) {
      const item = 20 + ((i * 37) % 60);
      baseline[`t#${i}`] = [item];
      persona[`t#${i}`] = [Math.round(item + shift + noise * (rng() - 0.5) * 2)];
    }
    return { persona, baseline };
  };

  it("stops a trait with 6 own items once its all-items paired shift is within ±3, and says it stopped on the shift", () => {
    const plan = nextRequests([sixItems(paired(48, 3, 4))]);
    expect(plan.done).toEqual({ humble: "precise" });
    expect(plan.basis).toEqual({ humble: "shift" });
    expect(plan.requests).toEqual([]);
    // Its own landing is then the wider, fixed-size interval over those 6 items.
    expect(widthOf(sixItems())).toBeGreaterThan(5);
  });

  it("without the shift's evidence the same trait goes on to the landing's floor of 12 items", () => {
    const plan = nextRequests([sixItems()]);
    expect(plan.done).toEqual({});
    expect(plan.requests.map((r) => r.itemIndex)).toEqual([6, 7, 8, 9, 10, 11]);
  });

  it("goes on as any trait while the shift is wider than the target (or cannot be paired yet)", () => {
    expect(nextRequests([sixItems(paired(4, 3, 40))]).done).toEqual({});
    expect(nextRequests([sixItems({ persona: paired(48, 0, 2).persona, baseline: {} })]).requests).toHaveLength(6);
  });

  it("asks only the shift's floor of own items first, and not fewer than it before stopping", () => {
    const fresh = { ...initialSampling([{ key: "humble", itemCount: 30 }])[0], shiftEvidence: paired(48, 0, 2) };
    expect(nextRequests([fresh]).requests.map((r) => r.itemIndex)).toEqual([0, 1, 2, 3, 4, 5]);
    const five = { ...state("humble", [...Array(5).fill(1), ...Array(25).fill(0)], ownScores.slice(0, 5)), shiftEvidence: paired(48, 0, 2) };
    expect(nextRequests([five]).done).toEqual({});
    expect(nextRequests([five]).requests).toHaveLength(1);
  });

  it("stops on the shift at the landing's ±5 by default (the leakage test is against a negligible ±2, so precision is not what keeps false leaks out), never wider than the landing target", () => {
    const evidence = paired(30, 3, 20); // a paired shift about ±4.5 wide
    expect(nextRequests([sixItems(evidence)]).basis).toEqual({ humble: "shift" });
    expect(nextRequests([sixItems(evidence)], { shiftHalfWidth: 3 }).done).toEqual({});
    expect(nextRequests([sixItems(paired(48, 3, 4))], { targetHalfWidth: 0.3 }).done).toEqual({});
  });

  it("keeps asking while a leak of 7.5 points or more has not cleared the report's test, down to half the shift target", () => {
    /** persona = baseline + shift ± spread, alternating: a paired shift with sd ≈ spread, exactly. */
    const exact = (items: number, shift: number, spread: number) => {
      const persona: Record<string, number[]> = {}, baseline: Record<string, number[]> = {};
      for (let i = 0; i < items; i++) {
        baseline[`t#${i}`] = [20 + ((i * 37) % 60)];
        persona[`t#${i}`] = [baseline[`t#${i}`][0] + shift + (i % 2 ? spread : -spread)];
      }
      return { persona, baseline };
    };
    const trait = (key: string, evidence: ReturnType<typeof exact>, leak = true): TraitSampling =>
      ({ ...state(key, [...Array(6).fill(1), ...Array(24).fill(0)], ownScores), shiftEvidence: { ...evidence, leak } });
    const leak = exact(30, 7.5, 12); // 7.5 points, ±4.6: alone its test against ±2 clears (p ≈ 0.01)
    expect(pairedShift(leak.persona, leak.baseline).halfWidth).toBeLessThan(5);
    expect(nextRequests([trait("humble", leak)]).basis).toEqual({ humble: "shift" });
    // Among 8 untargeted traits (BH, as the report), the same evidence has not cleared: it keeps asking.
    const quiet = ["a", "b", "c", "d", "e", "f", "g"].map((k) => trait(k, exact(30, 0, 12)));
    const plan = nextRequests([trait("humble", leak), ...quiet]);
    expect(plan.done.humble).toBeUndefined();
    expect(plan.requests.some((r) => r.traitKey === "humble")).toBe(true);
    for (const q of quiet) expect(plan.basis[q.key]).toBe("shift");
    // Not in the leakage family (a targeted trait in the baseline arm), or without the rule: ±5 is enough.
    expect(nextRequests([trait("humble", leak, false), ...quiet]).basis.humble).toBe("shift");
    expect(nextRequests([trait("humble", leak), ...quiet], { leakDecision: null }).basis.humble).toBe("shift");
    // Under 7.5 points it is left as "not enough evidence" rather than paid for: ±5 is enough.
    expect(nextRequests([trait("humble", exact(30, 7, 12)), ...quiet]).basis.humble).toBe("shift");
    // Measured to half the target (±2.5), it stops whatever the test says.
    expect(nextRequests([trait("humble", exact(120, 7.5, 12)), ...quiet]).basis.humble).toBe("shift");
  });

  it("counts the answers other traits are asking for (and those in flight) as pairs on their way", () => {
    const evidence = paired(40, 3, 22); // about ±4.3: ±3 needs about 83 pairs, 43 more
    const waiting = (key: string) => ({ ...state(key, [...Array(12).fill(1), ...Array(18).fill(0)], [...ownScores, ...ownScores]), shiftEvidence: evidence });
    const alone = nextRequests([waiting("a")], { shiftHalfWidth: 3 }).requests.length;
    const busy = { ...state("b", Array(30).fill(1), Array(30).fill(50)), pending: 30 };
    const beside = nextRequests([waiting("a"), busy], { shiftHalfWidth: 3 }).requests.filter((r) => r.traitKey === "a").length;
    expect(alone).toBeGreaterThanOrEqual(43);
    expect(beside).toBeLessThanOrEqual(alone - 30);
  });

  it("traits waiting on the shift share the pairs it still needs instead of each doubling its own items", () => {
    const twelve = (key: string, evidence?: TraitSampling["shiftEvidence"]): TraitSampling =>
      ({ ...state(key, [...Array(12).fill(1), ...Array(18).fill(0)], [...ownScores, ...ownScores]), ...(evidence ? { shiftEvidence: evidence } : {}) });
    const evidence = paired(40, 3, 22); // 40 pairs, about ±4.3: ±3 needs about 40·(4.3/3)² ≈ 83 pairs
    const keys = ["a", "b", "c", "d", "e", "f", "g", "h"];
    const alone = nextRequests(keys.map((k) => twelve(k)), { shiftHalfWidth: 3 }).requests.length;
    const shared = nextRequests(keys.map((k) => twelve(k, evidence)), { shiftHalfWidth: 3 }).requests.length;
    expect(alone).toBe(8 * 12); // the landing rule doubles each trait's items
    const deficit = 40 * (pairedShift(evidence.persona, evidence.baseline).halfWidth / 3) ** 2 - 40;
    expect(shared).toBeGreaterThanOrEqual(deficit); // together, about the pairs still missing
    expect(shared).toBeLessThan(deficit + keys.length);
  });

  it("a trait that stops on its own landing says so", () => {
    expect(nextRequests([state("firm", Array(12).fill(1), Array(12).fill(80))]).basis).toEqual({ firm: "landing" });
  });
});

describe("completing pairs (method 2026-12-pairs-v7)", () => {
  // The persona answered firm (targeted) items 0–29 and humble (untargeted) items 0–5; the baseline only items 0–5 of each.
  // 12 pairs with a noisy difference: the shift is wider than ±5 and needs a few more pairs (fewer than 24).
  const rng = mulberry32(7);
  const noisy = () => Math.round(50 + 12 * (rng() - 0.5) * 2);
  const ids = (trait: string, n: number) => Array.from({ length: n }, (_, i) => `${trait}#${i}`);
  const persona: Record<string, number[]> = {}, baseline: Record<string, number[]> = {};
  for (const id of [...ids("firm", 30), ...ids("humble", 6)]) persona[id] = [noisy()];
  for (const id of [...ids("firm", 6), ...ids("humble", 6)]) baseline[id] = [noisy()];
  const six = () => [...Array(6).fill(1), ...Array(24).fill(0)];
  const arm = (side: "persona" | "baseline", withSide = true): TraitSampling[] => {
    const evidence = (leak: boolean) => ({ persona, baseline, leak, ...(withSide ? { side } : {}) });
    const humble = { ...state("humble", six(), [30, 80, 45, 95, 20, 60]), shiftEvidence: evidence(true) };
    const firm = side === "baseline"
      ? { ...state("firm", six(), [50, 52, 48, 51, 49, 50]), shiftEvidence: evidence(false) }
      : state("firm", Array(30).fill(1), Array(30).fill(80));
    return [firm, humble];
  };

  it("the baseline arm first answers the items the persona arm answered and it has not: one answer per pair", () => {
    expect(pairedShift(persona, baseline).halfWidth).toBeGreaterThan(5);
    const plan = nextRequests(arm("baseline"));
    const completing = plan.requests.filter((r) => r.traitKey === "firm" && r.itemIndex >= 6);
    expect(completing.length).toBeGreaterThan(0);
    for (const r of completing) expect(persona[`firm#${r.itemIndex}`]).toBeDefined();
    // Every request is a distinct (trait, item, sample): a completion never repeats a round-robin pick.
    const keys = plan.requests.map((r) => `${r.traitKey}#${r.itemIndex}/${r.sampleIndex}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Before: each arm asked its own next items for the shift (humble 6+, firm 6+ alike, a pair only once both arms have).
    const before = nextRequests(arm("baseline", false)).requests;
    expect(before.some((r) => r.traitKey === "humble" && r.itemIndex >= 6)).toBe(true);
    expect(nextRequests(arm("baseline"), { completePairs: false }).requests).toEqual(before);
  });

  it("asks new items only for the pairs the other arm's unpaired answers cannot give", () => {
    const plan = nextRequests(arm("baseline"));
    // 24 persona-only firm items cover the shortfall here: no new humble item (which would need a persona answer too).
    expect(plan.requests.filter((r) => r.traitKey === "humble")).toEqual([]);
  });

  it("the persona arm counts its own unpaired answers as pairs on their way instead of asking new items", () => {
    const humbleAsks = (s: TraitSampling[], config: Partial<SamplingConfig> = {}) =>
      nextRequests(s, config).requests.filter((r) => r.traitKey === "humble").length;
    expect(humbleAsks(arm("persona"), { completePairs: false })).toBeGreaterThan(1);
    // At most the one step a waiting trait takes when nothing of its own arm is on its way (so a run never stalls).
    expect(humbleAsks(arm("persona"))).toBeLessThanOrEqual(1);
  });
});

describe("the worker's planner state (lib/jobs/sampling-state.ts)", () => {
  it("gives the shift's evidence to the untargeted traits of both arms, from every answer's scores", () => {
    const traits = [{ key: "warm", itemCount: 30 }, { key: "humble", itemCount: 30 }];
    const answers = ["persona", "baseline"].flatMap((kind) => [0, 1].flatMap((item) => traits.map((t) => ({
      kind, traitKey: t.key, itemIndex: item, sampleIndex: 0, status: "done", outcome: "scored",
      scores: JSON.stringify({ warm: kind === "persona" ? 80 : 60, humble: 50 + item }),
    }))));
    const states = { persona: samplingFrom(traits, answers, "persona"), baseline: samplingFrom(traits, answers, "baseline") };
    const persona = plannerStateFor("persona", states, { warm: 80 });
    expect(persona.find((s) => s.key === "warm")!.shiftEvidence).toBeUndefined();
    const humble = persona.find((s) => s.key === "humble")!;
    // Every answer of the arm counts for humble's shift, any trait's item; its landing keeps its own items.
    expect(humble.shiftEvidence!.persona).toEqual({ "warm#0": [50], "humble#0": [50], "warm#1": [51], "humble#1": [51] });
    expect(humble.scores).toEqual([50, 51]);
    expect(humble.shiftEvidence!.leak).toBe(true);
    expect(humble.shiftEvidence!.side).toBe("persona");
    // The baseline arm: every trait may stop on the shift by default (the baseline is the shift's reference),
    // only the untargeted ones are in the leakage family.
    const baseline = plannerStateFor("baseline", states, { warm: 80 });
    expect(baseline.find((s) => s.key === "humble")!.shiftEvidence!.baseline).toEqual({ "warm#0": [50], "humble#0": [50], "warm#1": [51], "humble#1": [51] });
    expect(baseline.find((s) => s.key === "warm")!.shiftEvidence).toMatchObject({ leak: false, side: "baseline" });
    expect(baseline.find((s) => s.key === "warm")!.shiftEvidence!.persona["humble#1"]).toEqual([80]);
    const untargetedOnly = plannerStateFor("baseline", states, { warm: 80 }, { baseline: "untargeted" });
    expect(untargetedOnly.find((s) => s.key === "warm")!.shiftEvidence).toBeUndefined();
  });
});

describe("fixed plans (benchmark baseline)", () => {
  it("asks every item samplesPerItem times", () => {
    const traits = [{ key: "a", itemCount: 12 }, { key: "b", itemCount: 20 }];
    expect(fixedPlanCalls(traits)).toBe(320);
    expect(fixedPlanCalls(traits, 3)).toBe(96);
    const requests = fixedPlanRequests(traits, 2);
    expect(requests).toHaveLength(64);
    expect(requests.filter((r) => r.traitKey === "b" && r.itemIndex === 19).map((r) => r.sampleIndex)).toEqual([0, 1]);
  });
});

function draw(n: number, mean: number, sd: number): number[] {
  return Array.from({ length: n }, normal(mulberry32(n * 1000 + mean + sd), mean, sd));
}
