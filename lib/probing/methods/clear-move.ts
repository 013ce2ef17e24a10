import { DEFAULT_LEVEL } from "@/lib/probing/stats/summarize";
import { average, sampleSd } from "@/lib/probing/methods/items";
import { holm } from "@/lib/probing/methods/multiplicity";
import { tQuantile, twoSidedP } from "@/lib/probing/methods/t-distribution";

// One rule for "a clear move", used by every comparison (variants, versions,
// flags resolved): two contenders measured on the same items are compared by
// their per-item differences, never by point estimates side by side. Issue 11
// found a "winner" declared inside fully overlapping intervals and "lands
// closer" reported when only the target moved.
//
// The rule: A beats B when the t-interval of the mean per-item difference
// (A − B, oriented so positive favours A) lies wholly on A's side of 0 and the
// mean difference is at least `minimumDifference`; symmetrically for B;
// otherwise "no clear winner" — a result, not a failure. Paired by item, so
// item effects shared by both contenders cancel. df = items − 1.
//
// Per-item values are the caller's: an item's mean landing for one trait, or a
// per-item loss such as the mean over targeted traits of |item mean − target|.
// A loss built from noisy item means is biased upward by noise, so compare
// contenders with the same plan (same answers per item), as probe variants are.
//
// Two identical contenders are called different at rate α (1 − level) by
// construction; a positive minimumDifference lowers that further.

export type Verdict = "A" | "B" | "no clear winner";

export type ClearMove = {
  verdict: Verdict;
  /** Mean per-item difference, positive favours A; null with no shared item. */
  estimate: number | null;
  lo: number | null;
  hi: number | null;
  se: number | null;
  df: number;
  /** Two-sided p-value of the mean difference against 0 (1 with < 2 items). */
  p: number;
  items: number;
};

export type ClearMoveOptions = {
  level?: number;
  /** Smallest mean difference worth calling a win (points; default 0). */
  minimumDifference?: number;
  /** Floor on the SD of per-item differences, so identical sticky scores cannot give ±0. */
  minItemSd?: number;
};

export type Better = "higher" | "lower";

/** Differences over the items both have (A − B, oriented so positive favours A). */
export function pairedDifferences(
  a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>, better: Better = "higher",
): { differences: number[]; items: string[]; onlyA: string[]; onlyB: string[] } {
  const sign = better === "higher" ? 1 : -1;
  const items = Object.keys(a).filter((k) => k in b && Number.isFinite(a[k]) && Number.isFinite(b[k])).sort();
  return {
    differences: items.map((k) => sign * (a[k] - b[k])),
    items,
    onlyA: Object.keys(a).filter((k) => !(k in b)).sort(),
    onlyB: Object.keys(b).filter((k) => !(k in a)).sort(),
  };
}

function verdictOf(estimate: number, lo: number, hi: number, minimumDifference: number, decided: boolean): Verdict {
  if (!decided) return "no clear winner";
  if (lo > 0 && estimate >= minimumDifference) return "A";
  if (hi < 0 && -estimate >= minimumDifference) return "B";
  return "no clear winner";
}

/** Is A better than B? From per-item differences (positive favours A). */
export function clearMove(differences: readonly number[], options: ClearMoveOptions = {}): ClearMove {
  const m = differences.length;
  if (m < 2) {
    return { verdict: "no clear winner", estimate: m ? differences[0] : null, lo: null, hi: null, se: null, df: 0, p: 1, items: m };
  }
  const level = options.level ?? DEFAULT_LEVEL;
  const estimate = average(differences);
  const df = m - 1;
  const se = Math.max(sampleSd(differences), options.minItemSd ?? 0) / Math.sqrt(m);
  const q = tQuantile(1 - (1 - level) / 2, df);
  const lo = estimate - q * se;
  const hi = estimate + q * se;
  const verdict = verdictOf(estimate, lo, hi, options.minimumDifference ?? 0, true);
  return { verdict, estimate, lo, hi, se, df, p: twoSidedP(estimate, se, df), items: m };
}

export type Contender = { id: string; perItem: Readonly<Record<string, number>> };

export type PairComparison = ClearMove & {
  a: string;
  b: string;
  /** Holm-adjusted p-value over all pairs; the verdict uses it. */
  pAdjusted: number;
  /** The interval (lo, hi) is at the nominal level; decisions are Holm-controlled. */
  winner: string | null;
};

export type Ranking = {
  /** Ids best first by mean per-item value (a display order, not a claim). */
  order: string[];
  /** Contenders no other contender clearly beats. */
  topGroup: string[];
  /** The contender that clearly beats every other one directly; null = "no clear winner". */
  winner: string | null;
  pairs: PairComparison[];
};

/**
 * Rank N contenders: every pair compared with clearMove, family-wise error
 * held at 1 − level over all N(N−1)/2 pairs by Holm. The top group is every
 * contender no one clearly beats; more than one member → "no clear winner"
 * among them (the UI shows the group). A winner needs a direct clear win over
 * every other contender: beating B who beat C says nothing about A against C.
 */
export function rankContenders(contenders: readonly Contender[], better: Better = "higher", options: ClearMoveOptions = {}): Ranking {
  const alpha = 1 - (options.level ?? DEFAULT_LEVEL);
  const raw: { a: string; b: string; move: ClearMove }[] = [];
  for (let i = 0; i < contenders.length; i++) {
    for (let j = i + 1; j < contenders.length; j++) {
      const { differences } = pairedDifferences(contenders[i].perItem, contenders[j].perItem, better);
      raw.push({ a: contenders[i].id, b: contenders[j].id, move: clearMove(differences, options) });
    }
  }
  const adjusted = holm(raw.map((x) => x.move.p), alpha).adjusted;
  const pairs: PairComparison[] = raw.map((x, k) => {
    const pAdjusted = adjusted[k] ?? 1;
    const { estimate, lo, hi } = x.move;
    const verdict = estimate === null || lo === null || hi === null
      ? "no clear winner"
      : verdictOf(estimate, lo, hi, options.minimumDifference ?? 0, pAdjusted <= alpha);
    const winner = verdict === "A" ? x.a : verdict === "B" ? x.b : null;
    return { ...x.move, verdict, a: x.a, b: x.b, pAdjusted, winner };
  });
  const beaten = new Set(pairs.flatMap((p) => (p.winner ? [p.winner === p.a ? p.b : p.a] : [])));
  const sign = better === "higher" ? 1 : -1;
  const score = (c: Contender) => {
    const v = Object.values(c.perItem).filter(Number.isFinite);
    return v.length ? sign * average(v) : -Infinity;
  };
  const order = [...contenders].sort((x, y) => score(y) - score(x)).map((c) => c.id);
  const topGroup = order.filter((id) => !beaten.has(id));
  const top = topGroup.length === 1 && contenders.length > 1 ? topGroup[0] : null;
  const beatsAll = top !== null && pairs.every((p) => (p.a !== top && p.b !== top) || p.winner === top);
  return { order, topGroup, winner: beatsAll ? top : null, pairs };
}
