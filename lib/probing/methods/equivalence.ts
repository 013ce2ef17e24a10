import { tCdf, tQuantile } from "@/lib/probing/methods/t-distribution";

// Equivalence by two one-sided tests (TOST; Schuirmann 1987, Lakens 2017),
// behind any "no leakage" statement. Failing to find a shift is not evidence
// of no shift: a wide interval around 0 is ignorance. "No leakage" needs the
// shift shown to lie within ±δ, δ the smallest shift that would matter (the
// leakage threshold, 8 points by default in the flags).
//
//   H₀⁻: Δ ≤ −δ  vs  Δ > −δ      p⁻ = P(T > (Δ̂ + δ)/SE)
//   H₀⁺: Δ ≥ +δ  vs  Δ < +δ      p⁺ = P(T < (Δ̂ − δ)/SE)
//
// Equivalent when both reject at α (p_TOST = max(p⁻, p⁺) ≤ α), which is the
// same as the (1 − 2α) interval — 90% for α = 0.05 — lying inside (−δ, δ).
// Not equivalent when that interval lies wholly beyond +δ or −δ (the shift is
// shown to exceed the margin). Anything else is inconclusive: measure more
// items before saying either.
//
// Input: the estimate with its SE and df (the t-interval's, df = items − 1,
// or df omitted for a normal approximation), or with an interval at a stated
// level; an interval is turned back into an SE assuming it is symmetric
// (estimate ± q·SE), so pass the t-interval's rather than a skewed bootstrap's.

export type EquivalenceDecision = "equivalent" | "not equivalent" | "inconclusive";

export type EquivalenceInput =
  | { estimate: number; se: number; df?: number }
  | { estimate: number; lo: number; hi: number; level?: number; df?: number };

export type EquivalenceResult = {
  decision: EquivalenceDecision;
  margin: number;
  /** p-values of the two one-sided tests and the TOST p-value (their max). */
  pLower: number;
  pUpper: number;
  p: number;
  /** The (1 − 2α) interval the decision reads. */
  lo: number;
  hi: number;
  se: number;
  df: number;
};

export function standardError(input: EquivalenceInput): number {
  if ("se" in input) return input.se;
  const q = tQuantile(1 - (1 - (input.level ?? 0.95)) / 2, input.df ?? Infinity);
  return (input.hi - input.lo) / 2 / q;
}

export function equivalenceTest(input: EquivalenceInput, margin: number, alpha = 0.05): EquivalenceResult {
  if (!(margin > 0)) throw new RangeError("equivalence margin must be > 0");
  const df = input.df ?? Infinity;
  const se = standardError(input);
  const est = input.estimate;
  const q = tQuantile(1 - alpha, df);
  let pLower: number, pUpper: number;
  if (se > 0) {
    pLower = 1 - tCdf((est + margin) / se, df);
    pUpper = tCdf((est - margin) / se, df);
  } else {
    pLower = est > -margin ? 0 : 1;
    pUpper = est < margin ? 0 : 1;
  }
  const lo = est - q * se;
  const hi = est + q * se;
  const decision: EquivalenceDecision =
    lo > -margin && hi < margin ? "equivalent" : lo > margin || hi < -margin ? "not equivalent" : "inconclusive";
  return { decision, margin, pLower, pUpper, p: Math.max(pLower, pUpper), lo, hi, se, df };
}
