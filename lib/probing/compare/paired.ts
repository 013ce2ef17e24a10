import { pairedShiftT } from "@/lib/probing/methods/paired-shift";
import type { ItemScores } from "@/lib/probing/methods/items";
import { average } from "@/lib/probing/methods/items";
import { clearMove, pairedDifferences, rankContenders, type ClearMoveOptions, type Ranking } from "@/lib/probing/methods/clear-move";
import { DEFAULT_FLOOR } from "@/lib/probing/stats/floor";
import { VARIANT_MIN_DIFFERENCE, VARIANT_WIN_LEVEL } from "@/lib/schemas/variant";

// Paired comparisons of two (or more) probe runs that answered the same probe
// items: variants of one persona probed in one batch, or two versions' runs on
// the same trait library. Everything is paired by item, so what an item
// invites (its own effect) cancels, and every decision goes through the one
// "clear move" rule (methods/clear-move.ts): a difference counts only when its
// interval is wholly on one side of 0 — otherwise "no clear difference".
//
// Item identity: a trait's landing uses its own probe items, so an item is
// (trait, itemIndex) and its value is the mean of that trait's scores over the
// item's answers (the same grouping lib/probing/report.ts uses for a landing).
//
// Distance to target, |landing − target|, is a function of the landing, so it
// is computed from the item-level landings over the shared items — never as a
// mean of per-item |item mean − target| (that is biased upward by noise: an
// item mean scattered around the target has a positive mean absolute gap even
// when the landing sits exactly on it). Its interval is by the delta method:
// with s = sign(landing − target) fixed at the estimate, |μ̂ − T| ≈ s·(μ̂ − T),
// so the gap of a contender is the mean over items of s·(yᵢ − T) — exactly, at
// the estimate — and the gap difference of two contenders is the mean of the
// paired per-item differences of those linearised values, fed to clearMove
// (t over items, df = items − 1). When both landings are on the same side of
// the target this is the paired landing change itself, no approximation. Near
// the kink (a landing within noise of its target) the linearisation only
// errs against the contender at the target (its gap is biased up by noise),
// i.e. against calling it closer.
//
// Several traits at once (a persona's targets): the distance is the mean over
// traits of |landing − target|, and item (k, i) carries weight M/(K·m_k) so
// that the plain mean over all M items equals it (K traits, m_k shared items of
// trait k). The t-interval over all items then also counts the spread between
// traits, which makes it conservative when contenders differ trait by trait.

/** A persona answer as stored: which trait's item it answers, which item, and its judged scores. */
export type RunAnswer = { traitKey: string; itemIndex: number; scores: Readonly<Record<string, number | null | undefined>> };

/** Below this many points of mean distance, a contender is not called the winner (see README: identical variants). */
export const MIN_WIN_DIFFERENCE = VARIANT_MIN_DIFFERENCE;
/** Floor on the SD of per-item differences (points): the variance floor's between-item SD, so sticky judges cannot give ±0. */
export const MIN_ITEM_SD = DEFAULT_FLOOR.betweenItemSd ?? 2;

/**
 * Interval level for naming a variant winner. At 0.95 two identical variants
 * get a "winner" 5% of the time by construction (measured: 4.9% over 2,000
 * seeded pairs; the 2-point minimum rarely binds at ±3–4 point intervals),
 * exactly at issue 11's bound; at 0.99 it is ~1%, and a real 5-point
 * difference over 60 items is still found most of the time.
 */
export const VARIANT_LEVEL = VARIANT_WIN_LEVEL;

export const CLEAR_OPTIONS: Readonly<ClearMoveOptions> = { level: VARIANT_LEVEL, minimumDifference: MIN_WIN_DIFFERENCE, minItemSd: MIN_ITEM_SD };

/** One trait's scores per item index, from its own probe items' answers. */
export function traitItemScores(answers: readonly RunAnswer[], trait: string): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const a of answers) {
    if (a.traitKey !== trait) continue;
    const v = a.scores[trait];
    if (typeof v === "number" && Number.isFinite(v)) (out[String(a.itemIndex)] ??= []).push(v);
  }
  return out;
}

function itemMeans(scores: ItemScores): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [item, values] of Object.entries(scores)) {
    const v = (values ?? []).filter((x): x is number => typeof x === "number" && Number.isFinite(x));
    if (v.length) out[item] = average(v);
  }
  return out;
}

export type LandingChange = {
  /** Mean over shared items of (B − A) item means; null with no shared item. */
  estimate: number | null;
  lo: number | null;
  hi: number | null;
  items: number;
  /** The paired interval excludes 0. */
  clear: boolean;
};

/** How far B's landing moved from A's on one trait, paired by item (pairedShiftT with the report's floor). */
export function landingChange(a: readonly RunAnswer[], b: readonly RunAnswer[], trait: string): LandingChange {
  const e = pairedShiftT(traitItemScores(b, trait), traitItemScores(a, trait), { floor: DEFAULT_FLOOR });
  const clear = e.lo !== null && e.hi !== null && (e.lo > 0 || e.hi < 0);
  return { estimate: e.estimate, lo: e.lo, hi: e.hi, items: e.items, clear };
}

export type GapVerdict = "closer" | "further" | "no clear difference";

/** Distance of each contender's landing to fixed targets, on the items all contenders share. */
type Linearised = { gaps: Record<string, number>[]; perItem: Record<string, number>[]; items: number; traits: string[] };

function linearise(sides: readonly (readonly RunAnswer[])[], targets: Readonly<Record<string, number>>): Linearised {
  const keys = Object.keys(targets).sort();
  const perTrait = keys.map((k) => {
    const means = sides.map((s) => itemMeans(traitItemScores(s, k)));
    const shared = Object.keys(means[0] ?? {}).filter((i) => means.every((m) => i in m)).sort();
    return { key: k, means, shared };
  }).filter((t) => t.shared.length > 0);
  const M = perTrait.reduce((s, t) => s + t.shared.length, 0);
  const K = perTrait.length;
  const gaps = sides.map(() => ({} as Record<string, number>));
  const perItem = sides.map(() => ({} as Record<string, number>));
  for (const t of perTrait) {
    const T = targets[t.key];
    const w = M / (K * t.shared.length);
    sides.forEach((_, c) => {
      const landing = average(t.shared.map((i) => t.means[c][i]));
      gaps[c][t.key] = Math.abs(landing - T);
      const s = landing >= T ? 1 : -1;
      for (const i of t.shared) perItem[c][`${t.key}#${i}`] = w * s * (t.means[c][i] - T);
    });
  }
  return { gaps, perItem, items: M, traits: perTrait.map((t) => t.key) };
}

export type GapComparison = {
  /** The targets both are measured against (fixed: the same for A and B). */
  targets: Record<string, number>;
  /** Traits with at least one shared item, and the shared items over them. */
  traits: string[];
  items: number;
  /** Mean over those traits of |landing − target|, each side on the shared items. */
  gapA: number | null;
  gapB: number | null;
  /** gapB − gapA: negative = B lands closer. */
  difference: number | null;
  lo: number | null;
  hi: number | null;
  p: number;
  verdict: GapVerdict;
};

/**
 * Does B land closer to `targets` than A? Both against the same targets, so a
 * "closer" means the landing moved, not the target. Paired by item; decided
 * with clearMove (minimumDifference 0: any clear move counts for a diff).
 */
export function compareGaps(
  a: readonly RunAnswer[], b: readonly RunAnswer[], targets: Readonly<Record<string, number>>, options: ClearMoveOptions = { minItemSd: MIN_ITEM_SD },
): GapComparison {
  const lin = linearise([a, b], targets);
  const mean = (g: Record<string, number>) => (lin.traits.length ? average(lin.traits.map((k) => g[k])) : null);
  // Oriented so positive favours B (lower gap is better).
  const { differences } = pairedDifferences(lin.perItem[1], lin.perItem[0], "lower");
  const move = clearMove(differences, options);
  const verdict: GapVerdict = move.verdict === "A" ? "closer" : move.verdict === "B" ? "further" : "no clear difference";
  const gapA = mean(lin.gaps[0]);
  const gapB = mean(lin.gaps[1]);
  return {
    targets: { ...targets }, traits: lin.traits, items: lin.items, gapA, gapB,
    difference: gapA === null || gapB === null ? null : gapB - gapA,
    lo: move.hi === null ? null : -move.hi,
    hi: move.lo === null ? null : -move.lo,
    p: move.p,
    verdict,
  };
}

export type GapRanking = Ranking & {
  /** Mean |landing − target| per contender id on the shared items (null when no item is shared). */
  gaps: Record<string, number | null>;
  traits: string[];
  items: number;
};

/**
 * Rank contenders by distance to fixed targets: rankContenders (Holm over all
 * pairs) on the linearised per-item gaps. A winner needs a clear win (at
 * VARIANT_LEVEL) of at least MIN_WIN_DIFFERENCE points over every other
 * contender directly.
 */
export function rankByGap(
  contenders: readonly { id: string; answers: readonly RunAnswer[] }[], targets: Readonly<Record<string, number>>, options: ClearMoveOptions = CLEAR_OPTIONS,
): GapRanking {
  const lin = linearise(contenders.map((c) => c.answers), targets);
  const ranking = rankContenders(contenders.map((c, i) => ({ id: c.id, perItem: lin.perItem[i] })), "lower", options);
  const gaps = Object.fromEntries(contenders.map((c, i) => [c.id, lin.traits.length ? average(lin.traits.map((k) => lin.gaps[i][k])) : null]));
  return { ...ranking, gaps, traits: lin.traits, items: lin.items };
}
