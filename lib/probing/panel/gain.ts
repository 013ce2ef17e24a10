import { defaultRng, type Rng } from "@/lib/probing/random";
import { DEFAULT_LEVEL } from "@/lib/probing/stats/summarize";
import {
  DEFAULT_SIMILARITY_SCALE, distanceMatrix, effectivePositions, meanPairDistance, memberDistance,
} from "@/lib/probing/panel/geometry";
import { bootstrapInterval, DEFAULT_PANEL_RESAMPLES, type PanelInterval } from "@/lib/probing/panel/intervals";
import { bootstrapLandings, landingVectors, panelMatrix, restrictItems, type PanelMember } from "@/lib/probing/panel/matrix";

// The ceiling experiment (issue 13 §5): the same panel seated on one model
// ("single") and routed across models ("routed"), probed on the same items.
// Diversity gain = routed − single, for the effective number of positions and
// the mean pairwise distance. Paired twice over: the arms answered the same
// items, so one item draw is applied to both arms (and every member) in each
// resample, and item effects shared by the arms cancel from the gain. Only
// items every member answered in both arms count.
//
// "Which members moved most": per member, the distance between its single and
// routed landing vectors (same RMS-over-traits points as the pairwise
// distances), with the same paired interval; sorted largest first.

export type MemberMove = { member: string; distance: PanelInterval };

export type DiversityGain = {
  items: number;
  droppedItems: string[];
  effectivePositions: { single: PanelInterval; routed: PanelInterval; gain: PanelInterval };
  meanDistance: { single: PanelInterval; routed: PanelInterval; gain: PanelInterval };
  /** Largest move first. */
  moved: MemberMove[];
};

export type GainOptions = { level?: number; resamples?: number; rng?: Rng; scale?: number };

export function diversityGain(
  single: readonly PanelMember[], routed: readonly PanelMember[], traits: readonly string[], options: GainOptions = {},
): DiversityGain {
  const ids = single.map((m) => m.id);
  const byId = new Map(routed.map((m) => [m.id, m]));
  if (routed.length !== single.length || ids.some((id) => !byId.has(id))) throw new RangeError("single and routed arms must seat the same members");
  const s0 = panelMatrix(single, traits);
  const r0 = panelMatrix(ids.map((id) => byId.get(id)!), traits);
  const shared = s0.items.filter((i) => r0.items.includes(i));
  const s = restrictItems(s0, shared), r = restrictItems(r0, shared);
  const scale = options.scale ?? DEFAULT_SIMILARITY_SCALE;
  const level = options.level ?? DEFAULT_LEVEL;
  const stat = ([ls, lr]: number[][][]): number[] => {
    const ds = distanceMatrix(ls), dr = distanceMatrix(lr);
    const es = effectivePositions(ds, scale), er = effectivePositions(dr, scale);
    const ms = meanPairDistance(ds), mr = meanPairDistance(dr);
    return [es, er, er - es, ms, mr, mr - ms, ...ls.map((l, k) => memberDistance(l, lr[k]))];
  };
  const estimate = stat([landingVectors(s), landingVectors(r)]);
  const m = shared.length;
  const boot = m >= 2 ? bootstrapLandings([s, r], options.rng ?? defaultRng(), options.resamples ?? DEFAULT_PANEL_RESAMPLES, stat) : [];
  const n = ids.length;
  const iv = (k: number, range: { min?: number; max?: number } = { min: 0 }) => bootstrapInterval(estimate[k], boot[k], m, level, range);
  const positions = { min: Math.min(1, n), max: n };
  return {
    items: m,
    droppedItems: [...new Set([...s.droppedItems, ...r.droppedItems])].sort(),
    effectivePositions: { single: iv(0, positions), routed: iv(1, positions), gain: iv(2, { min: -n, max: n }) },
    meanDistance: { single: iv(3), routed: iv(4), gain: iv(5, {}) },
    moved: ids.map((member, k) => ({ member, distance: iv(6 + k) }))
      .sort((a, b) => b.distance.estimate - a.distance.estimate || a.member.localeCompare(b.member)),
  };
}
