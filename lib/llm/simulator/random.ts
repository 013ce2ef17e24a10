// Deterministic randomness for the simulator. Nothing here touches Math.random:
// the same inputs must always give the same answer, because the simulator is the
// ground truth that probe tests are checked against.

/** FNV-1a over the parts joined by a separator that cannot appear in numbers. */
export function hashString(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  const s = parts.map(String).join("\u241f");
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // One avalanche round so neighbouring inputs do not give neighbouring seeds.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** mulberry32: a tiny 32-bit PRNG with good enough statistics for phrasing choices. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with an injected PRNG (returns a new array). */
export function shuffled<T>(items: readonly T[], rand: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export function pick<T>(items: readonly T[], rand: () => number): T {
  return items[Math.floor(rand() * items.length)];
}

/**
 * Step sizes of the R_d low-discrepancy sequence (Roberts 2018): α_k = φ_d^{-k}
 * where φ_d is the positive root of x^{d+1} = x + 1. Successive points
 * frac(shift + n·α) fill [0,1)^d far more evenly than independent draws.
 */
export function rdSteps(d: number): number[] {
  let phi = 1.5;
  for (let i = 0; i < 60; i++) phi -= (phi ** (d + 1) - phi - 1) / ((d + 1) * phi ** d - 1);
  return Array.from({ length: d }, (_, k) => (1 / phi) ** (k + 1));
}

const frac = (x: number) => x - Math.floor(x);

/** Point n of a randomly shifted R_d sequence: marginally uniform on [0,1)^d. */
export function rdPoint(n: number, shift: readonly number[], steps: readonly number[]): number[] {
  return steps.map((a, k) => frac(shift[k] + n * a));
}

/**
 * Inverse of the standard normal CDF (Acklam's rational approximation,
 * relative error < 1.2e-9) — turns uniform points into N(0,1) draws.
 */
export function normalQuantile(p: number): number {
  const q = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (q < lo || q > 1 - lo) {
    const r = Math.sqrt(-2 * Math.log(q < lo ? q : 1 - q));
    const x = (((((c[0] * r + c[1]) * r + c[2]) * r + c[3]) * r + c[4]) * r + c[5]) / ((((d[0] * r + d[1]) * r + d[2]) * r + d[3]) * r + 1);
    return q < lo ? x : -x;
  }
  const r = q - 0.5;
  const s = r * r;
  return ((((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * r) /
    (((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1);
}
