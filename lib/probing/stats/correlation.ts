// Answer-level correlations: for each pair of traits, Pearson's r over the
// answers where the judge scored both. This is what the tension heatmap shows:
// a clearly negative r means that, answer by answer, more of one trait comes
// with less of the other.

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

export function correlationMatrix(rows: readonly ScoreRow[], keys: readonly string[]): CorrelationMatrix {
  const size = keys.length;
  const r: (number | null)[][] = Array.from({ length: size }, () => Array<number | null>(size).fill(null));
  const n: number[][] = Array.from({ length: size }, () => Array<number>(size).fill(0));
  for (let i = 0; i < size; i++) {
    for (let j = i; j < size; j++) {
      const c = pearson(rows, keys[i], keys[j]);
      r[i][j] = r[j][i] = c.r;
      n[i][j] = n[j][i] = c.n;
    }
  }
  return { keys: [...keys], r, n };
}

/** The entry for one pair (order does not matter); r null and n 0 for keys not in the matrix. */
export function correlationOf(matrix: CorrelationMatrix, a: string, b: string): { r: number | null; n: number } {
  const i = matrix.keys.indexOf(a);
  const j = matrix.keys.indexOf(b);
  if (i === -1 || j === -1) return { r: null, n: 0 };
  return { r: matrix.r[i][j], n: matrix.n[i][j] };
}
