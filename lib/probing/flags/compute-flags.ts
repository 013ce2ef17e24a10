import { benjaminiHochberg } from "@/lib/probing/methods/multiplicity";
import { defaultRng } from "@/lib/probing/random";
import { pairFlags, shortTraitsOf } from "@/lib/probing/flags/pair-flags";
import { DEFAULT_THRESHOLDS } from "@/lib/probing/flags/thresholds";
import { leakageFlag, targetFlag } from "@/lib/probing/flags/trait-flags";
import type { Flag, FlagInput, FlagKind } from "@/lib/probing/flags/types";

// All flags for one probe run: flags about what the designer asked for
// (tension, compromise, miss, overshoot) before side effects (leakage), alerts
// before warnings within a kind. A trait whose shortfall a
// tension or compromise alert already explains gets no separate miss flag: one
// finding, one flag (its overshoot, if any, is still reported).

/**
 * BH q-values of "no shift" for the untargeted traits (the leakage family:
 * every watched trait the designer did not target and whose shift was tested).
 * Targeted traits are not in the family: their movement is asked for.
 */
export function leakageQValues(traits: FlagInput["traits"], alpha: number): Map<string, number> {
  const family = traits.filter((t) => t.target === undefined && typeof t.shift.pValue === "number");
  const { adjusted } = benjaminiHochberg(family.map((t) => t.shift.pValue), alpha);
  return new Map(family.map((t, i) => [t.key, adjusted[i]!]));
}

const KIND_ORDER: readonly FlagKind[] = ["tension", "compromise", "miss", "overshoot", "leakage"];

export function computeFlags(input: FlagInput): Flag[] {
  const thresholds = { ...DEFAULT_THRESHOLDS, ...input.thresholds };
  const level = input.level ?? 0.95;
  const ctx = {
    answers: input.answers, thresholds, level, untargeted: input.traits.every((t) => t.target === undefined),
    leakageQ: leakageQValues(input.traits, thresholds.leakageQ),
  };

  const pairs = pairFlags(input.traits, { ...ctx, correlations: input.correlations, rng: input.rng ?? defaultRng() });
  const explained = shortTraitsOf(pairs, input.traits, thresholds);
  const singles = input.traits.flatMap((t) => {
    const target = targetFlag(t, ctx);
    return [target && !(target.kind === "miss" && explained.has(t.key)) ? target : null, leakageFlag(t, ctx)];
  }).filter((f): f is Flag => f !== null);

  return [...pairs, ...singles]
    .map((flag, i) => ({ flag, i }))
    .sort((x, y) =>
      KIND_ORDER.indexOf(x.flag.kind) - KIND_ORDER.indexOf(y.flag.kind)
      || (x.flag.severity === y.flag.severity ? 0 : x.flag.severity === "alert" ? -1 : 1)
      || x.i - y.i)
    .map(({ flag }) => flag);
}
