import { BUILTIN_TRAITS } from "@/lib/traits/catalog";
import { relatedTraits, TRAIT_RELATIONS } from "@/lib/probing/traits/relations";

// The default "traits to watch" for a probe (issue 12 §6): every targeted trait,
// then the related traits most strongly tied to the targets, up to a cap — so a
// 2-target persona watches about 8 traits, not 16. "Watch all related" is one
// option away. Strength = how many of the targets a trait has a stated relation
// with (reinforcing or tension); ties in catalog order.

export const DEFAULT_WATCH_CAP = 8;

const catalogOrder = new Map(BUILTIN_TRAITS.map((t, i) => [t.key, i]));

export function defaultWatchSet(targetKeys: readonly string[], options: { allRelated?: boolean; cap?: number } = {}): string[] {
  const all = relatedTraits(targetKeys);
  if (options.allRelated) return all;
  const given = [...new Set(targetKeys)];
  const cap = Math.max(given.length, options.cap ?? DEFAULT_WATCH_CAP);
  const targets = new Set(given);
  const links = new Map<string, number>();
  for (const r of TRAIT_RELATIONS) {
    if (targets.has(r.a) && !targets.has(r.b)) links.set(r.b, (links.get(r.b) ?? 0) + 1);
    if (targets.has(r.b) && !targets.has(r.a)) links.set(r.a, (links.get(r.a) ?? 0) + 1);
  }
  const partners = all.filter((k) => !targets.has(k))
    .sort((x, y) => (links.get(y) ?? 0) - (links.get(x) ?? 0) || (catalogOrder.get(x) ?? 0) - (catalogOrder.get(y) ?? 0));
  return [...given, ...partners].slice(0, cap);
}
