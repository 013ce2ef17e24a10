import { defaultRng, type Rng } from "@/lib/probing/random";
import { DEFAULT_LEVEL } from "@/lib/probing/stats/summarize";
import { DEFAULT_SIMILARITY_SCALE, distanceMatrix, effectivePositions, meanPairDistance } from "@/lib/probing/panel/geometry";
import { bootstrapInterval, DEFAULT_PANEL_RESAMPLES, type PanelInterval } from "@/lib/probing/panel/intervals";
import { bootstrapLandings, landingVectors, panelMatrix, restrictItems, type PanelMember } from "@/lib/probing/panel/matrix";

// The axes experiment (issue 13 §6): the same positions along each axis,
// drafted topic-labelled and framework-grounded, probed as two panels on the
// same items with the same seed. Per axis (a group of both panels, the same
// member keys) the spread of each style — mean pairwise distance and effective
// number of positions — and the difference framework − topic.
//
// Paired like the ceiling experiment (gain.ts): both styles answered the same
// items, so each resample draws ITEMS once and applies the draw to both styles
// and every member; item effects shared by the styles cancel from the
// difference. Only items every member of the axis answered in both styles count.
// Intervals are basic bootstrap intervals (intervals.ts: distances are biased
// up by noise). The verdict reads the mean-distance difference: its interval
// above 0 → "framework-grounded diverges more", below 0 → "topic-labelled
// diverges more", else "no clear difference" (effective positions saturate at
// the member count, so the distance is the statistic that keeps its scale).

export type AxesVerdict = "framework-grounded diverges more" | "topic-labelled diverges more" | "no clear difference";

export type AxisStyleSpread = { meanDistance: PanelInterval; effectivePositions: PanelInterval };

export type AxisComparison = {
  axis: string;
  members: string[];
  /** Items every member of the axis answered in both styles. */
  items: number;
  droppedItems: string[];
  topic: AxisStyleSpread;
  framework: AxisStyleSpread;
  /** framework − topic. */
  difference: AxisStyleSpread;
  verdict: AxesVerdict;
};

export type AxesOptions = { level?: number; resamples?: number; rng?: Rng; scale?: number };

export type AxesInput = {
  /** Axis name → the member keys on it (the same keys in both styles). */
  axes: readonly { name: string; members: readonly string[] }[];
  topic: readonly PanelMember[];
  framework: readonly PanelMember[];
  traits: readonly string[];
};

export function verdictOf(difference: PanelInterval): AxesVerdict {
  if (difference.lo !== null && difference.lo > 0) return "framework-grounded diverges more";
  if (difference.hi !== null && difference.hi < 0) return "topic-labelled diverges more";
  return "no clear difference";
}

export function compareAxis(
  name: string, keys: readonly string[], topic: readonly PanelMember[], framework: readonly PanelMember[],
  traits: readonly string[], options: AxesOptions = {},
): AxisComparison {
  const pick = (side: readonly PanelMember[], label: string) => keys.map((k) => {
    const m = side.find((x) => x.id === k);
    if (!m) throw new RangeError(`member ${k} of axis ${name} has no ${label} answers`);
    return m;
  });
  const t0 = panelMatrix(pick(topic, "topic-labelled"), traits);
  const f0 = panelMatrix(pick(framework, "framework-grounded"), traits);
  const shared = t0.items.filter((i) => f0.items.includes(i));
  const t = restrictItems(t0, shared), f = restrictItems(f0, shared);
  const scale = options.scale ?? DEFAULT_SIMILARITY_SCALE;
  const stat = ([lt, lf]: number[][][]): number[] => {
    const dt = distanceMatrix(lt), df = distanceMatrix(lf);
    const mt = meanPairDistance(dt), mf = meanPairDistance(df);
    const et = effectivePositions(dt, scale), ef = effectivePositions(df, scale);
    return [mt, mf, mf - mt, et, ef, ef - et];
  };
  const m = shared.length;
  const estimate = m ? stat([landingVectors(t), landingVectors(f)]) : [NaN, NaN, NaN, NaN, NaN, NaN];
  const boot = m >= 2 ? bootstrapLandings([t, f], options.rng ?? defaultRng(), options.resamples ?? DEFAULT_PANEL_RESAMPLES, stat) : [];
  const level = options.level ?? DEFAULT_LEVEL;
  const n = keys.length;
  const iv = (k: number, range: { min?: number; max?: number }) => bootstrapInterval(estimate[k], boot[k], m, level, range);
  const positions = { min: Math.min(1, n), max: n };
  const difference = { meanDistance: iv(2, {}), effectivePositions: iv(5, { min: -n, max: n }) };
  return {
    axis: name, members: [...keys], items: m,
    droppedItems: [...new Set([...t.droppedItems, ...f.droppedItems])].sort(),
    topic: { meanDistance: iv(0, { min: 0 }), effectivePositions: iv(3, positions) },
    framework: { meanDistance: iv(1, { min: 0 }), effectivePositions: iv(4, positions) },
    difference,
    verdict: verdictOf(difference.meanDistance),
  };
}

/** Every axis, in the given order; each axis resamples its own items (one rng stream, axes in order). */
export function compareAxes(input: AxesInput, options: AxesOptions = {}): AxisComparison[] {
  const rng = options.rng ?? defaultRng();
  return input.axes.map((a) => compareAxis(a.name, a.members, input.topic, input.framework, input.traits, { ...options, rng }));
}
