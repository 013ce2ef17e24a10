// Student's t in closed form (through the regularized incomplete beta function),
// accurate to ~1e-10. stats/distributions.ts has a Cornish–Fisher t quantile
// that is good enough to set bootstrap tail levels, but t-intervals over a
// handful of items, TOST p-values and multiplicity adjustments need the CDF
// itself, and its quantile must be right at 3–5 degrees of freedom
// (t₀.₉₇₅,₃ = 3.182, where Cornish–Fisher gives 3.16).

import { normalCdf, normalQuantile } from "@/lib/probing/stats/distributions";

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; relative error < 1e-13). */
export function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction for the incomplete beta (modified Lentz; Numerical Recipes §6.4). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d; if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c; if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d; h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d; if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c; if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-14) break;
  }
  return h;
}

/** Regularized incomplete beta I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(x, a, b)) / a
    : 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom (df = Infinity → normal). */
export function tCdf(t: number, df: number): number {
  if (!Number.isFinite(df)) return normalCdf(t);
  if (t === 0) return 0.5;
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

/** The p-quantile of Student's t (bisection on tCdf, to 1e-10). */
export function tQuantile(p: number, df: number): number {
  if (!Number.isFinite(df)) return normalQuantile(p);
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantile(1 - p, df);
  let lo = 0;
  let hi = 1;
  while (tCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-10 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (tCdf(mid, df) < p) lo = mid; else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Two-sided p-value of estimate/se against 0 with `df` degrees of freedom.
 * se = 0 gives 0 for a non-zero estimate and 1 for zero (callers apply a
 * variance floor first, so this only happens when they chose not to).
 */
export function twoSidedP(estimate: number, se: number, df: number): number {
  if (se === 0) return estimate === 0 ? 1 : 0;
  const t = estimate / se;
  // Both tails straight from the incomplete beta: 1 − tCdf would lose the digits of tiny p-values.
  if (!Number.isFinite(df)) return Math.min(1, 2 * normalCdf(-Math.abs(t)));
  return Math.min(1, incompleteBeta(df / (df + t * t), df / 2, 0.5));
}

/**
 * p-value of the interval null H0: |true shift| ≤ negligible (a minimum-effect
 * test): the largest chance, over every true shift inside ±negligible, of an
 * estimate at least as far from 0 as this one —
 *   P(T ≥ (|d| − δ)/se) + P(T ≥ (|d| + δ)/se)   (attained at the boundary ±δ).
 * negligible = 0 is the two-sided test of "no shift". Unlike that test, its
 * false alarms stay at α however many items the run asks, as long as the true
 * shift is negligible: a precise estimate of a real 2-point drift is not a leak.
 */
export function minimumEffectP(estimate: number, se: number, df: number, negligible: number): number {
  const d = Math.abs(estimate), delta = Math.max(0, negligible);
  if (se === 0) return d > delta ? 0 : 1;
  const upper = (x: number) => (Number.isFinite(df) ? 1 - tCdf(x, df) : normalCdf(-x));
  // Near-zero tails from the incomplete beta directly (1 − tCdf loses the digits of tiny p-values).
  const tail = (x: number) => (x > 0 && Number.isFinite(df) ? 0.5 * incompleteBeta(df / (df + x * x), df / 2, 0.5) : upper(x));
  return Math.min(1, tail((d - delta) / se) + tail((d + delta) / se));
}
