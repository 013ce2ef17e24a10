import { findTrait, humanizeTraitKey } from "@/lib/traits/catalog";

/**
 * A trait's display name: the report's name when it measured the trait (this
 * covers workspace custom traits), else the built-in library's, else the key
 * made readable.
 */
export function traitNamer(rows: readonly { key: string; name: string }[] = []): (key: string) => string {
  const measured = new Map(rows.map((r) => [r.key, r.name]));
  return (key) => measured.get(key) ?? findTrait(key)?.name ?? humanizeTraitKey(key);
}
