import { DEFAULT_LEVEL } from "@/lib/probing/stats/summarize";
import { benjaminiHochberg } from "@/lib/probing/methods/multiplicity";
import { incompleteBeta, logGamma } from "@/lib/probing/methods/t-distribution";
import type { DistinguishPair } from "@/lib/probing/panel/report-types";

// Blind distinguishability (issue 13 §4): the judge is shown one answer and two
// members' descriptions (never their prompts) and names the author. Per pair:
// accuracy = correct / n with its exact Clopper–Pearson interval at the report
// level; the one-sided exact binomial p of "the judge does no better than
// chance" (H₀: accuracy ≤ 0.5); BH q-values over the arm's pairs (pairs share
// members and the judge, positively dependent at worst — PRDS, as for leakage).
// A guess naming neither member ("undecided") counts as wrong: declining to
// choose is not telling them apart.
//
// Status: "told apart" when q ≤ α; "not told apart" when the interval's upper
// bound is below 0.75 (the judge is at best weakly better than a coin);
// otherwise "inconclusive". With 8 answers per pair even a coin-flipping judge
// stays "inconclusive" (the upper bound of 4/8 is 0.85): "not told apart"
// needs about 16 answers (8/16 → 0.75) and reads clearly from 24. Calibration
// (tests/unit/panel/distinguish.test.ts): docs/methods.md §12.

export const DISTINGUISH_CHANCE = 0.5;
/** Upper bound of the accuracy interval below which a pair is "not told apart". */
export const NOT_TOLD_APART_BELOW = 0.75;

/** One judgment: `author` wrote the answer; `guess` is the member the judge named (null: neither). */
export type DistinguishGuess = { author: string; guess: string | null };
export type DistinguishInput = { a: string; b: string; guesses: readonly DistinguishGuess[] };
export type DistinguishOptions = { level?: number; alpha?: number };

/** ln C(n, k). */
const logChoose = (n: number, k: number) => logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);

/** P(X ≥ x) for X ~ Binomial(n, p), summed exactly term by term (n is small: tens of answers). */
export function binomialUpperTail(x: number, n: number, p: number): number {
  if (x <= 0) return 1;
  if (x > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  let s = 0;
  for (let k = x; k <= n; k++) s += Math.exp(logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log(1 - p));
  return Math.min(1, s);
}

/** The p-quantile of Beta(a, b), by bisection on the regularised incomplete beta (monotone in x). */
export function betaQuantile(p: number, a: number, b: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  let lo = 0, hi = 1;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (incompleteBeta(mid, a, b) < p) lo = mid; else hi = mid;
    if (hi - lo < 1e-12) break;
  }
  return (lo + hi) / 2;
}

/** Exact (Clopper–Pearson) interval of a binomial proportion: x successes in n; null when n = 0. */
export function clopperPearson(x: number, n: number, level = DEFAULT_LEVEL): { lo: number; hi: number } | null {
  if (!(n > 0)) return null;
  const a = (1 - level) / 2;
  return {
    lo: x <= 0 ? 0 : betaQuantile(a, x, n - x + 1),
    hi: x >= n ? 1 : betaQuantile(1 - a, x + 1, n - x),
  };
}

/** The arm's pairs, each with accuracy, exact interval, p, BH q and status. */
export function distinguishPairs(pairs: readonly DistinguishInput[], options: DistinguishOptions = {}): DistinguishPair[] {
  const level = options.level ?? DEFAULT_LEVEL;
  const alpha = options.alpha ?? 0.05;
  const counted = pairs.map(({ a, b, guesses }) => {
    // Only answers written by one of the pair count (anything else is a caller's mix-up, not a judgment of this pair).
    const own = guesses.filter((g) => g.author === a || g.author === b);
    const correct = own.filter((g) => g.guess === g.author).length;
    const undecided = own.filter((g) => g.guess !== a && g.guess !== b).length;
    const n = own.length;
    return { a, b, n, correct, undecided, p: n > 0 ? binomialUpperTail(correct, n, DISTINGUISH_CHANCE) : null };
  });
  const q = benjaminiHochberg(counted.map((c) => c.p), alpha).adjusted;
  return counted.map((c, k) => {
    const ci = clopperPearson(c.correct, c.n, level);
    const status: DistinguishPair["status"] = q[k] !== null && q[k]! <= alpha ? "told apart"
      : ci && ci.hi < NOT_TOLD_APART_BELOW ? "not told apart" : "inconclusive";
    return {
      a: c.a, b: c.b, n: c.n, correct: c.correct,
      accuracy: { estimate: c.n > 0 ? c.correct / c.n : null, lo: ci?.lo ?? null, hi: ci?.hi ?? null },
      p: c.p, q: q[k], status, undecided: c.undecided,
    };
  });
}
