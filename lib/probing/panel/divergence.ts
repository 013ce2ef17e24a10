import { defaultRng, type Rng } from "@/lib/probing/random";
import { DEFAULT_THRESHOLDS } from "@/lib/probing/flags/thresholds";
import { DEFAULT_LEVEL } from "@/lib/probing/stats/summarize";
import type { ItemEstimate } from "@/lib/probing/methods/item-landing";
import { equivalenceTest, type EquivalenceResult } from "@/lib/probing/methods/equivalence";
import { holm } from "@/lib/probing/methods/multiplicity";
import { minimumEffectP } from "@/lib/probing/methods/t-distribution";
import type { VarianceFloor } from "@/lib/probing/methods/variance-floor";
import {
  DEFAULT_SIMILARITY_SCALE, distanceMatrix, effectivePositions, meanPairDistance, panelMap, type PanelMap,
} from "@/lib/probing/panel/geometry";
import { basis, bootstrapInterval, contrastT, DEFAULT_PANEL_RESAMPLES, type PanelInterval } from "@/lib/probing/panel/intervals";
import { bootstrapLandings, landingVectors, panelMatrix, type PanelMatrix, type PanelMember } from "@/lib/probing/panel/matrix";

// The divergence report of a panel (issue 13 §4): each member's landing, a map,
// pairwise distances with intervals, a status per pair (costume change, not
// distinguishable, distinct, inconclusive) and the effective number of
// distinct positions. Method and thresholds: docs/methods.md §12.

/**
 * Equivalence margin (points) for "these two members land the same on this
 * trait": the report's "no leakage" margin — the smallest shift that counts
 * (5, half the tolerance). A costume change is "one persona's landing is to
 * the other what a prompt without leakage is to the neutral assistant".
 */
export const DEFAULT_COSTUME_MARGIN = DEFAULT_THRESHOLDS.leakageShift;

export type PairStatus = "costume change" | "not distinguishable" | "distinct" | "inconclusive";

export type PanelOptions = {
  level?: number;
  resamples?: number;
  rng?: Rng;
  floor?: VarianceFloor;
  /** Equivalence margin per trait, points (default 5). */
  margin?: number;
  /** α of the per-trait tests (TOST at 1 − 2α, Holm for "distinct"); default 0.05. */
  alpha?: number;
  /** Similarity scale of the effective number of positions, points (default 10). */
  scale?: number;
  /** Whether two members' prompts differ (default: yes — panel members are different personas). */
  promptsDiffer?: (a: string, b: string) => boolean;
};

export type TraitDifference = {
  trait: string;
  /** A − B, t-interval over items at the report level, with the floor. */
  difference: ItemEstimate;
  equivalence: EquivalenceResult | null;
  /** p of "|A − B| > margin" (minimum-effect test), and Holm-adjusted over the traits. */
  p: number | null;
  pHolm: number | null;
};

export type PanelPair = {
  a: string;
  b: string;
  /** RMS distance over the watched traits, points, with the paired item-bootstrap interval. */
  distance: PanelInterval;
  status: PairStatus;
  promptsDiffer: boolean;
  traits: TraitDifference[];
};

export type DivergenceReport = {
  members: string[];
  traits: string[];
  items: number;
  droppedItems: string[];
  /** Landing per member and trait (itemLandingT on the common items). */
  landings: Record<string, Record<string, ItemEstimate>>;
  map: PanelMap;
  pairs: PanelPair[];
  meanDistance: PanelInterval;
  effectivePositions: PanelInterval;
  settings: { level: number; resamples: number; margin: number; alpha: number; scale: number };
};

/** Distances of every pair (i < j), then mean distance, then effective positions — one bootstrap statistic. */
export function panelStatistic(landings: readonly number[][], scale: number): number[] {
  const d = distanceMatrix(landings);
  const out: number[] = [];
  for (let i = 0; i < d.length; i++) for (let j = i + 1; j < d.length; j++) out.push(d[i][j]);
  out.push(meanPairDistance(d), effectivePositions(d, scale));
  return out;
}

/** Per-trait comparison of members i and j and the pair's status. */
export function comparePair(x: PanelMatrix, i: number, j: number, promptsDiffer: boolean, o: Required<Pick<PanelOptions, "level" | "margin" | "alpha">> & { floor?: VarianceFloor }) {
  const traits: TraitDifference[] = x.traits.map((trait, t) => {
    const difference = contrastT(x, new Map([[i, 1], [j, -1]]), basis(x.traits.length, t), { level: o.level, floor: o.floor });
    const ok = difference.estimate !== null && difference.se !== null;
    return {
      trait, difference,
      equivalence: ok ? equivalenceTest({ estimate: difference.estimate!, se: difference.se!, df: difference.df }, o.margin, o.alpha) : null,
      p: ok ? minimumEffectP(difference.estimate!, difference.se!, difference.df, o.margin) : null,
      pHolm: null,
    };
  });
  const adjusted = holm(traits.map((t) => t.p), o.alpha);
  traits.forEach((t, k) => { t.pHolm = adjusted.adjusted[k]; });
  // Intersection–union: "the same" needs every trait equivalent at α (no correction: each trait must pass).
  const same = traits.length > 0 && traits.every((t) => t.equivalence?.decision === "equivalent");
  // Union–intersection: "different" needs one trait beyond the margin, Holm over the traits.
  const distinct = adjusted.reject.some(Boolean);
  const status: PairStatus = same ? (promptsDiffer ? "costume change" : "not distinguishable") : distinct ? "distinct" : "inconclusive";
  return { status, traits };
}

export function divergenceReport(members: readonly PanelMember[], traits: readonly string[], options: PanelOptions = {}): DivergenceReport {
  const x = panelMatrix(members, traits);
  return divergenceFromMatrix(x, options);
}

export function divergenceFromMatrix(x: PanelMatrix, options: PanelOptions = {}): DivergenceReport {
  const level = options.level ?? DEFAULT_LEVEL;
  const resamples = options.resamples ?? DEFAULT_PANEL_RESAMPLES;
  const margin = options.margin ?? DEFAULT_COSTUME_MARGIN;
  const alpha = options.alpha ?? 0.05;
  const scale = options.scale ?? DEFAULT_SIMILARITY_SCALE;
  const rng = options.rng ?? defaultRng();
  const m = x.items.length;
  const k = x.members.length;
  const point = landingVectors(x);
  const estimate = panelStatistic(point, scale);
  const boot = m >= 2 && k >= 1 ? bootstrapLandings([x], rng, resamples, ([l]) => panelStatistic(l, scale)) : [];
  const interval = (index: number, range: { min?: number; max?: number } = { min: 0 }) =>
    bootstrapInterval(estimate[index], boot[index], m, level, range);

  const landings: DivergenceReport["landings"] = {};
  x.members.forEach((id, i) => {
    landings[id] = Object.fromEntries(x.traits.map((trait, t) =>
      [trait, contrastT(x, new Map([[i, 1]]), basis(x.traits.length, t), { level, floor: options.floor })]));
  });

  const pairs: PanelPair[] = [];
  let index = 0;
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const a = x.members[i], b = x.members[j];
      const promptsDiffer = options.promptsDiffer ? options.promptsDiffer(a, b) : true;
      const { status, traits } = comparePair(x, i, j, promptsDiffer, { level, margin, alpha, floor: options.floor });
      pairs.push({ a, b, distance: interval(index++), status, promptsDiffer, traits });
    }
  }
  return {
    members: x.members, traits: x.traits, items: m, droppedItems: x.droppedItems,
    landings, map: panelMap(point), pairs,
    meanDistance: interval(index), effectivePositions: interval(index + 1, { min: Math.min(1, k), max: k }),
    settings: { level, resamples, margin, alpha, scale },
  };
}
