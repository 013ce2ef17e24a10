import { describe, expect, it } from "vitest";
import { mulberry32, type Rng } from "@/lib/probing/random";
import {
  betaQuantile, binomialUpperTail, clopperPearson, distinguishPairs, type DistinguishGuess,
} from "@/lib/probing/panel/distinguish";

// Blind distinguishability: exact binomial tails and Clopper–Pearson intervals,
// BH over an arm's pairs. The calibration figures below are quoted in
// docs/methods.md §12 (printed with `--reporter verbose` in the test names).

/** n guesses, half by a and half by b; each correct with probability `accuracy`, else the other member. */
function guesses(rng: Rng, n: number, accuracy: number, a = "a", b = "b"): DistinguishGuess[] {
  return Array.from({ length: n }, (_, i) => {
    const author = i % 2 === 0 ? a : b;
    const other = author === a ? b : a;
    return { author, guess: rng() < accuracy ? author : other };
  });
}

/** An arm of `members` members (all pairs), every pair judged with the same accuracy. */
function arm(rng: Rng, members: number, n: number, accuracy: number) {
  const keys = Array.from({ length: members }, (_, i) => `m${i}`);
  const pairs = [];
  for (let i = 0; i < members; i++) for (let j = i + 1; j < members; j++) pairs.push({ a: keys[i], b: keys[j], guesses: guesses(rng, n, accuracy, keys[i], keys[j]) });
  return distinguishPairs(pairs);
}

function toldApartShare(seed: number, members: number, arms: number, n: number, accuracy: number) {
  const rng = mulberry32(seed);
  let told = 0, total = 0;
  for (let k = 0; k < arms; k++) for (const p of arm(rng, members, n, accuracy)) { total++; if (p.status === "told apart") told++; }
  return { share: told / total, total };
}

/** Exact coverage of the Clopper–Pearson interval at true accuracy p: Σ over x of P(x) · [p inside the interval]. */
function exactCoverage(n: number, p: number) {
  let c = 0;
  for (let x = 0; x <= n; x++) {
    const ci = clopperPearson(x, n)!;
    if (ci.lo <= p && p <= ci.hi) c += binomialUpperTail(x, n, p) - binomialUpperTail(x + 1, n, p);
  }
  return c;
}

describe("exact binomial and Clopper–Pearson", () => {
  it("matches hand-computed tails and known intervals", () => {
    expect(binomialUpperTail(8, 8, 0.5)).toBeCloseTo(1 / 256, 12);
    expect(binomialUpperTail(7, 8, 0.5)).toBeCloseTo(9 / 256, 12);
    expect(binomialUpperTail(12, 16, 0.5)).toBeCloseTo(2517 / 65536, 12);
    expect(binomialUpperTail(0, 16, 0.5)).toBe(1);
    // R: binom.test(4, 8)$conf.int = 0.1570128 0.8429872. 8/16: the upper bound p solves P(X ≤ 8 | 16, p) = 0.025.
    expect(clopperPearson(4, 8)!.lo).toBeCloseTo(0.1570128, 6);
    expect(clopperPearson(4, 8)!.hi).toBeCloseTo(0.8429872, 6);
    expect(clopperPearson(8, 16)!.hi).toBeCloseTo(0.7534899, 6);
    expect(clopperPearson(0, 10)).toEqual({ lo: 0, hi: expect.closeTo(0.3084971, 6) });
    expect(clopperPearson(10, 10)!.hi).toBe(1);
    expect(clopperPearson(0, 0)).toBeNull();
    expect(betaQuantile(0.5, 1, 1)).toBeCloseTo(0.5, 10);
  });

  // Clopper–Pearson is conservative: exact coverage (summed over the binomial, no simulation) is ≥ the level.
  const cells = [8, 16].flatMap((n) => [0.5, 0.7, 0.9].map((p) => ({ n, p, coverage: exactCoverage(n, p) })));
  for (const { n, p, coverage } of cells) {
    it(`covers the true accuracy ${p} at n = ${n}: exact coverage ${(100 * coverage).toFixed(1)}% (≥ 95%)`, () => {
      expect(coverage).toBeGreaterThanOrEqual(0.95);
    });
  }

  it("has simulated coverage ≥ 95% too (the interval as distinguishPairs reports it)", () => {
    const rng = mulberry32(7);
    for (const n of [8, 16]) for (const p of [0.5, 0.7, 0.9]) {
      let hit = 0;
      for (let k = 0; k < 2000; k++) {
        const [r] = distinguishPairs([{ a: "a", b: "b", guesses: guesses(rng, n, p) }]);
        if (r.accuracy.lo! <= p && p <= r.accuracy.hi!) hit++;
      }
      expect(hit / 2000).toBeGreaterThanOrEqual(0.94); // Monte Carlo error ±0.5% around exact ≥ 95%
    }
  });
});

describe("distinguishPairs", () => {
  it("counts correct answers, undecided ones as wrong, and ignores answers by neither member", () => {
    const [r] = distinguishPairs([{
      a: "a", b: "b",
      guesses: [
        { author: "a", guess: "a" }, { author: "b", guess: "b" }, { author: "a", guess: "b" },
        { author: "b", guess: null }, { author: "b", guess: "c" }, { author: "c", guess: "c" },
      ],
    }]);
    expect(r).toMatchObject({ a: "a", b: "b", n: 5, correct: 2, undecided: 2 });
    expect(r.accuracy.estimate).toBeCloseTo(0.4, 12);
    expect(r.p).toBeCloseTo(binomialUpperTail(2, 5, 0.5), 12);
  });

  it("gives null accuracy, p and q with no guesses (distinguishability off or not run yet)", () => {
    const [r] = distinguishPairs([{ a: "a", b: "b", guesses: [] }]);
    expect(r).toEqual({ a: "a", b: "b", n: 0, correct: 0, accuracy: { estimate: null, lo: null, hi: null }, p: null, q: null, status: "inconclusive", undecided: 0 });
  });

  it("adjusts p over the arm's pairs (BH) and reads status from q and the interval", () => {
    const all = (a: string, b: string, n: number, correct: number) => ({
      a, b, guesses: Array.from({ length: n }, (_, i) => ({ author: i % 2 ? a : b, guess: i < correct ? (i % 2 ? a : b) : (i % 2 ? b : a) })),
    });
    const r = distinguishPairs([all("a", "b", 16, 16), all("a", "c", 40, 20), all("b", "c", 8, 5)]);
    expect(r[0].status).toBe("told apart");
    expect(r[0].q).toBeCloseTo(Math.min(1, (r[0].p! * 3) / 1), 12);
    expect(r[1].status).toBe("not told apart"); // 20/40: upper bound 0.66 < 0.75
    expect(r[2].status).toBe("inconclusive"); // 5/8: could be either
  });

  // Calibration at chance: the judge flips a coin. Arms of 4 members (6 pairs, BH over them) and single pairs.
  for (const n of [8, 16, 40]) {
    const inArms = toldApartShare(100 + n, 4, 200, n, 0.5);
    const alone = toldApartShare(200 + n, 2, 1200, n, 0.5);
    it(`at chance, n = ${n}: ${(100 * inArms.share).toFixed(1)}% of ${inArms.total} pairs in 4-member arms and ${(100 * alone.share).toFixed(1)}% of ${alone.total} lone pairs "told apart" (≤ 5%)`, () => {
      expect(inArms.total).toBeGreaterThanOrEqual(1000);
      expect(inArms.share).toBeLessThanOrEqual(0.05);
      expect(alone.share).toBeLessThanOrEqual(0.05);
    });
  }

  const lone = toldApartShare(300, 2, 1000, 16, 0.9);
  const crowd = toldApartShare(301, 4, 200, 16, 0.9);
  it(`a judge right 90% of the time at n = 16 tells the pair apart ${(100 * lone.share).toFixed(1)}% of the time alone, ${(100 * crowd.share).toFixed(1)}% in 4-member arms`, () => {
    expect(lone.share).toBeGreaterThan(0.9);
    expect(crowd.share).toBeGreaterThan(0.9);
  });

  const weak = toldApartShare(302, 2, 1000, 16, 0.7);
  const chance24 = (() => {
    const rng = mulberry32(303);
    let c = 0;
    for (let k = 0; k < 1000; k++) if (distinguishPairs([{ a: "a", b: "b", guesses: guesses(rng, 24, 0.5) }])[0].status === "not told apart") c++;
    return c / 1000;
  })();
  it(`(figures) 70% judge at n = 16 told apart ${(100 * weak.share).toFixed(1)}%; coin-flip judge at n = 24 "not told apart" ${(100 * chance24).toFixed(1)}%`, () => {
    expect(weak.share).toBeGreaterThan(0);
    expect(chance24).toBeGreaterThan(0.3);
  });
});
