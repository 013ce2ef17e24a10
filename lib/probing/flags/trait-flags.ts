import { equivalenceTest } from "@/lib/probing/methods/equivalence";
import { judgeLanding, type LandingJudgement } from "@/lib/probing/range";
import type { ShiftSummary } from "@/lib/probing/stats/shift";
import { byDistance, evidenceFor } from "@/lib/probing/flags/evidence";
import { expectedShift } from "@/lib/probing/flags/expected";
import { instructedWords, interval, pts, pValue, signed, traitName } from "@/lib/probing/flags/format";
import type { Thresholds } from "@/lib/probing/flags/thresholds";
import type { AnswerScores, Equivalence, Flag, FlagTrait } from "@/lib/probing/flags/types";

// Single-trait flags and verdicts.
//   leakage   — a watched trait the designer did not target moved from
//               baseline. Evidence: the paired shift over ALL the run's items
//               (`leakShift`: every answer is judged on every watched trait, so
//               each answer to any item is a paired observation of this trait;
//               falls back to the trait's own items without it). A leak needs
//               its Benjamini–Hochberg q ≤ leakageQ across the run's untargeted
//               traits AND |shift| ≥ leakageShift (the minimum size). A shift
//               without a test is never a leak.
//   "no leakage" is a claim of its own: TOST within ±leakageShift on the same
//               shift (methods/equivalence.ts). Neither → not enough evidence.
//   miss      — a targeted trait's whole interval lies beyond the window it is
//               judged against (range.ts judgeLanding: the instruction actually
//               given — the band's range of targets — ± tolerance; without one,
//               target ± tolerance) on the baseline side (not far enough);
//   overshoot — … on the far side (it went further than asked). An interval
//               that reaches the window is "not clearly off target".
//   came with the character type — a leak whose direction a reinforcing
//               relation with a targeted trait implies (flags/expected.ts): the
//               same test, worded as a side effect of the character type and
//               never an alert (`expected` carries the reason).
//   beyond reach — a miss the range check explains: the model's strongest
//               instruction lands where this persona does (a warning, worded
//               with its note: the prompt cannot fix it on this model).
// Direction is taken from baseline to target; with no baseline, from 50.

/** untargeted: nothing at all is targeted (an archetype-only persona), so every shift is the character type's own. */
/** leakageQ: BH q-value per untargeted trait (compute-flags.ts leakageQValues). */
/** traits: the whole table, so a leak can be read against the targeted traits it travels with. */
export type TraitContext = {
  answers?: readonly AnswerScores[]; thresholds: Thresholds; level: number; untargeted?: boolean; leakageQ?: ReadonlyMap<string, number>;
  traits?: readonly FlagTrait[];
};

/** The shift leakage reads: over all the run's items when the table has it, else the trait's own items. */
export const leakShiftOf = (t: FlagTrait): ShiftSummary => t.leakShift ?? t.shift;

const basisOf = (t: FlagTrait): string => {
  const s = leakShiftOf(t);
  const items = s.nItems ?? 0;
  return t.leakShift ? `shift from baseline over all ${items} items of the run, paired by item` : `shift from baseline over its own ${items} items, paired by item`;
};

/** TOST within ±margin on the leakage shift; null when the shift has no standard error. */
export function leakageEquivalence(t: FlagTrait, margin: number, alpha = 0.05): Equivalence | null {
  const s = leakShiftOf(t);
  if (s.difference === null || typeof s.se !== "number" || !(s.se >= 0) || !(margin > 0)) return null;
  const e = equivalenceTest({ estimate: s.difference, se: s.se, df: s.df }, margin, alpha);
  return { decision: e.decision, margin, p: e.p, lo: e.lo, hi: e.hi };
}

export type LeakageVerdict = {
  key: string;
  verdict: "leak" | "no leakage" | "not enough evidence";
  shift: number | null;
  lo: number | null;
  hi: number | null;
  items: number;
  q: number | null;
  equivalence: Equivalence | null;
};

/** Every untargeted trait's leakage verdict: a leak (the flag), no leakage (TOST passed), or not enough evidence either way. */
export function leakageVerdict(t: FlagTrait, ctx: TraitContext): LeakageVerdict | null {
  if (t.target !== undefined) return null;
  const s = leakShiftOf(t);
  const q = ctx.leakageQ?.get(t.key) ?? null;
  const equivalence = leakageEquivalence(t, ctx.thresholds.leakageShift, 1 - ctx.level);
  const leak = s.difference !== null && q !== null && q <= ctx.thresholds.leakageQ && Math.abs(s.difference) >= ctx.thresholds.leakageShift;
  return {
    key: t.key,
    verdict: leak ? "leak" : equivalence?.decision === "equivalent" ? "no leakage" : "not enough evidence",
    shift: s.difference, lo: s.lo, hi: s.hi, items: s.nItems ?? 0, q, equivalence,
  };
}

export function leakageFlag(t: FlagTrait, ctx: TraitContext): Flag | null {
  const th = ctx.thresholds;
  const v = leakageVerdict(t, ctx);
  if (!v || v.verdict !== "leak" || v.shift === null) return null;
  const difference = v.shift;
  const up = difference > 0;
  const name = traitName(t);
  const baseline = t.baseline.mean;
  const evidence = {
    answerIds: baseline === null ? [] : evidenceFor(ctx.answers, byDistance(t.key, baseline, up ? 1 : -1), th.evidenceCount),
    basis: basisOf(t),
    value: { estimate: difference, lo: v.lo, hi: v.hi, level: ctx.level },
    q: v.q!,
    ...(v.equivalence ? { equivalence: v.equivalence } : {}),
  };
  const moved = `over all ${v.items} items of this run its score ${up ? "rose" : "fell"} by ${signed(difference)} against the neutral baseline (${interval(v.lo, v.hi, ctx.level, true)}; q = ${pValue(v.q!)} that it moved more than a negligible ±${th.leakageNegligible})`;
  const own = t.landing.mean === null || baseline === null ? "" : ` On its own probe items it lands at ${pts(t.landing.mean)} against a baseline of ${pts(baseline)}.`;
  if (ctx.untargeted) {
    // Nothing was asked for, so nothing "leaked": report the movement the character type brings, never as an alert.
    return {
      id: `leakage:${t.key}`, kind: "leakage", traits: [t.key], severity: "warn",
      title: `${name} ${up ? "rose" : "fell"} with the character type (no targets set)`,
      explanation: `The persona targets no trait, so this shift comes from the character type itself: ${moved}.${own} Set a target for ${name} to check it against what you intend.`,
      evidence,
    };
  }
  const expected = expectedShift(t, up, ctx.traits ?? []);
  if (expected) {
    // The character type the designer asked for brings this: a side effect to know about, never an alert.
    const partners = expected.with.map((k) => traitName(ctx.traits!.find((p) => p.key === k)!)).join(" and ");
    return {
      id: `leakage:${t.key}`, kind: "leakage", traits: [t.key], severity: "warn",
      title: `${name} came with the character type: ${up ? "rose" : "fell"} with ${partners}`,
      explanation: `${name} is not targeted, yet ${moved}.${own} That is expected: ${expected.reason} Set a target for ${name} if you want it elsewhere.`,
      evidence,
      expected,
    };
  }
  return {
    id: `leakage:${t.key}`, kind: "leakage", traits: [t.key],
    severity: Math.abs(difference) >= th.alertFactor * th.leakageShift ? "alert" : "warn",
    title: `${name} ${up ? "rose" : "fell"} without being asked for`,
    explanation: `${name} is not targeted, yet ${moved}.${own} Traits travel in clusters, so asking for one moves its neighbours; set a target for ${name} if it matters.`,
    evidence,
  };
}

/** A targeted trait's verdict, as the report rows and verdicts carry it: the landing judged (range.ts judgeLanding). */
export type TargetVerdict = LandingJudgement & { key: string };

/**
 * Where a targeted trait stands: THE rule for "is this trait off target?",
 * read by the miss/overshoot flags, the pair flags (targetState) and the
 * report rows. Its landing's whole interval against the instruction actually
 * given (the band's range of targets ± tolerance; without one, target ±
 * tolerance) and, when a range check is known, the achievable range.
 */
export function landingJudgement(t: FlagTrait, th: Thresholds): LandingJudgement | null {
  if (t.target === undefined) return null;
  return judgeLanding({
    landing: t.landing, target: t.target, baseline: t.baseline.mean, tolerance: th.tolerance,
    instructed: t.instructed ?? null, achievable: t.achievable ?? null,
  });
}

export function targetVerdict(t: FlagTrait, th: Thresholds): TargetVerdict | null {
  const j = landingJudgement(t, th);
  return j && { key: t.key, ...j };
}

/** What the landing was judged against, in words: "the instruction it was given (always, targets 85–100; target 95)". */
function askedFor(t: FlagTrait & { target: number }, j: LandingJudgement): string {
  const i = t.instructed;
  if (j.against !== "instructed" || !i) return `its target of ${t.target}`;
  return i.lo === i.hi ? `its target of ${t.target}` : `the instruction its target of ${t.target} compiles to (${instructedWords(i)})`;
}

/** Distance of the landing from what was asked (the instructed range, or the target): the size behind a flag's severity. */
function distanceFromAsked(mean: number, t: FlagTrait & { target: number }, j: LandingJudgement): number {
  const i = j.against === "instructed" && t.instructed ? t.instructed : { lo: t.target, hi: t.target };
  return mean < i.lo ? i.lo - mean : mean > i.hi ? mean - i.hi : 0;
}

export function targetFlag(t: FlagTrait, ctx: TraitContext): Flag | null {
  const th = ctx.thresholds;
  const j = landingJudgement(t, th);
  if (!j || t.target === undefined || (j.verdict !== "miss" && j.verdict !== "overshoot" && j.verdict !== "beyond reach")) return null;
  const target = t as FlagTrait & { target: number };
  const { mean, lo, hi } = t.landing;
  const name = traitName(t);
  const below = hi! < j.window.lo;
  const gap = distanceFromAsked(mean!, target, j);
  const asked = askedFor(target, j);
  const evidence = {
    answerIds: evidenceFor(ctx.answers, byDistance(t.key, below ? j.window.lo : j.window.hi, below ? -1 : 1), th.evidenceCount),
    basis: `landing over its own ${t.landing.nItems ?? t.landing.n} items`,
    value: { estimate: mean!, lo, hi, level: ctx.level },
  };
  const lands = `${name} lands at ${pts(mean!)} (${interval(lo, hi, ctx.level)})`;
  const window = `${pts(j.window.lo)}–${pts(j.window.hi)}`;
  const baseline = `Baseline: ${t.baseline.mean === null ? "not measured" : pts(t.baseline.mean)}.`;
  if (j.verdict === "beyond reach") {
    // The prompt cannot fix this on this model: a fact to know, not an alert.
    return {
      id: `miss:${t.key}`, kind: "miss", traits: [t.key], severity: "warn",
      title: `${name} is ${j.note}`,
      explanation: `${lands}, short of ${asked} by more than the ±${th.tolerance} tolerance (window ${window}) — but that is ${j.note}: the range check's strongest instruction lands there too, so no wording of this prompt will get further on this model and judge. Choose a lower target, or another model. ${baseline}`,
      evidence,
    };
  }
  const kind = j.verdict;
  return {
    id: `${kind}:${t.key}`, kind, traits: [t.key],
    severity: gap >= th.alertFactor * th.tolerance ? "alert" : "warn",
    title: kind === "miss" ? `${name} misses its target` : `${name} overshoots its target`,
    explanation: `${lands}, ${pts(gap)} points ${below ? "below" : "above"} ${asked}; the whole interval is outside the ±${th.tolerance} tolerance (window ${window}).${j.note ? ` On this model, ${j.note}.` : ""} ${baseline}`,
    evidence,
  };
}
