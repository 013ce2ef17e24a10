// Multiplicity control for flags raised over many traits or pairs at once.
//
// - Benjamini–Hochberg (1995) q-values control the false discovery rate: of
//   the flags raised, at most a fraction α are false on average. Leakage is
//   tested on every watched trait (8–24), and without control 33–45% of runs
//   raised at least one false leak when the persona moved nothing (issue 11).
//   When every null is true, FDR equals the family-wise error rate, so "any
//   false leak in a run where nothing moved" is held at α too. BH assumes
//   independent or positively dependent tests (PRDS; Benjamini & Yekutieli
//   2001) — reasonable for traits judged on the same answers, whose judge
//   errors (halo) correlate positively.
// - Holm (1979) adjusted p-values control the family-wise error rate under any
//   dependence: use it where a single false claim is costly (declaring a
//   winner among variants, where the pairwise tests share contenders).
//
// Both take p-values with null for "not tested" (kept null, not counted in m).

export type Adjustment = "bh" | "holm";

export type AdjustedDecisions = {
  /** Adjusted p-values (BH q-values or Holm p-values), null where the input was null. */
  adjusted: (number | null)[];
  /** adjusted ≤ alpha. */
  reject: boolean[];
  /** Number of tests counted (non-null p-values). */
  m: number;
};

function tested(pValues: readonly (number | null | undefined)[]): { index: number; p: number }[] {
  return pValues.flatMap((p, index) => (typeof p === "number" && Number.isFinite(p) ? [{ index, p: Math.min(1, Math.max(0, p)) }] : []));
}

/** BH step-up q-values: qᵢ = min over j ≥ i (sorted) of p₍ⱼ₎ · m / j, capped at 1. */
export function benjaminiHochberg(pValues: readonly (number | null | undefined)[], alpha = 0.05): AdjustedDecisions {
  const t = tested(pValues).sort((x, y) => x.p - y.p);
  const m = t.length;
  const adjusted: (number | null)[] = pValues.map(() => null);
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    running = Math.min(running, (t[k].p * m) / (k + 1));
    adjusted[t[k].index] = running;
  }
  return { adjusted, reject: adjusted.map((q) => q !== null && q <= alpha), m };
}

/** Holm step-down adjusted p-values: max over j ≤ i (sorted) of p₍ⱼ₎ · (m − j + 1), capped at 1. */
export function holm(pValues: readonly (number | null | undefined)[], alpha = 0.05): AdjustedDecisions {
  const t = tested(pValues).sort((x, y) => x.p - y.p);
  const m = t.length;
  const adjusted: (number | null)[] = pValues.map(() => null);
  let running = 0;
  for (let k = 0; k < m; k++) {
    running = Math.max(running, Math.min(1, t[k].p * (m - k)));
    adjusted[t[k].index] = running;
  }
  return { adjusted, reject: adjusted.map((q) => q !== null && q <= alpha), m };
}

export function adjustPValues(pValues: readonly (number | null | undefined)[], method: Adjustment = "bh", alpha = 0.05): AdjustedDecisions {
  return method === "holm" ? holm(pValues, alpha) : benjaminiHochberg(pValues, alpha);
}
