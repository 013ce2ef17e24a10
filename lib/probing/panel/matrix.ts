import type { Rng } from "@/lib/probing/random";
import { randomIndex } from "@/lib/probing/stats/summarize";
import type { ItemAnswer } from "@/lib/probing/methods/items";

// A panel's answers as one array: member × item × watched trait → item mean.
//
// Every statistic of the divergence report (issue 13 §4–5) is a function of
// the members' landing vectors, and every interval resamples ITEMS: the
// members answered the same items, so one draw of items is applied to every
// member at once (paired, like the paired shift) and item effects shared by
// the panel cancel out of distances. Only items every member answered with a
// score on every watched trait are used ("common items"); the others are
// returned so the report can say how many were left out — mixing them in would
// compare members on different items.

export type PanelMember = { id: string; answers: readonly ItemAnswer[] };

export type PanelMatrix = {
  members: string[];
  traits: string[];
  /** Common items, sorted. */
  items: string[];
  /** Items some member or trait lacks (left out). */
  droppedItems: string[];
  /** means[member][item][trait]: the member's mean judged score on that item. */
  means: number[][][];
  /** answers[member][item]: fewest scored answers over the traits (for the variance floor). */
  answers: number[][];
};

const isScore = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

export function panelMatrix(members: readonly PanelMember[], traits: readonly string[]): PanelMatrix {
  if (new Set(members.map((m) => m.id)).size !== members.length) throw new RangeError("panel member ids must be unique");
  // sums[member] item → per trait [sum, count]
  const sums = members.map((m) => {
    const byItem = new Map<string, { sum: number[]; n: number[] }>();
    for (const a of m.answers) {
      let cell = byItem.get(a.item);
      if (!cell) byItem.set(a.item, (cell = { sum: traits.map(() => 0), n: traits.map(() => 0) }));
      traits.forEach((t, j) => {
        const v = a.scores[t];
        if (isScore(v)) { cell!.sum[j] += v; cell!.n[j] += 1; }
      });
    }
    return byItem;
  });
  const all = [...new Set(sums.flatMap((s) => [...s.keys()]))].sort();
  const complete = (item: string) => sums.every((s) => { const c = s.get(item); return !!c && c.n.every((n) => n > 0); });
  const items = all.filter(complete);
  return {
    members: members.map((m) => m.id),
    traits: [...traits],
    items,
    droppedItems: all.filter((i) => !complete(i)),
    means: sums.map((s) => items.map((i) => { const c = s.get(i)!; return c.sum.map((x, j) => x / c.n[j]); })),
    answers: sums.map((s) => items.map((i) => Math.min(...s.get(i)!.n))),
  };
}

/** One bootstrap draw of m items: how many times each item was drawn. */
export function resampleCounts(m: number, rng: Rng): Float64Array {
  const counts = new Float64Array(m);
  for (let i = 0; i < m; i++) counts[randomIndex(rng, m)] += 1;
  return counts;
}

/** Landing vectors (member × trait): the mean of item means, weighted by `counts` (a resample) or equally. */
export function landingVectors(x: PanelMatrix, counts?: Float64Array): number[][] {
  const m = x.items.length;
  return x.means.map((rows) => {
    const out = x.traits.map(() => 0);
    let total = 0;
    for (let i = 0; i < m; i++) {
      const w = counts ? counts[i] : 1;
      if (w === 0) continue;
      total += w;
      const row = rows[i];
      for (let j = 0; j < out.length; j++) out[j] += w * row[j];
    }
    return out.map((s) => (total ? s / total : NaN));
  });
}

/**
 * Paired item bootstrap of any statistic of the panel's landing vectors: each
 * resample draws m items with replacement and applies the same draw to every
 * member (and, through `matrices`, to every arm — single-model and routed),
 * then calls `statistic` on the landing vectors. Returns one array of
 * `resamples` values per output of `statistic`.
 */
export function bootstrapLandings(
  matrices: readonly PanelMatrix[], rng: Rng, resamples: number,
  statistic: (landings: number[][][]) => readonly number[],
): Float64Array[] {
  const m = matrices[0].items.length;
  if (matrices.some((x) => x.items.length !== m)) throw new RangeError("bootstrapped matrices must share their items");
  let out: Float64Array[] | null = null;
  for (let b = 0; b < resamples; b++) {
    const counts = resampleCounts(m, rng);
    const values = statistic(matrices.map((x) => landingVectors(x, counts)));
    out ??= values.map(() => new Float64Array(resamples));
    values.forEach((v, j) => { out![j][b] = v; });
  }
  return out ?? [];
}

/** The same matrix restricted to the given items (which it must hold), e.g. the items two arms share. */
export function restrictItems(x: PanelMatrix, items: readonly string[]): PanelMatrix {
  const index = new Map(x.items.map((item, i) => [item, i]));
  const keep = items.map((item) => {
    const i = index.get(item);
    if (i === undefined) throw new RangeError(`item ${item} is not in the panel matrix`);
    return i;
  });
  const dropped = x.items.filter((item) => !items.includes(item));
  return {
    ...x,
    items: [...items],
    droppedItems: [...x.droppedItems, ...dropped].sort(),
    means: x.means.map((rows) => keep.map((i) => rows[i])),
    answers: x.answers.map((rows) => keep.map((i) => rows[i])),
  };
}
