import type { Rng } from "@/lib/probing/random";
import { DEFAULT_LEVEL, DEFAULT_RESAMPLES, percentileInterval, randomIndex } from "@/lib/probing/stats/summarize";
import type { ItemAnswer } from "@/lib/probing/methods/items";

// Correlation of two traits within items (the pooled within-cluster
// correlation): each answer's scores minus its item's means, pooled over items,
//
//   r_w = Σᵢ Σⱼ (aᵢⱼ − āᵢ)(bᵢⱼ − b̄ᵢ) / √( ΣΣ (aᵢⱼ − āᵢ)² · ΣΣ (bᵢⱼ − b̄ᵢ)² ).
//
// Why: library items are written to give one trait room ("a user is grieving"
// invites empathy and leaves little for firmness). Across items that makes the
// two traits' item means move in opposite directions, and the correlation over
// all answers (stats/correlation.ts) reports a trade-off the persona does not
// have: −0.73 in the issue-11 review where the true within-item r was 0. Within
// an item the prompt is fixed, so what co-varies there is the model's answer.
//
// Relative to baseline: a neutral assistant can trade the two traits off answer
// by answer too (empathetic and firm do for every persona in the simulator), so
// the persona's own contribution is r_w(persona) − r_w(baseline), with both
// arms resampled by the same item draw.
//
// Assumptions: a common within-item correlation across items (r_w is their
// variance-weighted average); answers within an item exchangeable. Items with
// one scored answer carry no within-item information and are skipped. The
// interval resamples items with their answers intact (re-drawing answers
// within an item would duplicate answers and shrink the deviations), a
// percentile interval expanded for the number of items (conservative for r).
// Pool answers over runs only for one persona on one model, never across
// personas: personas differ in exactly what this measures.

/** Per-item sums of squares and cross-products about the item means. */
type ItemMoments = { item: string; n: number; sxx: number; syy: number; sxy: number };

export type WithinCorrelation = {
  /** Pooled within-item r; null when too little within-item variation (see `reason`). */
  r: number | null;
  lo: number | null;
  hi: number | null;
  /** Items with ≥ 2 answers scoring both traits, and those answers. */
  items: number;
  answers: number;
  /** Residual degrees of freedom, answers − items. */
  df: number;
  reason?: "too_few_items" | "too_few_answers" | "constant";
};

export type WithinCorrelationOptions = { level?: number; resamples?: number; minItems?: number; minDf?: number };

export const MIN_ITEMS = 3;
export const MIN_DF = 5;

const isScore = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

export function itemMoments(answers: readonly ItemAnswer[], a: string, b: string): ItemMoments[] {
  const byItem = new Map<string, [number, number][]>();
  for (const ans of answers) {
    const x = ans.scores[a], y = ans.scores[b];
    if (!isScore(x) || !isScore(y)) continue;
    let list = byItem.get(ans.item);
    if (!list) byItem.set(ans.item, (list = []));
    list.push([x, y]);
  }
  return [...byItem.keys()].sort().flatMap((item) => {
    const pts = byItem.get(item)!;
    const n = pts.length;
    if (n < 2) return [];
    let mx = 0, my = 0;
    for (const [x, y] of pts) { mx += x; my += y; }
    mx /= n; my /= n;
    let sxx = 0, syy = 0, sxy = 0;
    for (const [x, y] of pts) { sxx += (x - mx) ** 2; syy += (y - my) ** 2; sxy += (x - mx) * (y - my); }
    return [{ item, n, sxx, syy, sxy }];
  });
}

function pooledR(moments: readonly ItemMoments[]): number | null {
  let sxx = 0, syy = 0, sxy = 0;
  for (const m of moments) { sxx += m.sxx; syy += m.syy; sxy += m.sxy; }
  if (sxx === 0 || syy === 0) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

function percentile(stats: number[], level: number, m: number): { lo: number | null; hi: number | null } {
  if (!stats.length) return { lo: null, hi: null };
  return percentileInterval(Float64Array.from(stats), level, m);
}

/** Pooled within-item correlation of traits a and b, with a bootstrap-over-items interval. */
export function withinItemCorrelation(
  answers: readonly ItemAnswer[], a: string, b: string, rng: Rng, options: WithinCorrelationOptions = {},
): WithinCorrelation {
  const moments = itemMoments(answers, a, b);
  const m = moments.length;
  const n = moments.reduce((s, x) => s + x.n, 0);
  const base = { items: m, answers: n, df: n - m };
  if (m < (options.minItems ?? MIN_ITEMS)) return { r: null, lo: null, hi: null, ...base, reason: "too_few_items" };
  if (n - m < (options.minDf ?? MIN_DF)) return { r: null, lo: null, hi: null, ...base, reason: "too_few_answers" };
  const r = pooledR(moments);
  if (r === null) return { r: null, lo: null, hi: null, ...base, reason: "constant" };
  const stats: number[] = [];
  const draw: ItemMoments[] = new Array(m);
  for (let k = 0; k < (options.resamples ?? DEFAULT_RESAMPLES); k++) {
    for (let i = 0; i < m; i++) draw[i] = moments[randomIndex(rng, m)];
    const rb = pooledR(draw);
    if (rb !== null) stats.push(rb); // a draw of only constant items says nothing; dropped
  }
  const { lo, hi } = percentile(stats, options.level ?? DEFAULT_LEVEL, m);
  return { r, lo, hi, ...base };
}

export type WithinCorrelationShift = {
  persona: WithinCorrelation;
  baseline: WithinCorrelation;
  /** r_w(persona) − r_w(baseline); null when either is null. */
  difference: number | null;
  lo: number | null;
  hi: number | null;
};

/**
 * The persona's within-item correlation, the baseline's, and their difference
 * with an interval from resampling items jointly (the union of both arms'
 * items; an item drawn contributes its answers in each arm that has it).
 */
export function withinItemCorrelationShift(
  persona: readonly ItemAnswer[], baseline: readonly ItemAnswer[], a: string, b: string, rng: Rng,
  options: WithinCorrelationOptions = {},
): WithinCorrelationShift {
  const level = options.level ?? DEFAULT_LEVEL;
  const p = withinItemCorrelation(persona, a, b, rng, options);
  const q = withinItemCorrelation(baseline, a, b, rng, options);
  if (p.r === null || q.r === null) return { persona: p, baseline: q, difference: null, lo: null, hi: null };
  const pm = new Map(itemMoments(persona, a, b).map((x) => [x.item, x]));
  const bm = new Map(itemMoments(baseline, a, b).map((x) => [x.item, x]));
  const ids = [...new Set([...pm.keys(), ...bm.keys()])].sort();
  const stats: number[] = [];
  for (let k = 0; k < (options.resamples ?? DEFAULT_RESAMPLES); k++) {
    const dp: ItemMoments[] = [];
    const db: ItemMoments[] = [];
    for (let i = 0; i < ids.length; i++) {
      const id = ids[randomIndex(rng, ids.length)];
      const x = pm.get(id); if (x) dp.push(x);
      const y = bm.get(id); if (y) db.push(y);
    }
    const rp = pooledR(dp), rq = pooledR(db);
    if (rp !== null && rq !== null) stats.push(rp - rq);
  }
  const { lo, hi } = percentile(stats, level, ids.length);
  return { persona: p, baseline: q, difference: p.r - q.r, lo, hi };
}
