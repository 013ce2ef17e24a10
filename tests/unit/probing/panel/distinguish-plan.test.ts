import { describe, expect, it } from "vitest";
import { guessKey, planGuesses, type PlanAnswer } from "@/lib/probing/panel/distinguish-plan";

const answers = (member: string, items: string[], samples = 1): PlanAnswer[] =>
  items.flatMap((item) => Array.from({ length: samples }, (_, s) => ({ item, answerId: `${member}:${item}:${s}`, sampleIndex: s })));
const items = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `warm#${from + i}`);

describe("planGuesses", () => {
  const input = {
    seed: 7, answersPerPair: 8, members: ["x", "y", "z"],
    arms: [{ arm: "active", answers: { x: answers("x", items(10)), y: answers("y", items(10, 4)), z: answers("z", items(10), 2) } }],
  };

  it("per pair in spec order: half from each member, the same item for both sides, only items both answered", () => {
    const plan = planGuesses(input);
    expect(plan).toHaveLength(3 * 8);
    const pairs = [...new Set(plan.map((g) => `${g.memberA}-${g.memberB}`))];
    expect(pairs).toEqual(["x-y", "x-z", "y-z"]);
    for (const pair of pairs) {
      const of = plan.filter((g) => `${g.memberA}-${g.memberB}` === pair);
      expect(of.filter((g) => g.author === g.memberA)).toHaveLength(4);
      expect(of.filter((g) => g.author === g.memberB)).toHaveLength(4);
      const itemOf = (g: (typeof of)[number]) => g.answerId.split(":")[1];
      // Each item shown once with each member's answer.
      for (let k = 0; k < of.length; k += 2) expect(itemOf(of[k])).toBe(itemOf(of[k + 1]));
      // x and y share items 4..9 only.
      if (pair === "x-y") for (const g of of) expect(Number(itemOf(g).split("#")[1])).toBeGreaterThanOrEqual(4);
    }
    // A member's first sample of the item, not a later one.
    expect(plan.filter((g) => g.author === "z").every((g) => g.answerId.endsWith(":0"))).toBe(true);
    expect(new Set(plan.map(guessKey)).size).toBe(plan.length);
  });

  it("is decided by the seed alone: the same input plans the same guesses, another seed other items and orders", () => {
    expect(planGuesses(input)).toEqual(planGuesses(input));
    const other = planGuesses({ ...input, seed: 8 });
    expect(other.map((g) => g.answerId)).not.toEqual(planGuesses(input).map((g) => g.answerId));
  });

  it("shows the descriptions in a seeded order that covers both", () => {
    const many = { x: answers("x", items(40)), y: answers("y", items(40)), z: answers("z", items(40)) };
    const shown = planGuesses({ ...input, answersPerPair: 40, arms: [{ arm: "active", answers: many }] }).map((g) => g.firstShown);
    expect(shown).toHaveLength(120); // sd of the share at 0.5: 0.046; the bounds are about 3 sd
    const a = shown.filter((s) => s === "a").length;
    expect(a / shown.length).toBeGreaterThan(0.35);
    expect(a / shown.length).toBeLessThan(0.65);
  });

  it("plans fewer when few items are common, nothing at 0 answers per pair, and skips members without a run on the arm", () => {
    expect(planGuesses({ ...input, answersPerPair: 40 }).filter((g) => g.memberA === "x" && g.memberB === "y")).toHaveLength(12);
    expect(planGuesses({ ...input, answersPerPair: 0 })).toEqual([]);
    const odd = planGuesses({ ...input, answersPerPair: 3 }).filter((g) => g.memberA === "x" && g.memberB === "z");
    expect(odd.map((g) => g.author)).toEqual(["x", "z", "x"]);
    const twoArms = planGuesses({ ...input, arms: [...input.arms, { arm: "routed", answers: { x: answers("x", items(5)), z: answers("z", items(5)) } }] });
    expect(twoArms.filter((g) => g.arm === "routed").map((g) => `${g.memberA}-${g.memberB}`)).toEqual(Array(8).fill("x-z"));
  });
});
