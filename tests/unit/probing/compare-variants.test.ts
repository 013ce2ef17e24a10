import { describe, expect, it } from "vitest";
import { MIN_WIN_DIFFERENCE, rankVariants, type VariantInput } from "@/lib/probing/compare";
import { variantBatchSchema } from "@/lib/schemas/variant";
import { reportOf, runAnswers, world, type World } from "@/tests/unit/probing/compare-helpers";

// Variant standings on paired intervals: two variants that behave the same are
// "no clear winner" (the old ranking named whichever point estimate was lower),
// clearly separated ones have a winner with its margin and interval.

const TARGETS = { empathetic: 90, firm: 90 };

function contender(w: World, id: string, arm: Record<string, number>, seed: number, status = "completed"): VariantInput {
  const answers = runAnswers(w, arm, seed);
  return { runId: id, name: id, variantId: id, status, report: reportOf(answers, TARGETS), answers };
}

describe("identical variants", () => {
  it("are 'no clear winner', with the reason, even when one point estimate is lower", () => {
    const w = world(["empathetic", "firm"], 10);
    const ranked = rankVariants([contender(w, "A", { empathetic: 72, firm: 70 }, 1), contender(w, "B", { empathetic: 72, firm: 70 }, 2)], TARGETS);
    const [x, y] = ranked.standings;
    expect(x.meanGap).not.toBe(y.meanGap); // noise alone separates the point estimates
    expect(ranked.final).toBe(true);
    expect(ranked.winner).toBeNull();
    expect(ranked.verdict.state).toBe("no clear winner");
    expect(ranked.verdict.reason).toMatch(/^No clear winner: .*99% interval -?\d+\.\d to -?\d+\.\d/);
    expect(ranked.verdict.topGroup.sort()).toEqual(["A", "B"]);
    expect(ranked.comparisons).toHaveLength(1);
    expect(ranked.comparisons[0].lo!).toBeLessThan(ranked.comparisons[0].hi!);
    expect(standingsSchemaOk(ranked)).toBe(true);
  });

  it("are called a winner in at most 5% of 200 seeded worlds", () => {
    let wins = 0;
    for (let s = 0; s < 200; s++) {
      const w = world(["empathetic", "firm"], 1000 + s);
      const arm = { empathetic: 60 + (s % 30), firm: 65 };
      if (rankVariants([contender(w, "A", arm, 2 * s), contender(w, "B", arm, 2 * s + 1)], TARGETS).winner) wins++;
    }
    // Decided at 99%: about 1% by construction (measured 0.9% over 2,000 pairs).
    expect(wins).toBeLessThanOrEqual(6);
  });

  it("identical answers (a cached run) are not a win either: the floor keeps the interval open", () => {
    const w = world(["empathetic", "firm"], 11);
    const a = contender(w, "A", { empathetic: 72, firm: 70 }, 5);
    const ranked = rankVariants([a, { ...a, runId: "B", name: "B" }], TARGETS);
    expect(ranked.winner).toBeNull();
    expect(ranked.comparisons[0]).toMatchObject({ difference: 0 });
  });
});

describe("clearly separated variants", () => {
  const w = world(["empathetic", "firm"], 12);

  it("have a winner with its margin and interval, ranked first", () => {
    const ranked = rankVariants([contender(w, "far", { empathetic: 60, firm: 62 }, 1), contender(w, "near", { empathetic: 84, firm: 86 }, 2)], TARGETS);
    expect(ranked.winner).toBe("near");
    expect(ranked.standings[0]).toMatchObject({ runId: "near", inTopGroup: true });
    expect(ranked.standings[1]).toMatchObject({ runId: "far", inTopGroup: false });
    const m = ranked.verdict.margin!;
    expect(ranked.verdict.state).toBe("winner");
    expect(m.rival).toBe("far");
    expect(m.estimate).toBeGreaterThan(15);
    expect(m.lo).toBeGreaterThan(MIN_WIN_DIFFERENCE - 2);
    expect(m.lo).toBeLessThan(m.estimate);
    expect(ranked.verdict.reason).toMatch(/^“near” lands closer than “far”: by \d+\.\d points of mean distance \(99% interval/);
  });

  it("names no winner among three when two of them are not apart, and shows that pair in the reason", () => {
    const ranked = rankVariants([
      contender(w, "far", { empathetic: 55, firm: 55 }, 3),
      contender(w, "near1", { empathetic: 84, firm: 86 }, 4),
      contender(w, "near2", { empathetic: 84, firm: 86 }, 5),
    ], TARGETS);
    expect(ranked.winner).toBeNull();
    expect(ranked.verdict.topGroup.sort()).toEqual(["near1", "near2"]);
    expect(ranked.verdict.reason).toMatch(/“near1”, “near2” are not clearly apart|“near2”, “near1” are not clearly apart/);
    expect(ranked.standings.at(-1)!.runId).toBe("far");
  });

  it("waits for every run before naming one", () => {
    const ranked = rankVariants([contender(w, "far", { empathetic: 60, firm: 62 }, 1), contender(w, "near", { empathetic: 84, firm: 86 }, 2, "running")], TARGETS);
    expect(ranked.winner).toBeNull();
    expect(ranked.verdict.state).toBe("pending");
  });
});

function standingsSchemaOk(ranked: ReturnType<typeof rankVariants>): boolean {
  return variantBatchSchema.pick({ standings: true, verdict: true, comparisons: true, winner: true, final: true })
    .safeParse(ranked).success;
}
