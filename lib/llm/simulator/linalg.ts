// The only linear algebra the simulator needs: dot products and one small
// symmetric positive-definite solve (K×K, K = number of factors). Written out
// so the inference rule in infer.ts is inspectable end to end.

export type Vector = number[];
export type Matrix = number[][];

export function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

export function norm(a: readonly number[]): number {
  return Math.sqrt(dot(a, a));
}

export function cosine(a: readonly number[], b: readonly number[]): number {
  return dot(a, b) / (norm(a) * norm(b));
}

/**
 * Solves A·x = b by Gaussian elimination with partial pivoting. A is copied,
 * never mutated. The ridge term makes A positive definite, so a zero pivot
 * means a programming error, not bad user input.
 */
export function solve(A: readonly (readonly number[])[], b: readonly number[]): Vector {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(M[r][col]) > Math.abs(M[pivot][col])) pivot = r;
    if (Math.abs(M[pivot][col]) < 1e-12) throw new Error("solve: singular matrix");
    [M[col], M[pivot]] = [M[pivot], M[col]];
    for (let r = col + 1; r < n; r++) {
      const f = M[r][col] / M[col][col];
      if (f === 0) continue;
      for (let c = col; c <= n; c++) M[r][c] -= f * M[col][c];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r][n];
    for (let c = r + 1; c < n; c++) s -= M[r][c] * x[c];
    x[r] = s / M[r][r];
  }
  return x;
}
