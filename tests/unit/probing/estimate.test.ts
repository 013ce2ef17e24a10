import { describe, expect, it } from "vitest";
import { estimateProbe, estimateProbeSteps, type EstimateInput } from "@/lib/probing/estimate";
import { BUILTIN_TRAITS } from "@/lib/traits/catalog";

const traits = (n: number, targeted = 2) => BUILTIN_TRAITS.slice(0, n).map((t, i) => ({ key: t.key, itemCount: 30, targeted: i < targeted }));
const base: EstimateInput = { traits: traits(4), targetHalfWidth: 5, budgetPerTrait: 60, retestShare: 0.1, simulations: 6 };

describe("estimateProbe", () => {
  it("is deterministic: the same inputs give the same estimate", () => {
    expect(estimateProbe(base)).toEqual(estimateProbe(base));
  });

  it("brackets the expected value with its range, and counts two calls per answer plus the retest", () => {
    const e = estimateProbe(base);
    expect(e.calls.low).toBeLessThanOrEqual(e.calls.expected);
    expect(e.calls.expected).toBeLessThanOrEqual(e.calls.high);
    expect(e.calls.low).toBeLessThan(e.calls.high);
    // No retest: at most 2 calls per answer (an unscored answer is not judged).
    const off = estimateProbe({ ...base, retestShare: 0 });
    expect(off.calls.expected).toBeLessThanOrEqual(2 * off.answers.expected);
    expect(off.calls.expected).toBeGreaterThan(1.9 * off.answers.expected);
    // The retest judges ~10% of the scored answers once more.
    expect(e.calls.expected).toBeGreaterThan(off.calls.expected);
  });

  it("grows with the watched traits", () => {
    const small = estimateProbe({ ...base, traits: traits(3) });
    const large = estimateProbe({ ...base, traits: traits(8) });
    expect(large.calls.expected).toBeGreaterThan(small.calls.expected);
    expect(large.perTrait).toHaveLength(8);
  });

  it("grows with a narrower target interval, and never passes the budget", () => {
    const wide = estimateProbe({ ...base, targetHalfWidth: 8 });
    const narrow = estimateProbe({ ...base, targetHalfWidth: 3 });
    expect(narrow.calls.expected).toBeGreaterThan(wide.calls.expected);
    // persona + baseline, each at most budget per trait, plus one retried answer at most per budget.
    for (const t of narrow.perTrait) expect(t.answers).toBeLessThanOrEqual(base.budgetPerTrait);
  });

  it("adds control arms' answers", () => {
    const plain = estimateProbe(base);
    const controlled = estimateProbe({ ...base, extraArms: [{ kind: "control:a", traits: [base.traits[0].key] }, { kind: "control:b", traits: [base.traits[1].key] }] });
    expect(controlled.answers.expected).toBeGreaterThanOrEqual(plain.answers.expected + 2 * 12);
  });

  it("prices tokens only when every provider has prices", () => {
    const tokens = { systemPromptChars: { persona: 2000, baseline: 28 }, itemChars: {}, judgePromptChars: 4000 };
    expect(estimateProbe({ ...base, tokens }).costUsd).toBeNull();
    expect(estimateProbe({ ...base, tokens, prices: { target: { inputPerM: 1, outputPerM: 2 }, judge: null } }).costUsd).toBeNull();
    const priced = estimateProbe({ ...base, tokens, prices: { target: { inputPerM: 1, outputPerM: 2 }, judge: { inputPerM: 1, outputPerM: 2 } } });
    // Medians of a sum and sums of medians differ a little across worlds.
    expect(priced.tokens!.total.expected / (priced.tokens!.prompt.expected + priced.tokens!.completion.expected)).toBeCloseTo(1, 1);
    expect(priced.costUsd!.expected).toBeGreaterThan(0);
    // Doubling every price doubles the money.
    const double = estimateProbe({ ...base, tokens, prices: { target: { inputPerM: 2, outputPerM: 4 }, judge: { inputPerM: 2, outputPerM: 4 } } });
    expect(double.costUsd!.expected).toBeCloseTo(2 * priced.costUsd!.expected, 3);
  });

  it("counts a cached baseline as free", () => {
    expect(estimateProbe({ ...base, baselineCached: true }).calls.expected).toBeLessThan(0.8 * estimateProbe(base).calls.expected);
  });
});

describe("estimateProbe — the plan's shape decides, names do not", () => {
  it("gives the same calls for another set of traits of the same shape, each trait its own count", () => {
    const a = estimateProbe(base);
    const renamed = estimateProbe({ ...base, traits: BUILTIN_TRAITS.slice(10, 14).map((t, i) => ({ key: t.key, itemCount: 30, targeted: i < 2 })) });
    expect(renamed.calls).toEqual(a.calls);
    expect(renamed.perTrait.map((t) => t.answers)).toEqual(a.perTrait.map((t) => t.answers));
    expect(renamed.perTrait.map((t) => t.key)).toEqual(BUILTIN_TRAITS.slice(10, 14).map((t) => t.key));
  });
});

describe("estimateProbeSteps", () => {
  it("yields between planning rounds and ends with estimateProbe's answer", () => {
    const input = { ...base, seed: "steps" };
    const steps = estimateProbeSteps(input);
    let yields = 0;
    let step = steps.next();
    while (!step.done) { yields++; step = steps.next(); }
    expect(yields).toBeGreaterThan(input.simulations!);
    expect(step.value).toEqual(estimateProbe(input));
  });
});

describe("estimateProbe — scenarios", () => {
  it("adds one answer (a target and a judge call) per scenario per arm, the baseline's free when cached", () => {
    const plain = estimateProbe(base);
    const with5 = estimateProbe({ ...base, scenarios: { count: 5, meanChars: 120 } });
    expect(with5.calls.expected - plain.calls.expected).toBe(5 * 2 * 2);
    expect(with5.calls.low - plain.calls.low).toBe(20);
    expect(with5.answers.expected - plain.answers.expected).toBe(10);
    const cached = estimateProbe({ ...base, baselineCached: true });
    const cachedWith5 = estimateProbe({ ...base, baselineCached: true, scenarios: { count: 5, meanChars: 120 } });
    expect(cachedWith5.calls.expected - cached.calls.expected).toBe(5 * 2);
  });
});
