import { BUILTIN_TRAITS } from "@/lib/traits/catalog";
import { REINFORCING_PAIRS } from "@/lib/probing/traits/data/relations-reinforcing";
import { TENSION_PAIRS } from "@/lib/probing/traits/data/relations-tension";

// Expected relations between built-in traits. They seed the default "traits to
// watch" and tell the report which pairs to check for tension; measured runs
// refine them. The lists are stated as expectations about behaviour; a unit
// test checks they agree in sign with the simulator's correlations.

export type TraitRelationKind = "reinforcing" | "neutral" | "tension";
export type TraitRelation = { a: string; b: string; relation: TraitRelationKind; reason: string };

export const NEUTRAL_REASON = "No strong expected relation";

export const TRAIT_RELATIONS: readonly TraitRelation[] = [
  ...REINFORCING_PAIRS.map(([a, b, reason]) => ({ a, b, relation: "reinforcing" as const, reason })),
  ...TENSION_PAIRS.map(([a, b, reason]) => ({ a, b, relation: "tension" as const, reason })),
];

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const byPair = new Map(TRAIT_RELATIONS.map((r) => [pairKey(r.a, r.b), r]));

/** The expected relation of two traits, in either order; neutral when none is stated. */
export function relationOf(a: string, b: string): TraitRelation {
  const found = byPair.get(pairKey(a, b));
  return { a, b, relation: found?.relation ?? "neutral", reason: found?.reason ?? NEUTRAL_REASON };
}

const catalogOrder = new Map(BUILTIN_TRAITS.map((t, i) => [t.key, i]));

/**
 * The given keys (first, in their order, without duplicates) plus every trait
 * with a reinforcing or tension relation to one of them, in catalog order:
 * the default "traits to watch" for a persona's targeted traits.
 */
export function relatedTraits(keys: readonly string[]): string[] {
  const given = [...new Set(keys)];
  const seen = new Set(given);
  const partners = new Set<string>();
  for (const r of TRAIT_RELATIONS) {
    if (seen.has(r.a) && !seen.has(r.b)) partners.add(r.b);
    if (seen.has(r.b) && !seen.has(r.a)) partners.add(r.a);
  }
  const ordered = [...partners].sort((x, y) => (catalogOrder.get(x) ?? 0) - (catalogOrder.get(y) ?? 0));
  return [...given, ...ordered];
}
