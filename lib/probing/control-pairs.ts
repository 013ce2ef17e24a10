import { DEFAULT_THRESHOLDS } from "@/lib/probing/flags/thresholds";
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

/** Together − alone for one trait of a controlled pair, paired by item. */
export type ControlResult = {
  trait: string; arm: string; alone: number | null; together: number | null;
  estimate: number; lo: number | null; hi: number | null; items: number;
};

export type ControlVerdict = "compromise" | "no evidence of compromise" | "not enough evidence";

/**
 * The verdict on a controlled pair from its two together − alone differences:
 * - compromise: each trait lands lower together than alone (both intervals wholly below 0);
 * - no evidence of compromise: for at least one trait a drop of `minDrop` or more
 *   is excluded (its interval's lower end ≥ −minDrop), so the pair is not
 *   pulling both down;
 * - not enough evidence: otherwise (an arm missing, or intervals too wide).
 */
export function controlVerdict(results: readonly (ControlResult | null)[], minDrop = DEFAULT_THRESHOLDS.leakageShift): ControlVerdict {
  const measured = results.filter((c): c is ControlResult => c !== null);
  if (measured.length === 2 && measured.every((c) => c.hi !== null && c.hi < 0)) return "compromise";
  if (measured.some((c) => c.lo !== null && c.lo >= -minDrop)) return "no evidence of compromise";
  return "not enough evidence";
}
