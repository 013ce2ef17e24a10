import type { Rng } from "@/lib/probing/random";
import { correlationOf, type CorrelationMatrix } from "@/lib/probing/stats/correlation";
import { summarize } from "@/lib/probing/stats/summarize";
import { byJointShortfall, byOpposedMovement, byWinnerOverLoser, evidenceFor } from "@/lib/probing/flags/evidence";
import { interval, pts, r2, traitName } from "@/lib/probing/flags/format";
import type { Thresholds } from "@/lib/probing/flags/thresholds";
import type { AnswerScores, Flag, FlagTrait } from "@/lib/probing/flags/types";

// Tension and compromise, for every pair of traits both targeted high:
//   compromise — both fall short: the model settles between them;
//   tension    — one reaches its target and the other falls short (alert), or
//                the two trade off answer by answer (r clearly negative) and
//                that trade-off costs the pair its targets (warn).
// "Reaches" = landing ≥ target − tolerance. "Falls short" = landing below
// target − tolerance AND the interval below the target, so one unlucky
// estimate of a wide interval does not count. Pairs that clearly rise and fall
// together are skipped: if both miss, that is two misses, not a trade-off.

export type PairContext = {
  correlations: CorrelationMatrix;
  answers?: readonly AnswerScores[];
  thresholds: Thresholds;
  rng: Rng;
  level: number;
};

type Targeted = FlagTrait & { target: number };
type State = "reached" | "short" | "unclear";

function targetState(t: Targeted, th: Thresholds): State {
  const { mean, hi } = t.landing;
  if (mean === null) return "unclear";
  if (mean >= t.target - th.tolerance) return "reached";
  return hi !== null && hi < t.target ? "short" : "unclear";
}

const lands = (t: Targeted, level: number) =>
  `${traitName(t)} lands at ${pts(t.landing.mean ?? NaN)} (${interval(t.landing.lo, t.landing.hi, level)}) against a target of ${t.target}`;

/**
 * Average shortfall of the pair below its targets. Per answer when answers are
 * given (the negative co-movement then cancels, so this interval is tight);
 * otherwise from the two summaries, with a conservative interval.
 */
export function pairShortfall(a: Targeted, b: Targeted, ctx: PairContext): { mean: number; lo: number; hi: number; n: number } | null {
  const perAnswer: number[] = [];
  for (const answer of ctx.answers ?? []) {
    const x = answer.scores[a.key], y = answer.scores[b.key];
    if (typeof x === "number" && typeof y === "number") perAnswer.push((a.target - x + (b.target - y)) / 2);
  }
  if (perAnswer.length >= 2) {
    const s = summarize(perAnswer, ctx.rng, { level: ctx.level });
    return { mean: s.mean!, lo: s.lo!, hi: s.hi!, n: s.n };
  }
  const { mean: ma, halfWidth: ha } = a.landing;
  const { mean: mb, halfWidth: hb } = b.landing;
  if (ma === null || mb === null || !Number.isFinite(ha + hb)) return null;
  const mean = (a.target - ma + (b.target - mb)) / 2;
  return { mean, lo: mean - (ha + hb) / 2, hi: mean + (ha + hb) / 2, n: Math.min(a.landing.n, b.landing.n) };
}

function pairFlag(a: Targeted, b: Targeted, ctx: PairContext): Flag | null {
  const th = ctx.thresholds;
  const corr = correlationOf(ctx.correlations, a.key, b.key);
  const clearR = corr.r !== null && corr.n >= th.minCorrelationN ? corr.r : null;
  if (clearR !== null && clearR >= th.reinforcingR) return null;

  const [sa, sb] = [targetState(a, th), targetState(b, th)];
  const [na, nb] = [traitName(a), traitName(b)];
  const rLine = clearR === null ? "" : ` Across ${corr.n} answers their scores correlate at r = ${r2(clearR)}.`;
  const count = th.evidenceCount;

  if (sa === "short" && sb === "short") {
    return {
      id: `compromise:${a.key}+${b.key}`, kind: "compromise", traits: [a.key, b.key], severity: "alert",
      title: `${na} and ${nb} settle in between`,
      explanation: `Both are targeted high and both fall short: ${lands(a, ctx.level)}, and ${lands(b, ctx.level)} (tolerance ±${th.tolerance}). The model settles on a compromise instead of giving you both.${rLine} A character type that naturally has both usually lands closer than the two adjectives.`,
      evidence: { answerIds: evidenceFor(ctx.answers, byJointShortfall(a.key, a.target, b.key, b.target), count) },
    };
  }
  const oneWins = (sa === "reached" && sb === "short") || (sb === "reached" && sa === "short");
  if (oneWins) {
    const [win, lose] = sa === "reached" ? [a, b] : [b, a];
    return {
      id: `tension:${a.key}+${b.key}`, kind: "tension", traits: [a.key, b.key], severity: "alert",
      title: `${traitName(win)} wins over ${traitName(lose)}`,
      explanation: `Both are targeted high, but only one gets there: ${lands(win, ctx.level)}, while ${lands(lose, ctx.level)} — more than ${th.tolerance} points short.${rLine} A character type that naturally has both usually holds them together better.`,
      evidence: { answerIds: evidenceFor(ctx.answers, byWinnerOverLoser(win.key, win.target, lose.key, lose.target), count) },
    };
  }
  if (clearR === null || clearR > th.tensionR) return null;
  const shortfall = pairShortfall(a, b, ctx);
  if (!shortfall || shortfall.mean < th.tensionShortfall || shortfall.lo <= 0) return null;
  return {
    id: `tension:${a.key}+${b.key}`, kind: "tension", traits: [a.key, b.key], severity: "warn",
    title: `${na} and ${nb} pull against each other`,
    explanation: `Answer by answer, more of one comes with less of the other (r = ${r2(clearR)} across ${corr.n} answers), and the pair lands ${pts(shortfall.mean)} points below its targets on average (${interval(shortfall.lo, shortfall.hi, ctx.level)}). ${lands(a, ctx.level)}; ${lands(b, ctx.level)}.`,
    evidence: { answerIds: evidenceFor(ctx.answers, byOpposedMovement(a.key, a.landing.mean!, b.key, b.landing.mean!), count) },
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
