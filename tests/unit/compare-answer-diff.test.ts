import { describe, expect, it } from "vitest";
import { describeAnswerDiff, diffAnswers } from "@/lib/compare/answer-diff";

// The compare workbench marks, in each of two answers, the words the other one lacks.

const text = (segs: { text: string }[]) => segs.map((s) => s.text).join("");
const marked = (segs: { text: string; changed: boolean }[]) => segs.filter((s) => s.changed).map((s) => s.text);

describe("diffAnswers", () => {
  it("keeps each answer's own text, whole and in order", () => {
    const a = "Take a breath. Tell me where it hurts.";
    const b = "Sit down. Tell me where it hurts, and since when.";
    const d = diffAnswers(a, b);
    expect(text(d.left)).toBe(a);
    expect(text(d.right)).toBe(b);
  });

  it("marks the words only one side has, on that side", () => {
    const d = diffAnswers("The refund takes five days.", "The refund takes ten days.");
    expect(marked(d.left)).toEqual(["five"]);
    expect(marked(d.right)).toEqual(["ten"]);
    expect(d.onlyLeft).toBe(1);
    expect(d.onlyRight).toBe(1);
    expect(d.identical).toBe(false);
  });

  it("marks nothing when the answers are the same", () => {
    const d = diffAnswers("Same words here.", "Same words here.");
    expect(d.identical).toBe(true);
    expect(marked(d.left)).toEqual([]);
    expect(marked(d.right)).toEqual([]);
    expect(describeAnswerDiff(d, "Draft", "v1")).toBe("The two answers are identical.");
  });

  it("does not mark a change of whitespace alone", () => {
    const d = diffAnswers("one two\nthree", "one two three");
    expect(marked(d.left)).toEqual([]);
    expect(marked(d.right)).toEqual([]);
  });

  it("marks a whole answer when one side is empty", () => {
    const d = diffAnswers("", "Only I spoke.");
    expect(d.left).toEqual([]);
    expect(marked(d.right)).toEqual(["Only I spoke."]);
    expect(d.onlyRight).toBe(3);
  });

  it("starts and ends every mark on a word, never on a space", () => {
    const d = diffAnswers("I very often stick to it.", "I usually stick to it.");
    expect(marked(d.left)).toEqual(["very often"]);
    expect(marked(d.right)).toEqual(["usually"]);
    expect(text(d.left)).toBe("I very often stick to it.");
  });

  it("merges neighbouring segments of the same kind", () => {
    const d = diffAnswers("a b c d", "a x y d");
    for (const side of [d.left, d.right]) {
      for (let i = 1; i < side.length; i++) expect(side[i].changed).not.toBe(side[i - 1].changed);
    }
    expect(marked(d.right)).toEqual(["x y"]);
    expect(describeAnswerDiff(d, "A", "B")).toBe("2 words only in A, 2 words only in B.");
  });
});
