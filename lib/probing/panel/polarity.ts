import { DEFAULT_THRESHOLDS } from "@/lib/probing/flags/thresholds";
import { DEFAULT_LEVEL } from "@/lib/probing/stats/summarize";
import type { ItemEstimate } from "@/lib/probing/methods/item-landing";
import { equivalenceTest } from "@/lib/probing/methods/equivalence";
import { tCdf, tQuantile } from "@/lib/probing/methods/t-distribution";
import type { VarianceFloor } from "@/lib/probing/methods/variance-floor";
import { contrastT } from "@/lib/probing/panel/intervals";
import type { PanelMatrix } from "@/lib/probing/panel/matrix";

// Polarity pairs (issue 13 §4): two members declared as deliberate opposites on
// an axis. The question is not "do they differ at all?" but "are they at least
// as far apart on their axis as opposites should be?".
//
// Axis: one watched trait, or a direction given as weights over traits. The
// weights are scaled so Σ|w| = 1, so the axis is a weighted average of trait
// differences (a trait's sign says which way it points) and reads in points like
// one trait: members 20 apart on both traits of {warm: 1, blunt: −1}, in
// opposite directions, are 20 apart on the axis.
//
// Statistic: δ = the mean over items of A's item mean minus B's along the axis,
// t-interval over items with the report's floor (paired: both answered the
// item). Minimum: 10 points (the target tolerance, the smallest gap a reader of
// the answers notices).
//
// - Declared direction (`expect: "a>b"` or "a<b"): δ oriented so the expected
//   opposition is positive. **Fails to diverge** when the one-sided test of
//   H₀: δ ≥ minimum rejects at α (the one-sided (1 − α) upper bound is below the
//   minimum — a pair landing the wrong way round fails too). **Diverges** when
//   H₀: δ ≤ minimum rejects (lower bound above the minimum). Else inconclusive.
// - No declared direction: |δ| is what counts; fails when the (1 − 2α) interval
//   lies inside ±minimum (TOST), diverges when it lies wholly beyond ±minimum.
// One test per declared pair; a panel has few (a council of 12 has ~6), so the
// flags are per pair at α, not corrected across pairs (say so when listing).

export const DEFAULT_POLARITY_MINIMUM = DEFAULT_THRESHOLDS.tolerance;

export type PolarityAxis = string | Readonly<Record<string, number>>;
export type PolarityPair = { a: string; b: string; axis: PolarityAxis; expect?: "a>b" | "a<b" };
export type PolarityStatus = "fails to diverge" | "diverges" | "inconclusive";

export type PolarityResult = {
  a: string;
  b: string;
  /** The axis as normalised weights (Σ|w| = 1). */
  weights: Record<string, number>;
  expect: "a>b" | "a<b" | null;
  /** δ (oriented when `expect` is given, else A − B) with its interval at the report level. */
  difference: ItemEstimate;
  status: PolarityStatus;
  minimum: number;
  /** The bounds the decision reads: one-sided (1 − α) bounds, or the (1 − 2α) interval without a direction. */
  testLo: number | null;
  testHi: number | null;
  /** p of "fails to diverge" (H₀: the pair is at least `minimum` apart). */
  p: number | null;
};

export type PolarityOptions = { level?: number; alpha?: number; minimum?: number; floor?: VarianceFloor };

export function axisWeights(axis: PolarityAxis, traits: readonly string[]): Record<string, number> {
  const raw = typeof axis === "string" ? { [axis]: 1 } : axis;
  for (const t of Object.keys(raw)) if (!traits.includes(t)) throw new RangeError(`axis trait ${t} is not watched by the panel`);
  const total = Object.values(raw).reduce((s, w) => s + Math.abs(w), 0);
  if (!(total > 0)) throw new RangeError("axis needs a non-zero weight");
  return Object.fromEntries(Object.entries(raw).filter(([, w]) => w !== 0).map(([t, w]) => [t, w / total]));
}

export function polarityTest(x: PanelMatrix, pair: PolarityPair, options: PolarityOptions = {}): PolarityResult {
  const level = options.level ?? DEFAULT_LEVEL;
  const alpha = options.alpha ?? 0.05;
  const minimum = options.minimum ?? DEFAULT_POLARITY_MINIMUM;
  const i = x.members.indexOf(pair.a), j = x.members.indexOf(pair.b);
  if (i < 0 || j < 0) throw new RangeError(`polarity pair ${pair.a}/${pair.b} is not in the panel`);
  const weights = axisWeights(pair.axis, x.traits);
  const direction = x.traits.map((t) => weights[t] ?? 0);
  const sign = pair.expect === "a<b" ? -1 : 1;
  const difference = contrastT(x, new Map([[i, sign], [j, -sign]]), direction, { level, floor: options.floor });
  const base = { a: pair.a, b: pair.b, weights, expect: pair.expect ?? null, difference, minimum };
  if (difference.estimate === null || difference.se === null) return { ...base, status: "inconclusive", testLo: null, testHi: null, p: null };
  const { estimate, se, df } = difference;
  if (!pair.expect) {
    const e = equivalenceTest({ estimate, se, df }, minimum, alpha);
    const status: PolarityStatus = e.decision === "equivalent" ? "fails to diverge" : e.decision === "not equivalent" ? "diverges" : "inconclusive";
    return { ...base, status, testLo: e.lo, testHi: e.hi, p: e.p };
  }
  const q = tQuantile(1 - alpha, df);
  const testLo = estimate - q * se, testHi = estimate + q * se;
  const status: PolarityStatus = testHi < minimum ? "fails to diverge" : testLo > minimum ? "diverges" : "inconclusive";
  return { ...base, status, testLo, testHi, p: tCdf((estimate - minimum) / se, df) };
}
