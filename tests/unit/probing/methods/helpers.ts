import type { Rng } from "@/lib/probing/random";

// Seeded simulation helpers for the methods' Monte Carlo checks.

/** A standard normal draw (Box–Muller) from a uniform source. */
export const gaussian = (rng: Rng) => () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());

export type World = {
  items: number;
  perItem: number;
  /** Item-to-item SD, answer noise SD, and the grid the judge rounds to (1 = no rounding). */
  itemSd: number;
  noiseSd: number;
  round?: number;
  mean?: number;
};

const judge = (x: number, round: number) => Math.max(0, Math.min(100, Math.round(x / round) * round));

/** Scores per item from a random-effects world: item effect + answer noise, judged and rounded. */
export function drawItems(rng: Rng, w: World): Record<string, number[]> {
  const z = gaussian(rng);
  const out: Record<string, number[]> = {};
  for (let i = 0; i < w.items; i++) {
    const effect = (w.mean ?? 60) + w.itemSd * z();
    out[`item-${String(i).padStart(2, "0")}`] = Array.from({ length: w.perItem }, () => judge(effect + w.noiseSd * z(), w.round ?? 1));
  }
  return out;
}
