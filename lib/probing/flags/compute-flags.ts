import { benjaminiHochberg } from "@/lib/probing/methods/multiplicity";
import { minimumEffectP } from "@/lib/probing/methods/t-distribution";
import { pairFlags, shortTraitsOf } from "@/lib/probing/flags/pair-flags";
import { DEFAULT_THRESHOLDS, type Thresholds } from "@/lib/probing/flags/thresholds";
import {
  landingJudgement, leakageFlag, leakageVerdict, leakShiftOf, targetFlag, targetVerdict, type LeakageVerdict, type TargetVerdict, type TraitContext,
} from "@/lib/probing/flags/trait-flags";
import type { Flag, FlagInput, FlagKind } from "@/lib/probing/flags/types";

// All flags for one probe run: flags about what the designer asked for
// (tension, compromise, miss, overshoot) before side effects (leakage), alerts
// before warnings within a kind, and a leak the character type does not explain
// before one it does ("came with the character type", flags/expected.ts). A trait whose shortfall a
// tension or compromise alert already explains gets no separate miss flag: one
// finding, one flag (its overshoot or "beyond reach", if any, is still reported).
// "Off target" has one rule (trait-flags.ts landingJudgement), read by the
// miss/overshoot flags, the pair flags and the report rows alike.

/**
 * BH q-values of "no more than a negligible shift" (|shift| ≤ negligible, a
 * minimum-effect test: methods/t-distribution.ts minimumEffectP) for the
 * untargeted traits (the leakage family: every watched trait the designer did
 * not target and whose shift was tested, on the shift leakage reads — over all
 * the run's items when the table has it). Targeted traits are not in the
 * family: their movement is asked for.
 */
export function leakageQValues(traits: FlagInput["traits"], alpha: number, negligible = DEFAULT_THRESHOLDS.leakageNegligible): Map<string, number> {
  const family = traits.filter((t) => {
    const s = leakShiftOf(t);
    return t.target === undefined && s.difference !== null && typeof s.se === "number" && s.se >= 0 && typeof s.df === "number";
  });
  const p = family.map((t) => {
    const s = leakShiftOf(t);
    return minimumEffectP(s.difference!, s.se!, s.df!, negligible);
  });
  const { adjusted } = benjaminiHochberg(p, alpha);
  return new Map(family.map((t, i) => [t.key, adjusted[i]!]));
}

const KIND_ORDER: readonly FlagKind[] = ["tension", "compromise", "miss", "overshoot", "leakage"];

function traitContext(input: FlagInput): TraitContext & { thresholds: Thresholds } {
  const thresholds = { ...DEFAULT_THRESHOLDS, ...input.thresholds };
  return {
    answers: input.answers, thresholds, level: input.level ?? 0.95, untargeted: input.traits.every((t) => t.target === undefined), traits: input.traits,
    leakageQ: leakageQValues(input.traits, thresholds.leakageQ, thresholds.leakageNegligible),
  };
}

export function computeFlags(input: FlagInput): Flag[] {
  const ctx = traitContext(input);
  const pairs = pairFlags(input.traits, {
    ...ctx, correlations: input.correlations, itemAnswers: input.itemAnswers, personaScores: input.personaScores,
    controls: input.controls, rng: input.rng,
  });
  const explained = shortTraitsOf(pairs, input.traits, ctx.thresholds);
  const singles = input.traits.flatMap((t) => {
    const target = targetFlag(t, ctx);
    // A plain miss the pair flag explains is dropped; "beyond reach" is kept: it says something the pair flag does not.
    const repeats = explained.has(t.key) && landingJudgement(t, ctx.thresholds)?.verdict === "miss";
    return [target && !repeats ? target : null, leakageFlag(t, ctx)];
  }).filter((f): f is Flag => f !== null);

  return [...pairs, ...singles]
    .map((flag, i) => ({ flag, i }))
    .sort((x, y) =>
      KIND_ORDER.indexOf(x.flag.kind) - KIND_ORDER.indexOf(y.flag.kind)
      || (x.flag.severity === y.flag.severity ? 0 : x.flag.severity === "alert" ? -1 : 1)
      || Number(Boolean(x.flag.expected)) - Number(Boolean(y.flag.expected))
      || x.i - y.i)
    .map(({ flag }) => flag);
}

export type TraitVerdicts = { targets: TargetVerdict[]; leakage: LeakageVerdict[] };

/**
 * What the report may say about every trait, flagged or not: a targeted trait
 * is within tolerance, missed, overshot, beyond reach, or "not clearly off
 * target" (its interval reaches the window's edge) — the judgement the flags
 * read, with its window; an untargeted one leaked, showed "no
 * leakage (equivalent within ±X)" by TOST, or gave not enough evidence either way.
 */
export function traitVerdicts(input: FlagInput): TraitVerdicts {
  const ctx = traitContext(input);
  return {
    targets: input.traits.flatMap((t) => targetVerdict(t, ctx.thresholds) ?? []),
    leakage: input.traits.flatMap((t) => leakageVerdict(t, ctx) ?? []),
  };
}
