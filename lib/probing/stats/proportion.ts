import { normalQuantile } from "@/lib/probing/stats/distributions";

// A pass rate with its interval (issue 12 §3: checks). Wilson's score interval,
// not the Wald p ± z·√(p(1−p)/n): Wald collapses to a zero-width interval at
// 0/n and n/n and undercovers badly for small n, which is exactly where a
// designer's handful of checks lives (20 graded pairs, most of them passing).
// Wilson stays inside [0, 1] and is not degenerate at the ends.

export type PassRate = {
  passed: number;
  total: number;
  /** passed / total; null when nothing was graded. */
  rate: number | null;
  lo: number | null;
  hi: number | null;
};

/** Wilson's score interval for `passed` successes in `total` trials; null bounds when total is 0. */
export function wilsonInterval(passed: number, total: number, level = 0.95): { lo: number; hi: number } | null {
  if (total <= 0) return null;
  const z = normalQuantile(1 - (1 - level) / 2);
  const p = passed / total;
  const z2n = (z * z) / total;
  const denom = 1 + z2n;
  const center = (p + z2n / 2) / denom;
  const half = (z * Math.sqrt(p * (1 - p) / total + z2n / (4 * total))) / denom;
  // Exactly 0 at 0/n and 1 at n/n in exact arithmetic; clamp the rounding.
  return { lo: Math.max(0, center - half), hi: Math.min(1, center + half) };
}

/** A pass count with its rate and Wilson 95% interval. */
export function passRate(passed: number, total: number): PassRate {
  const ci = wilsonInterval(passed, total);
  return { passed, total, rate: total > 0 ? passed / total : null, lo: ci?.lo ?? null, hi: ci?.hi ?? null };
}
