import { relationOf } from "@/lib/probing/traits/relations";
import { pts, traitName } from "@/lib/probing/flags/format";
import type { FlagTrait } from "@/lib/probing/flags/types";

// "Came with the character type": a leak on an untargeted trait that the trait
// library says travels with a targeted one (a reinforcing relation), in the
// direction the designer pushed that target (warm rising with empathetic
// targeted high, or falling with it targeted low). The statistics are the same
// as any leak (minimum-effect test + BH, compute-flags.ts); only the reading
// changes: a side effect the character type brings, never an alert.
// Direction of a target: from the trait's baseline to its target (no baseline: from 50).

export type ExpectedShift = {
  /** The targeted traits it travels with, in the table's order. */
  with: string[];
  /** Why, in words: the relation and its reason from the library. */
  reason: string;
};

/** The direction the designer pushed a targeted trait: +1 up, −1 down, 0 for a target at its baseline (or none). */
export function targetDirection(t: Pick<FlagTrait, "target" | "baseline">): -1 | 0 | 1 {
  if (t.target === undefined) return 0;
  const from = t.baseline.mean ?? 50;
  return t.target > from ? 1 : t.target < from ? -1 : 0;
}

/**
 * Whether an untargeted trait's shift (`up`: it rose) is one the character
 * type implies: a reinforcing relation with a targeted trait pushed the same
 * way. Null when no targeted trait explains it.
 */
export function expectedShift(t: FlagTrait, up: boolean, traits: readonly FlagTrait[]): ExpectedShift | null {
  if (t.target !== undefined) return null;
  const partners = traits.flatMap((p) => {
    if (p.key === t.key || p.target === undefined) return [];
    const dir = targetDirection(p);
    if (dir === 0 || (dir > 0) !== up) return [];
    const rel = relationOf(t.key, p.key);
    return rel.relation === "reinforcing" ? [{ p, reason: rel.reason, dir }] : [];
  });
  if (partners.length === 0) return null;
  const name = traitName(t);
  const why = partners.map(({ p, reason, dir }) =>
    `${traitName(p)}, which you targeted ${dir > 0 ? "up" : "down"} to ${pts(p.target!)} (“${reason}”)`);
  return {
    with: partners.map(({ p }) => p.key),
    reason: `The trait library expects ${name} to travel with ${why.join(" and with ")}.`,
  };
}
