// Deterministic randomness for the simulator. Nothing here touches Math.random:
// the same inputs must always give the same answer, because the simulator is the
// ground truth that probe tests are checked against.

export { mulberry32, normalQuantile } from "@/lib/math/random";

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

