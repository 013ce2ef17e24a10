// Where members sit relative to each other, from their landing vectors
// (member × watched trait, 0–100). Pure point computations; intervals come
// from resampling items around them (divergence.ts, gain.ts).

/**
 * Distance between two landing vectors in points: the root mean square of the
 * per-trait differences, ‖a − b‖ / √T. It reads on the 0–100 scale whatever
 * the number of watched traits: members 10 points apart on every trait are 10
 * apart; 20 apart on one trait of four, 10.
 */
export function memberDistance(a: readonly number[], b: readonly number[]): number {
  let ss = 0;
  for (let j = 0; j < a.length; j++) ss += (a[j] - b[j]) ** 2;
  return a.length ? Math.sqrt(ss / a.length) : 0;
}

export function distanceMatrix(landings: readonly (readonly number[])[]): number[][] {
  return landings.map((a) => landings.map((b) => memberDistance(a, b)));
}

/** Mean over the k(k−1)/2 pairs (0 for fewer than two members). */
export function meanPairDistance(d: readonly (readonly number[])[]): number {
  let s = 0, n = 0;
  for (let i = 0; i < d.length; i++) for (let j = i + 1; j < d.length; j++) { s += d[i][j]; n++; }
  return n ? s / n : 0;
}

/** Default similarity scale (points): the target tolerance, the smallest gap a reader notices. */
export const DEFAULT_SIMILARITY_SCALE = 10;

/**
 * Effective number of distinct positions: Leinster–Cobbold similarity-sensitive
 * diversity of order 2 with every member weighted 1/k and similarity
 * Z_ij = exp(−d_ij / scale):
 *
 *   D = 1 / (pᵀ Z p) = k² / Σᵢⱼ Zᵢⱼ.
 *
 * k identical members → every Z = 1 → D = 1. k members far apart (d ≫ scale) →
 * Z ≈ I → D ≈ k. Two groups of identical members → 2 when far apart (the
 * count of positions, not of members; with unequal group sizes, the inverse
 * Simpson number of the group shares, e.g. 1.6 for 4 + 1). In between it
 * grows smoothly with distance: two members one scale (10 points) apart count
 * as 2/(1 + e⁻¹) = 1.46 positions, two scales 1.76, three 1.90. Order 2 (not
 * 1) because it is a closed form a reader can check and the most robust to one
 * outlying member.
 */
export function effectivePositions(d: readonly (readonly number[])[], scale = DEFAULT_SIMILARITY_SCALE): number {
  const k = d.length;
  if (k === 0) return 0;
  if (!(scale > 0)) throw new RangeError("similarity scale must be > 0");
  let s = 0;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) s += i === j ? 1 : Math.exp(-d[i][j] / scale);
  return (k * k) / s;
}

/** Eigen-decomposition of a small symmetric matrix (cyclic Jacobi); eigenvalues descending, vectors as columns. */
export function symmetricEigen(input: readonly (readonly number[])[]): { values: number[]; vectors: number[][] } {
  const n = input.length;
  const a = input.map((r) => [...r]);
  const v: number[][] = a.map((_, i) => a.map((__, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p][q] ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(a[p][q]) < 1e-300) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k][p], akq = a[k][q];
          a[k][p] = c * akp - s * akq; a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p][k], aqk = a[q][k];
          a[p][k] = c * apk - s * aqk; a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p], vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq; v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = a.map((r, i) => ({ value: r[i], i })).sort((x, y) => y.value - x.value || x.i - y.i);
  return { values: order.map((o) => o.value), vectors: v.map((row) => order.map((o) => row[o.i])) };
}

export type PanelMap = {
  /** Per member, in input order: [x, y] in points (map distances approximate memberDistance). */
  coordinates: [number, number][];
  /** Share of the members' total spread the two axes show (1 = the map is exact; null when all coincide). */
  explained: number | null;
};

/**
 * A 2-D map of the members: classical (Torgerson) MDS of the landing vectors,
 * which for Euclidean distances is PCA of the centred vectors — computed on
 * the k × k Gram matrix, so it costs nothing for any number of traits.
 * Coordinates are scaled by 1/√T, so straight-line distances on the map
 * approximate the report's distances in points. `explained` = (λ₁ + λ₂)/Σλ:
 * the UI should say how faithful the map is ("the map shows 83% of how the
 * members differ"). Orientation is fixed (an eigenvector's sign is
 * arbitrary): each axis is flipped so that the first member not at 0 on it has
 * a positive coordinate, so the same data always draw the same map.
 */
export function panelMap(landings: readonly (readonly number[])[]): PanelMap {
  const k = landings.length;
  const t = landings[0]?.length ?? 0;
  if (k === 0) return { coordinates: [], explained: null };
  const centre = Array.from({ length: t }, (_, j) => landings.reduce((s, l) => s + l[j], 0) / k);
  const x = landings.map((l) => l.map((v, j) => (v - centre[j]) / Math.sqrt(t || 1)));
  const gram = x.map((a) => x.map((b) => a.reduce((s, v, j) => s + v * b[j], 0)));
  const { values, vectors } = symmetricEigen(gram);
  const total = values.reduce((s, v) => s + Math.max(0, v), 0);
  const tiny = 1e-9 * Math.max(1, total);
  const axis = (a: number) => {
    const lambda = values[a] ?? 0;
    if (!(lambda > tiny)) return landings.map(() => 0);
    const col = vectors.map((row) => row[a] * Math.sqrt(lambda));
    const first = col.find((c) => Math.abs(c) > 1e-9 * Math.sqrt(lambda));
    return first !== undefined && first < 0 ? col.map((c) => -c) : col;
  };
  const ax = axis(0), ay = axis(1);
  const shown = Math.max(0, values[0] ?? 0) + Math.max(0, values[1] ?? 0);
  return {
    coordinates: landings.map((_, i) => [ax[i] + 0, ay[i] + 0] as [number, number]),
    explained: total > tiny ? Math.min(1, shown / total) : null,
  };
}
