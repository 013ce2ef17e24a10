import { withinItemCorrelationShift } from "@/lib/probing/methods/within-item-correlation";
import { rngFor, type Rng } from "@/lib/probing/random";
import { correlationOf, type CorrelationMatrix } from "@/lib/probing/stats/correlation";
import { landingSummary, pairedShift } from "@/lib/probing/stats/landing-table";
import { relationOf, type TraitRelationKind } from "@/lib/probing/traits/relations";
import { byJointShortfall, byOpposedMovement, byWinnerOverLoser, evidenceFor } from "@/lib/probing/flags/evidence";
import { interval, pts, r2, rInterval, signed, traitName } from "@/lib/probing/flags/format";
import type { Thresholds } from "@/lib/probing/flags/thresholds";
import type { ControlComparison, Flag, FlagEvidence, FlagInput, FlagTrait } from "@/lib/probing/flags/types";

// Flags for every pair of traits both targeted high.
//   "pulls apart" (kind compromise) — the pair lands short together: both
//        clearly fall short, or neither reaches and the interval of their
//        average shortfall lies wholly beyond the tolerance. Only with single-trait control arms ("A alone", "B
//        alone" on the same items) that show each trait landing LOWER together
//        than alone does the report call it a compromise: without them, falling
//        short together may be two independent misses (the compiler's band, the
//        judge's ceiling), and the word would claim a cause nobody measured.
//   tension (alert) — one reaches its target and the other clearly falls short.
//   tension (warn)  — the persona's answers trade the two off within items
//        clearly more than the neutral assistant's do (the whole interval of
//        r_w(persona) − r_w(baseline) lies below tensionR), and that costs the
//        pair its targets (average shortfall ≥ tensionShortfall, interval > 0).
// "Reaches" = landing ≥ target − tolerance. "Clearly falls short" = the whole
// interval lies below target − tolerance; an interval reaching the line is not
// a shortfall. The library's relations are respected: a pair the library calls
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

export function targetState(t: Targeted, th: Thresholds): State {
  const { mean, hi } = t.landing;
  if (mean === null) return "unclear";
  if (mean >= t.target - th.tolerance) return "reached";
  return hi !== null && hi < t.target - th.tolerance ? "short" : "unclear";
}

const lands = (t: Targeted, level: number) =>
  `${traitName(t)} lands at ${pts(t.landing.mean ?? NaN)} (${interval(t.landing.lo, t.landing.hi, level)}) against a target of ${t.target}`;

/**
 * Average shortfall of the pair below its targets, from the two landings (each
 * over its own items). The interval adds the half-widths, which is
 * conservative: the two landings rest on different items, so their errors are
 * nearly independent and the exact half-width is √(h_a² + h_b²)/2 ≤ (h_a + h_b)/2.
 */
export function pairShortfall(a: Targeted, b: Targeted): { mean: number; lo: number; hi: number; n: number } | null {
  const { mean: ma, halfWidth: ha } = a.landing;
  const { mean: mb, halfWidth: hb } = b.landing;
  if (ma === null || mb === null || !Number.isFinite(ha + hb)) return null;
  const mean = (a.target - ma + (b.target - mb)) / 2;
  return { mean, lo: mean - (ha + hb) / 2, hi: mean + (ha + hb) / 2, n: Math.min(a.landing.n, b.landing.n) };
}

/** Together (this run) − alone (the arm targeting only that trait), paired by item; null without such an arm. */
export function controlComparison(t: Targeted, ctx: PairContext): ControlComparison | null {
  const arm = ctx.controls?.find((c) => c.traits.length === 1 && c.traits[0] === t.key);
  const together = ctx.personaScores?.[t.key];
  if (!arm || !together) return null;
  const aloneScores = arm.scores[t.key] ?? {};
  const s = pairedShift(together, aloneScores, { level: ctx.level });
  if (s.difference === null) return null;
  const alone = landingSummary(aloneScores, { level: ctx.level }).mean;
  return {
    trait: t.key, arm: arm.label ?? arm.kind, alone, together: t.landing.mean,
    estimate: s.difference, lo: s.lo, hi: s.hi, level: ctx.level, items: s.nItems ?? 0,
  };
}

const lowerTogether = (c: ControlComparison | null): boolean => c !== null && c.hi !== null && c.hi < 0;

const controlLine = (c: ControlComparison, t: Targeted, level: number) =>
  `${traitName(t)} alone ("${c.arm}") lands ${pts(c.alone ?? NaN)}; together ${signed(c.estimate)} against it over ${c.items} shared items (${interval(c.lo, c.hi, level, true)})`;

function pullsApart(a: Targeted, b: Targeted, ctx: PairContext, evidence: FlagEvidence): Flag {
  const th = ctx.thresholds;
  const [na, nb] = [traitName(a), traitName(b)];
  const controls = [controlComparison(a, ctx), controlComparison(b, ctx)];
  const measured = controls.filter((c): c is ControlComparison => c !== null);
  const both = `${lands(a, ctx.level)}, and ${lands(b, ctx.level)} (tolerance ±${th.tolerance}; together the pair lands clearly more than ${th.tolerance} points short)`;
  const base = { id: `compromise:${a.key}+${b.key}`, kind: "compromise" as const, traits: [a.key, b.key], severity: "alert" as const };
  const withControls = { ...evidence, ...(measured.length ? { controls: measured } : {}) };
  if (controls.every(lowerTogether)) {
    return {
      ...base,
      title: `${na} and ${nb} settle at a compromise`,
      explanation: `Both are targeted high and both fall short: ${both}. The control arms show the cause: each lands lower together than alone — ${controls.map((c, i) => controlLine(c!, i ? b : a, ctx.level)).join("; ")}. Asking for both makes the model give up some of each. A character type that naturally has both usually lands closer than the two adjectives.`,
      evidence: withControls,
    };
  }
  const controlText = measured.length === 2
    ? ` The control arms do not show a compromise (each trait would have to land lower together than alone): ${measured.map((c) => controlLine(c, c.trait === a.key ? a : b, ctx.level)).join("; ")}.`
    : " Whether they pull each other down (a compromise) or each misses on its own needs the control arms \u201c" + na + " alone\u201d and \u201c" + nb + " alone\u201d on the same items.";
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
      answerIds: evidenceFor(ctx.answers, byJointShortfall(a.key, a.target, b.key, b.target), count), relation,
      basis: "both landings, each over its own items",
    });
  }
  const oneWins = (sa === "reached" && sb === "short") || (sb === "reached" && sa === "short");
  if (oneWins) {
    const [win, lose] = sa === "reached" ? [a, b] : [b, a];
    const control = controlComparison(lose, ctx);
    return {
      id: `tension:${a.key}+${b.key}`, kind: "tension", traits: [a.key, b.key], severity: "alert",
      title: `${traitName(win)} wins over ${traitName(lose)}`,
      explanation: `Both are targeted high, but only one gets there: ${lands(win, ctx.level)}, while ${lands(lose, ctx.level)} — its whole interval more than ${th.tolerance} points short.${control ? ` ${controlLine(control, lose, ctx.level)}.` : ""}${rLine}${note} A character type that naturally has both usually holds them together better.`,
      evidence: {
        answerIds: evidenceFor(ctx.answers, byWinnerOverLoser(win.key, win.target, lose.key, lose.target), count), relation,
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
