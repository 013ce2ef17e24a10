import { DEFAULT_THRESHOLDS } from "@/lib/probing/flags/thresholds";
import type { ControlArm, ControlComparison } from "@/lib/probing/flags/types";
import type { ItemScores } from "@/lib/probing/methods/items";
import { landingSummary, pairedShift } from "@/lib/probing/stats/landing-table";
import { relationOf } from "@/lib/probing/traits/relations";

// Single-trait control arms (issue 11 §3): which pairs of a persona's targets
// get "A alone" and "B alone" arms. On by default for every pair of targeted
// traits the library calls tension and both targeted high (the pairs the
// report's compromise/tension flags read; a pair with a low target is not
// asked for together, so nothing compromises); any other pair of targets on
// request. "A alone" is the persona with A's target kept and its partners'
// targets (in every chosen pair) removed, so one arm per trait serves all its
// pairs; it answers A's probe items only (its kind: control:<A>).

export type ControlPair = readonly [string, string];

const sorted = (a: string, b: string): ControlPair => (a < b ? [a, b] : [b, a]);

/** Tension pairs (library relation) among the targets, both at or above the high-target line. */
export function defaultControlPairs(targets: Readonly<Record<string, number>>, highTarget = DEFAULT_THRESHOLDS.highTarget): ControlPair[] {
  const keys = Object.keys(targets).filter((k) => targets[k] >= highTarget).sort();
  const out: ControlPair[] = [];
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) if (relationOf(keys[i], keys[j]).relation === "tension") out.push([keys[i], keys[j]]);
  }
  return out;
}

/** The pairs a run controls: the defaults (unless turned off) plus the chosen ones, each once, in key order. */
export function controlPairs(targets: Readonly<Record<string, number>>, opts: { tension: boolean; chosen: readonly ControlPair[] }): ControlPair[] {
  const seen = new Map<string, ControlPair>();
  for (const p of [...(opts.tension ? defaultControlPairs(targets) : []), ...opts.chosen.map(([a, b]) => sorted(a, b))]) seen.set(p.join("|"), p);
  return [...seen.values()].sort((x, y) => x.join("|").localeCompare(y.join("|")));
}

/** For each trait in a controlled pair: the partners whose targets its "alone" arm drops. */
export function aloneArms(pairs: readonly ControlPair[]): { trait: string; without: string[] }[] {
  const partners = new Map<string, Set<string>>();
  for (const [a, b] of pairs) {
    (partners.get(a) ?? partners.set(a, new Set()).get(a)!).add(b);
    (partners.get(b) ?? partners.set(b, new Set()).get(b)!).add(a);
  }
  return [...partners.entries()].sort(([x], [y]) => x.localeCompare(y)).map(([trait, w]) => ({ trait, without: [...w].sort() }));
}

export const controlKind = (trait: string): string => `control:${trait}`;

/** The "A alone" arm that controls `trait` against `partner`: it targets only `trait` and dropped `partner`'s target. */
export function aloneArmFor(arms: readonly ControlArm[] | undefined, trait: string, partner: string): ControlArm | null {
  return arms?.find((a) => a.traits.length === 1 && a.traits[0] === trait && (!a.without || a.without.includes(partner))) ?? null;
}

/**
 * Together − alone for one trait of a controlled pair: the persona's scores on
 * the trait's own items against the "A alone" arm's on the same items, paired
 * by item. The one computation behind the compromise flag and the report's
 * controlPairs; null without an arm or without shared items.
 */
export function togetherVsAlone(trait: string, arm: ControlArm | null, together: ItemScores | undefined, level = 0.95): ControlComparison | null {
  if (!arm || !together) return null;
  const alone = arm.scores[trait] ?? {};
  const s = pairedShift(together, alone, { level });
  if (s.difference === null) return null;
  return {
    trait, arm: arm.label ?? arm.kind, alone: landingSummary(alone, { level }).mean, together: landingSummary(together, { level }).mean,
    estimate: s.difference, lo: s.lo, hi: s.hi, level, items: s.nItems ?? 0,
  };
}

export type ControlVerdict = "compromise" | "no evidence of compromise" | "not enough evidence";

/**
 * The verdict on a controlled pair from its two together − alone differences
 * (the one rule the compromise flag and the report's controlPairs use):
 * - compromise: each trait lands lower together than alone — its whole interval
 *   below 0 AND its estimate at least `minDrop` points down (a 2–3 point dip is
 *   nothing a designer should act on);
 * - no evidence of compromise: for at least one trait a drop of `minDrop` or
 *   more is excluded (its interval's lower end above −minDrop), so the pair is
 *   not pulling both down by an amount that matters;
 * - not enough evidence: otherwise (an arm missing, or intervals too wide).
 */
export function controlVerdict(comparisons: readonly (ControlComparison | null)[], minDrop = DEFAULT_THRESHOLDS.leakageShift): ControlVerdict {
  const measured = comparisons.filter((c): c is ControlComparison => c !== null);
  if (measured.length === 2 && measured.every((c) => c.hi !== null && c.hi < 0 && c.estimate <= -minDrop)) return "compromise";
  if (measured.some((c) => c.lo !== null && c.lo > -minDrop)) return "no evidence of compromise";
  return "not enough evidence";
}

/** Both traits of a pair against their "alone" arms, and the verdict. */
export function controlPair(
  a: string, b: string, arms: readonly ControlArm[] | undefined, together: Readonly<Record<string, ItemScores>>, opts: { level?: number; minDrop?: number } = {},
): { traits: [string, string]; comparisons: [ControlComparison | null, ControlComparison | null]; verdict: ControlVerdict } {
  const comparisons: [ControlComparison | null, ControlComparison | null] = [
    togetherVsAlone(a, aloneArmFor(arms, a, b), together[a], opts.level),
    togetherVsAlone(b, aloneArmFor(arms, b, a), together[b], opts.level),
  ];
  return { traits: [a, b], comparisons, verdict: controlVerdict(comparisons, opts.minDrop) };
}
