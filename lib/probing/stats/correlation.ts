import { itemMoments, MIN_DF, MIN_ITEMS } from "@/lib/probing/methods/within-item-correlation";
import type { ItemAnswer } from "@/lib/probing/methods/items";

// Correlations between traits, two kinds:
// - withinItemMatrix (what the report's heatmap shows, issue 11 §2): for each
//   pair, the pooled within-item r — every answer's scores minus its item's
//   means, pooled over items (methods/within-item-correlation.ts). Library items
//   are written to give one trait room, which drives the two traits' item means
//   apart; over all answers that reads as a trade-off the persona does not have
//   (pooled r −0.73 where the within-item r was 0 in the issue-11 review). Within
//   an item the prompt is fixed, so what co-varies there is the model's answer.
//   Pool answers of one run only (one persona, one model).
// - correlationMatrix: Pearson's r over all answers scoring both (answer-level),
//   kept for comparisons; no flag reads it.

export type ScoreRow = Readonly<Record<string, number | null | undefined>>;

export type CorrelationMatrix = {
  keys: string[];
  /** r[i][j]; null when fewer than MIN_PAIRS answers score both, or either is constant. */
  r: (number | null)[][];
  /** Answers that scored both traits. */
  n: number[][];
};

export const MIN_PAIRS = 3;

const isScore = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v);

export function pearson(rows: readonly ScoreRow[], a: string, b: string): { r: number | null; n: number } {
  let n = 0, sa = 0, sb = 0;
  for (const row of rows) {
    const x = row[a], y = row[b];
    if (isScore(x) && isScore(y)) { n++; sa += x; sb += y; }
  }
  if (n < MIN_PAIRS) return { r: null, n };
  const ma = sa / n, mb = sb / n;
  let cov = 0, va = 0, vb = 0;
  for (const row of rows) {
    const x = row[a], y = row[b];
    if (!isScore(x) || !isScore(y)) continue;
    cov += (x - ma) * (y - mb);
    va += (x - ma) ** 2;
    vb += (y - mb) ** 2;
  }
  if (va === 0 || vb === 0) return { r: null, n };
  return { r: Math.max(-1, Math.min(1, cov / Math.sqrt(va * vb))), n };
}

/** A symmetric matrix over `keys`, each pair (and diagonal) computed once. */
function symmetricMatrix(keys: readonly string[], pair: (a: string, b: string) => { r: number | null; n: number }): CorrelationMatrix {
  const size = keys.length;
  const r: (number | null)[][] = Array.from({ length: size }, () => Array<number | null>(size).fill(null));
  const n: number[][] = Array.from({ length: size }, () => Array<number>(size).fill(0));
  for (let i = 0; i < size; i++) {
    for (let j = i; j < size; j++) {
      const c = pair(keys[i], keys[j]);
      r[i][j] = r[j][i] = c.r;
      n[i][j] = n[j][i] = c.n;
    }
  }
  return { keys: [...keys], r, n };
}

export function correlationMatrix(rows: readonly ScoreRow[], keys: readonly string[]): CorrelationMatrix {
  return symmetricMatrix(keys, (a, b) => pearson(rows, a, b));
}

/** The entry for one pair (order does not matter); r null and n 0 for keys not in the matrix. */
export function correlationOf(matrix: CorrelationMatrix, a: string, b: string): { r: number | null; n: number } {
  const i = matrix.keys.indexOf(a);
  const j = matrix.keys.indexOf(b);
  if (i === -1 || j === -1) return { r: null, n: 0 };
  return { r: matrix.r[i][j], n: matrix.n[i][j] };
}

/**
 * Pooled within-item r for every pair of keys. `n` = answers in items with ≥ 2
 * answers scoring both (the answers that carry within-item information); r is
 * null with fewer than 3 such items, fewer than 5 residual degrees of freedom
 * (answers − items), or a trait constant within every item.
 */
export function withinItemMatrix(answers: readonly ItemAnswer[], keys: readonly string[]): CorrelationMatrix {
  return symmetricMatrix(keys, (a, b) => {
    const moments = itemMoments(answers, a, b);
    let sxx = 0, syy = 0, sxy = 0, count = 0;
    for (const m of moments) { sxx += m.sxx; syy += m.syy; sxy += m.sxy; count += m.n; }
    const enough = moments.length >= MIN_ITEMS && count - moments.length >= MIN_DF && sxx > 0 && syy > 0;
    return { r: enough ? Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))) : null, n: count };
  });
}
