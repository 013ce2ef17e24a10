import { byDistance, evidenceFor } from "@/lib/probing/flags/evidence";
import { interval, pts, signed, traitName } from "@/lib/probing/flags/format";
import type { Thresholds } from "@/lib/probing/flags/thresholds";
import type { AnswerScores, Flag, FlagTrait } from "@/lib/probing/flags/types";

// Single-trait flags.
//   leakage   — a watched trait the designer did not target moved from
//               baseline: its paired shift survives Benjamini–Hochberg at
//               q ≤ leakageQ across the run's untargeted traits, and
//               |shift| ≥ leakageShift. A shift without a test (no p-value) is
//               never a leak.
//   miss      — a targeted trait's whole interval lies outside target ± tolerance,
//               on the baseline side (it did not get far enough);
//   overshoot — … on the far side (it went further than asked).
// Direction is taken from baseline to target; with no baseline, from 50.

/** untargeted: nothing at all is targeted (an archetype-only persona), so every shift is the character type's own. */
/** leakageQ: BH q-value per untargeted trait (compute-flags.ts leakageQValues). */
export type TraitContext = {
  answers?: readonly AnswerScores[]; thresholds: Thresholds; level: number; untargeted?: boolean; leakageQ?: ReadonlyMap<string, number>;
};

export function leakageFlag(t: FlagTrait, ctx: TraitContext): Flag | null {
  const th = ctx.thresholds;
  const { difference, lo, hi } = t.shift;
  const q = ctx.leakageQ?.get(t.key);
  if (t.target !== undefined || difference === null || q === undefined || q > th.leakageQ || Math.abs(difference) < th.leakageShift) return null;
  const up = difference > 0;
  const name = traitName(t);
  const baseline = t.baseline.mean!;
  const evidence = { answerIds: evidenceFor(ctx.answers, byDistance(t.key, baseline, up ? 1 : -1), th.evidenceCount) };
  if (ctx.untargeted) {
    // Nothing was asked for, so nothing "leaked": report the movement the character type brings, never as an alert.
    return {
      id: `leakage:${t.key}`, kind: "leakage", traits: [t.key], severity: "warn",
      title: `${name} ${up ? "rose" : "fell"} with the character type (no targets set)`,
      explanation: `The persona targets no trait, so this shift comes from the character type itself: ${name} lands at ${pts(t.landing.mean!)} against a neutral baseline of ${pts(baseline)}, a shift of ${signed(difference)} (${interval(lo, hi, ctx.level, true)}). Set a target for ${name} to check it against what you intend.`,
      evidence,
    };
  }
  return {
    id: `leakage:${t.key}`, kind: "leakage", traits: [t.key],
    severity: Math.abs(difference) >= th.alertFactor * th.leakageShift ? "alert" : "warn",
    title: `${name} ${up ? "rose" : "fell"} without being asked for`,
    explanation: `${name} is not targeted, yet it lands at ${pts(t.landing.mean!)} against a neutral baseline of ${pts(baseline)}: a shift of ${signed(difference)} (${interval(lo, hi, ctx.level, true)}). Traits travel in clusters, so asking for one moves its neighbours; set a target for ${name} if it matters.`,
    evidence,
  };
}

export function targetFlag(t: FlagTrait, ctx: TraitContext): Flag | null {
  const th = ctx.thresholds;
  const { mean, lo, hi } = t.landing;
  if (t.target === undefined || mean === null || lo === null || hi === null) return null;
  const below = hi < t.target - th.tolerance;
  const above = lo > t.target + th.tolerance;
  if (!below && !above) return null;
  const from = t.baseline.mean ?? 50;
  const wanted = Math.sign(t.target - from);
  const kind = (below && wanted < 0) || (above && wanted > 0) ? "overshoot" : "miss";
  const name = traitName(t);
  const gap = mean - t.target;
  return {
    id: `${kind}:${t.key}`, kind, traits: [t.key],
    severity: Math.abs(gap) >= th.alertFactor * th.tolerance ? "alert" : "warn",
    title: kind === "miss" ? `${name} misses its target` : `${name} overshoots its target`,
    explanation: `${name} lands at ${pts(mean)} (${interval(lo, hi, ctx.level)}), ${pts(Math.abs(gap))} points ${gap < 0 ? "below" : "above"} its target of ${t.target}; the whole interval is outside the ±${th.tolerance} tolerance. Baseline: ${t.baseline.mean === null ? "not measured" : pts(t.baseline.mean)}.`,
    evidence: { answerIds: evidenceFor(ctx.answers, byDistance(t.key, t.target, below ? -1 : 1), th.evidenceCount) },
  };
}
