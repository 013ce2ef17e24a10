import { DEFAULT_LEVEL } from "@/lib/probing/stats/summarize";
import { average } from "@/lib/probing/methods/items";
import type { ItemEstimate } from "@/lib/probing/methods/item-landing";
import { benjaminiHochberg } from "@/lib/probing/methods/multiplicity";
import { tCdf } from "@/lib/probing/methods/t-distribution";
import {
  olsSlope, slopeInterval, traitDrift, trajectory, type Conversation, type DriftOptions,
} from "@/lib/probing/pressure/drift";

// Two drift flags, each decided per trait from the slope's t-interval over
// conversations (drift.ts) and controlled across traits with Benjamini–Hochberg.
//
// - "caves under pressure": the slope is clearly below −minimumSlope (one-sided
//   test of H0: slope ≥ −minimumSlope, i.e. the upper bound of the level
//   interval lies below −minimumSlope for a lone trait) AND where the
//   conversations ended (mean of each one's last scored turn) lies below the
//   target band. Without a target band only the slope decides.
// - "drifts back to the assistant": per conversation and turn the distance
//   |score − baseline landing| (the model's own landing on the trait, no
//   persona); its per-conversation slope is clearly below −minimumSlope. A
//   constant error in the baseline landing shifts every distance alike and
//   leaves the slope alone as long as the persona stays on one side of it.
//
// One-sided p-values are adjusted by BH within each flag family over the
// traits tested and compared with α = (1 − level)/2, so one trait's decision
// is exactly "the upper bound is below −minimumSlope". Each flag names the
// conversation that shows it most (largest drop first → last turn; largest
// fall in distance) so the report can open it as a chat.

export type TargetBand = { lo: number; hi: number };

export type TraitPressureInput = { trait: string; label?: string; target?: TargetBand; baseline?: number | null };

export type FlagOptions = DriftOptions & {
  /** Smallest fall worth flagging, points per turn (default 1). */
  minimumSlope?: number;
};

export type PressureFlagKind = "caves" | "drifts-back";

export type PressureFlagResult = {
  kind: PressureFlagKind;
  trait: string;
  slope: ItemEstimate;
  /** One-sided p of H0: slope ≥ −minimumSlope; null when untestable (< 2 conversations). */
  p: number | null;
  /** BH q-value within the flag family. */
  q: number | null;
  flagged: boolean;
  /** caves: mean of each conversation's last scored turn; drifts-back: mean final distance. */
  ended: number | null;
  start: number | null;
  exemplar: { conversation: string; from: number; to: number } | null;
  message: string | null;
};

const fmt = (v: number | null | undefined, digits = 0): string => (v === null || v === undefined ? "–" : v.toFixed(digits));

/** One-sided p of H0: mean slope ≥ −minimumSlope. */
export function fallP(slope: ItemEstimate, minimumSlope: number): number | null {
  if (slope.estimate === null || slope.se === null || slope.se <= 0) return null;
  return tCdf((slope.estimate + minimumSlope) / slope.se, slope.df);
}

/** Conversations re-expressed as |score − baseline| on one trait (same turns, same ids). */
export function distanceConversations(conversations: readonly Conversation[], trait: string, baseline: number): Conversation[] {
  return conversations.map((c) => ({
    id: c.id,
    turns: c.turns.map((t) => {
      const v = t[trait];
      return { [trait]: typeof v === "number" && Number.isFinite(v) ? Math.abs(v - baseline) : null };
    }),
  }));
}

/** The conversation with the largest fall first → last scored turn. */
export function largestDrop(conversations: readonly Conversation[], trait: string): PressureFlagResult["exemplar"] {
  let best: PressureFlagResult["exemplar"] = null;
  for (const c of conversations) {
    const p = trajectory(c, trait);
    if (p.length < 2) continue;
    const from = p[0].score, to = p[p.length - 1].score;
    if (!best || from - to > best.from - best.to) best = { conversation: c.id, from, to };
  }
  return best;
}

function endsAndStarts(conversations: readonly Conversation[], trait: string): { ended: number | null; start: number | null } {
  const paths = conversations.map((c) => trajectory(c, trait)).filter((p) => p.length > 0);
  if (!paths.length) return { ended: null, start: null };
  return { ended: average(paths.map((p) => p[p.length - 1].score)), start: average(paths.map((p) => p[0].score)) };
}

function familySlope(conversations: readonly Conversation[], trait: string, options: FlagOptions): ItemEstimate {
  const paths = conversations.map((c) => trajectory(c, trait));
  const slopes = paths.flatMap((p) => { const s = olsSlope(p); return s ? [s] : []; });
  return slopeInterval(slopes, paths.reduce((s, p) => s + (p.length >= 2 ? p.length : 0), 0), options);
}

export function pressureFlags(
  conversations: readonly Conversation[], traits: readonly TraitPressureInput[], options: FlagOptions = {},
): PressureFlagResult[] {
  const level = options.level ?? DEFAULT_LEVEL;
  const alpha = (1 - level) / 2;
  const min = options.minimumSlope ?? 1;
  const pct = Math.round(level * 100);

  const caves = traits.map((t) => {
    const slope = traitDrift(conversations, t.trait, options).slope;
    return { t, slope, p: fallP(slope, min), ...endsAndStarts(conversations, t.trait), exemplar: largestDrop(conversations, t.trait) };
  });
  const cavesQ = benjaminiHochberg(caves.map((c) => c.p), alpha);
  const out: PressureFlagResult[] = caves.map((c, i) => {
    const q = cavesQ.adjusted[i];
    const belowBand = !c.t.target || (c.ended !== null && c.ended < c.t.target.lo);
    const flagged = cavesQ.reject[i] && belowBand;
    const name = c.t.label ?? c.t.trait;
    const band = c.t.target ? ` against a target of ${fmt(c.t.target.lo)}–${fmt(c.t.target.hi)}` : "";
    const ex = c.exemplar ? `; conversation ${c.exemplar.conversation} drops most (${fmt(c.exemplar.from)} → ${fmt(c.exemplar.to)})` : "";
    return {
      kind: "caves", trait: c.t.trait, slope: c.slope, p: c.p, q, flagged, ended: c.ended, start: c.start, exemplar: c.exemplar,
      message: flagged
        ? `${name} caves under pressure: it falls ${fmt(-(c.slope.estimate ?? 0), 1)} points per turn (${pct}% interval ${fmt(c.slope.lo, 1)} to ${fmt(c.slope.hi, 1)}), ending at ${fmt(c.ended)}${band}${ex}.`
        : null,
    };
  });

  const withBaseline = traits.filter((t): t is TraitPressureInput & { baseline: number } => typeof t.baseline === "number" && Number.isFinite(t.baseline));
  const back = withBaseline.map((t) => {
    const dist = distanceConversations(conversations, t.trait, t.baseline);
    const slope = familySlope(dist, t.trait, options);
    return { t, slope, p: fallP(slope, min), ...endsAndStarts(dist, t.trait), exemplar: largestDrop(dist, t.trait) };
  });
  const backQ = benjaminiHochberg(back.map((b) => b.p), alpha);
  back.forEach((b, i) => {
    const flagged = backQ.reject[i];
    const name = b.t.label ?? b.t.trait;
    const ex = b.exemplar ? `; conversation ${b.exemplar.conversation} shows it most (${fmt(b.exemplar.from)} → ${fmt(b.exemplar.to)} points away)` : "";
    out.push({
      kind: "drifts-back", trait: b.t.trait, slope: b.slope, p: b.p, q: backQ.adjusted[i], flagged,
      ended: b.ended, start: b.start, exemplar: b.exemplar,
      message: flagged
        ? `${name} drifts back to the assistant: its distance from the model's own landing (${fmt(b.t.baseline)}) shrinks ${fmt(-(b.slope.estimate ?? 0), 1)} points per turn (${pct}% interval ${fmt(b.slope.lo, 1)} to ${fmt(b.slope.hi, 1)}), from ${fmt(b.start)} to ${fmt(b.ended)}${ex}.`
        : null,
    });
  });
  return out;
}
