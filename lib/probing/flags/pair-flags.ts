import { withinItemCorrelationShift } from "@/lib/probing/methods/within-item-correlation";
import { rngFor, type Rng } from "@/lib/probing/random";
import { correlationOf, type CorrelationMatrix } from "@/lib/probing/stats/correlation";
import { relationOf, type TraitRelationKind } from "@/lib/probing/traits/relations";
import { aloneArmFor, controlVerdict, togetherVsAlone } from "@/lib/probing/control-pairs";
import { landingJudgement } from "@/lib/probing/flags/trait-flags";
import { byJointShortfall, byOpposedMovement, byWinnerOverLoser, evidenceFor } from "@/lib/probing/flags/evidence";
import { instructedWords, interval, pts, r2, rInterval, signed, traitName } from "@/lib/probing/flags/format";
import type { Thresholds } from "@/lib/probing/flags/thresholds";
import type { ControlComparison, Flag, FlagEvidence, FlagInput, FlagTrait } from "@/lib/probing/flags/types";

// Flags for every pair of traits both targeted high.
//   "pulls apart" (kind compromise) — the pair lands short together: both
//        clearly fall short, or neither reaches and the interval of their
//        average shortfall lies wholly beyond the tolerance. Only when the
//        single-trait control arms ("A alone", "B alone" on the same items)
//        give the verdict "compromise" (control-pairs.ts controlVerdict: each
//        trait at least leakageShift points LOWER together than alone, whole
//        interval below 0 — the verdict the report's controlPairs shows) does
//        the flag say compromise: otherwise falling short together may be two
//        independent misses (the compiler's band, the model's or judge's
//        ceiling), and the word would claim a cause nobody measured.
//   tension (alert) — one reaches its target and the other clearly falls short.
//   tension (warn)  — the persona's answers trade the two off within items
//        clearly more than the neutral assistant's do (the whole interval of
//        r_w(persona) − r_w(baseline) lies below tensionR), and that costs the
//        pair its targets (average shortfall ≥ tensionShortfall, interval > 0).
// "Reaches" / "clearly falls short" come from the one landing judgement
// (targetState below: the instructed range ± tolerance, and the achievable
// range when known); an interval reaching the window is not a shortfall. The library's relations are respected: a pair the library calls
// reinforcing, or one whose answers measurably rise together, gets no pair flag
// (when both fall short, those are two misses); a tension pair's trade-off is
// expected, and the flag says so.

export type PairContext = {
  correlations: CorrelationMatrix;
  answers?: FlagInput["answers"];
  itemAnswers?: FlagInput["itemAnswers"];
  personaScores?: FlagInput["personaScores"];
  controls?: FlagInput["controls"];
  thresholds: Thresholds;
  /** When given, every pair's correlation bootstrap uses it; otherwise a seed per pair. */
  rng?: Rng;
  level: number;
};

type Targeted = FlagTrait & { target: number };
type State = "reached" | "short" | "unclear";

/**
 * A high-targeted trait's state in a pair, from THE landing judgement
 * (trait-flags.ts landingJudgement, the rule the miss flag and the report rows
 * read): "reached" — within tolerance, overshot, or not clearly off target with
 * its mean inside the window; "short" — a miss or beyond reach; else unclear.
 */
export function targetState(t: Targeted, th: Thresholds): State {
  const j = landingJudgement(t, th);
  const mean = t.landing.mean;
  if (!j || mean === null) return "unclear";
  if (j.verdict === "within tolerance" || j.verdict === "overshoot") return "reached";
  if (j.verdict === "not clearly off target") return mean >= j.window.lo && mean <= j.window.hi ? "reached" : "unclear";
  return j.verdict === "miss" || j.verdict === "beyond reach" ? "short" : "unclear";
}

/** The lowest target that asks for what this one asks (the instructed range's near edge), or the target itself. */
const askedLo = (t: Targeted): number => (t.instructed ? t.instructed.lo : t.target);

const lands = (t: Targeted, level: number) => {
  const i = t.instructed;
  const band = i && i.lo !== i.hi ? ` (instructed ${instructedWords(i)})` : "";
  return `${traitName(t)} lands at ${pts(t.landing.mean ?? NaN)} (${interval(t.landing.lo, t.landing.hi, level)}) against a target of ${t.target}${band}`;
};

/**
 * Average shortfall of the pair below what was asked — each trait's instructed
 * range's lower edge (the lowest target giving the same instruction; without
 * one, the target) — from the two landings (each over its own items). The
 * interval adds the half-widths, which is conservative: the two landings rest
 * on different items, so their errors are nearly independent and the exact
 * half-width is √(h_a² + h_b²)/2 ≤ (h_a + h_b)/2.
 */
export function pairShortfall(a: Targeted, b: Targeted): { mean: number; lo: number; hi: number; n: number } | null {
  const { mean: ma, halfWidth: ha } = a.landing;
  const { mean: mb, halfWidth: hb } = b.landing;
  if (ma === null || mb === null || !Number.isFinite(ha + hb)) return null;
  const mean = (askedLo(a) - ma + (askedLo(b) - mb)) / 2;
  return { mean, lo: mean - (ha + hb) / 2, hi: mean + (ha + hb) / 2, n: Math.min(a.landing.n, b.landing.n) };
}

/** Together − alone for `t` against its "alone" arm that dropped `partner` (control-pairs.ts, the one computation). */
const compared = (t: Targeted, partner: Targeted, ctx: PairContext): ControlComparison | null =>
  togetherVsAlone(t.key, aloneArmFor(ctx.controls, t.key, partner.key), ctx.personaScores?.[t.key], ctx.level);

const controlLine = (c: ControlComparison, t: Targeted, level: number) =>
  `${traitName(t)} alone ("${c.arm}") lands ${pts(c.alone ?? NaN)}; together ${signed(c.estimate)} against it over ${c.items} shared items (${interval(c.lo, c.hi, level, true)})`;

function pullsApart(a: Targeted, b: Targeted, ctx: PairContext, evidence: FlagEvidence): Flag {
  const th = ctx.thresholds;
  const [na, nb] = [traitName(a), traitName(b)];
  const controls = [compared(a, b, ctx), compared(b, a, ctx)] as const;
  const verdict = controlVerdict(controls, th.leakageShift);
  const measured = controls.filter((c): c is ControlComparison => c !== null);
  const both = `${lands(a, ctx.level)}, and ${lands(b, ctx.level)} (tolerance ±${th.tolerance}; together the pair lands clearly more than ${th.tolerance} points short of what was asked)`;
  const base = { id: `compromise:${a.key}+${b.key}`, kind: "compromise" as const, traits: [a.key, b.key], severity: "alert" as const };
  const withControls = { ...evidence, ...(measured.length ? { controls: measured } : {}) };
  const lines = measured.map((c) => controlLine(c, c.trait === a.key ? a : b, ctx.level)).join("; ");
  if (verdict === "compromise") {
    return {
      ...base,
      title: `${na} and ${nb} settle at a compromise`,
      explanation: `Both are targeted high and both fall short: ${both}. The control arms show the cause: each lands at least ${th.leakageShift} points lower together than alone — ${lines}. Asking for both makes the model give up some of each. A character type that naturally has both usually lands closer than the two adjectives.`,
      evidence: withControls,
    };
  }
  const controlText = verdict === "no evidence of compromise"
    ? ` Control verdict: no evidence of compromise — for at least one trait a drop of ${th.leakageShift} points or more together than alone is excluded, so each falls short on its own (the band, the model's or the judge's ceiling), not because of its partner: ${lines}.`
    : measured.length
      ? ` Control verdict: not enough evidence either way (a compromise needs each trait at least ${th.leakageShift} points lower together than alone, its whole interval below 0): ${lines}.`
      : " Whether they pull each other down (a compromise) or each misses on its own needs the control arms \u201c" + na + " alone\u201d and \u201c" + nb + " alone\u201d on the same items: a probe of a compiled persona runs them (on by default for pairs the library calls tension); a hand-written prompt cannot be split into one instruction each.";
  return { ...base, title: `${na} and ${nb} pull apart: both land short`, explanation: `Both are targeted high and both fall short: ${both}.${controlText}`, evidence: withControls };
}

type CorrelationEvidence = NonNullable<FlagEvidence["correlation"]>;

/** Within-item r of the persona, of the baseline, and their difference with an item-bootstrap interval. */
export function correlationDifference(a: string, b: string, ctx: PairContext): CorrelationEvidence | null {
  if (!ctx.itemAnswers) return null;
  const rng = ctx.rng ?? rngFor("within-item-correlation", a < b ? a : b, a < b ? b : a);
  const s = withinItemCorrelationShift(ctx.itemAnswers.persona, ctx.itemAnswers.baseline, a, b, rng, { level: ctx.level });
  return {
    persona: s.persona.r, baseline: s.baseline.r, items: s.persona.items,
    difference: s.difference === null ? null : { estimate: s.difference, lo: s.lo, hi: s.hi, level: ctx.level },
  };
}

const RELATION_NOTE: Record<TraitRelationKind, string> = {
  tension: " The library expects this pair to pull against each other.",
  neutral: "",
  reinforcing: "",
};

function pairFlag(a: Targeted, b: Targeted, ctx: PairContext): Flag | null {
  const th = ctx.thresholds;
  const relation = relationOf(a.key, b.key).relation;
  if (relation === "reinforcing") return null;
  const corr = correlationOf(ctx.correlations, a.key, b.key);
  if (corr.r !== null && corr.n >= th.minCorrelationN && corr.r >= th.reinforcingR) return null;

  const [sa, sb] = [targetState(a, th), targetState(b, th)];
  const count = th.evidenceCount;
  const rLine = corr.r === null ? "" : ` Within items, their scores correlate at r = ${r2(corr.r)} (${corr.n} answers).`;
  const note = RELATION_NOTE[relation];

  const shortfall = pairShortfall(a, b);
  const togetherShort = sa !== "reached" && sb !== "reached" && shortfall !== null && shortfall.lo > th.tolerance;
  if ((sa === "short" && sb === "short") || togetherShort) {
    return pullsApart(a, b, ctx, {
      answerIds: evidenceFor(ctx.answers, byJointShortfall(a.key, askedLo(a), b.key, askedLo(b)), count), relation,
      basis: "both landings, each over its own items",
    });
  }
  const oneWins = (sa === "reached" && sb === "short") || (sb === "reached" && sa === "short");
  if (oneWins) {
    const [win, lose] = sa === "reached" ? [a, b] : [b, a];
    const control = compared(lose, win, ctx);
    return {
      id: `tension:${a.key}+${b.key}`, kind: "tension", traits: [a.key, b.key], severity: "alert",
      title: `${traitName(win)} wins over ${traitName(lose)}`,
      explanation: `Both are targeted high, but only one gets there: ${lands(win, ctx.level)}, while ${lands(lose, ctx.level)} — its whole interval more than ${th.tolerance} points short of what was asked.${control ? ` ${controlLine(control, lose, ctx.level)}.` : ""}${rLine}${note} A character type that naturally has both usually holds them together better.`,
      evidence: {
        answerIds: evidenceFor(ctx.answers, byWinnerOverLoser(win.key, askedLo(win), lose.key, askedLo(lose)), count), relation,
        basis: "both landings, each over its own items",
        value: { estimate: lose.landing.mean!, lo: lose.landing.lo, hi: lose.landing.hi, level: ctx.level },
        ...(control ? { controls: [control] } : {}),
      },
    };
  }
  if (corr.n < th.minCorrelationN) return null;
  const correlation = correlationDifference(a.key, b.key, ctx);
  const d = correlation?.difference;
  if (!correlation || !d || d.hi === null || d.hi >= th.tensionR) return null;
  if (!shortfall || shortfall.mean < th.tensionShortfall || shortfall.lo <= 0) return null;
  return {
    id: `tension:${a.key}+${b.key}`, kind: "tension", traits: [a.key, b.key], severity: "warn",
    title: `${traitName(a)} and ${traitName(b)} pull against each other`,
    explanation: `Within the same prompt, more of one comes with less of the other, clearly more than for the neutral assistant: within-item r = ${r2(correlation.persona!)} against ${r2(correlation.baseline!)} at baseline, a difference of ${r2(d.estimate)} (${rInterval(d.lo, d.hi, ctx.level)}, over ${correlation.items} items). The pair lands ${pts(shortfall.mean)} points below its targets on average (${interval(shortfall.lo, shortfall.hi, ctx.level)}). ${lands(a, ctx.level)}; ${lands(b, ctx.level)}.${note}`,
    evidence: {
      answerIds: evidenceFor(ctx.answers, byOpposedMovement(a.key, a.landing.mean!, b.key, b.landing.mean!), count),
      basis: "within-item correlation, persona − baseline, items resampled", correlation, relation,
      value: d,
    },
  };
}

export function pairFlags(traits: readonly FlagTrait[], ctx: PairContext): Flag[] {
  const high = traits.filter((t): t is Targeted => t.target !== undefined && t.target >= ctx.thresholds.highTarget);
  const out: Flag[] = [];
  for (let i = 0; i < high.length; i++) {
    for (let j = i + 1; j < high.length; j++) {
      const flag = pairFlag(high[i], high[j], ctx);
      if (flag) out.push(flag);
    }
  }
  return out;
}

/** Traits a pair flag already explains as falling short (their own miss flag would repeat it). */
export function shortTraitsOf(flags: readonly Flag[], traits: readonly FlagTrait[], thresholds: Thresholds): Set<string> {
  const byKey = new Map(traits.map((t) => [t.key, t]));
  const out = new Set<string>();
  for (const f of flags) {
    if (f.severity !== "alert" || (f.kind !== "tension" && f.kind !== "compromise")) continue;
    for (const key of f.traits) {
      const t = byKey.get(key);
      if (t && t.target !== undefined && targetState(t as Targeted, thresholds) === "short") out.add(key);
    }
  }
  return out;
}
