import { findTrait, humanizeTraitKey } from "@/lib/traits/catalog";
import type { FlagTrait } from "@/lib/probing/flags/types";

// Wording helpers: flags are read by designers, so numbers are rounded to
// what the judge can resolve and signs use a real minus.

export const traitName = (t: Pick<FlagTrait, "key" | "name">): string => t.name ?? findTrait(t.key)?.name ?? humanizeTraitKey(t.key);

const minus = (s: string) => s.replace(/^-/, "−");

export const pts = (x: number): string => minus(String(Math.round(x)));
export const signed = (x: number): string => (Math.round(x) > 0 ? `+${Math.round(x)}` : minus(String(Math.round(x))));
export const r2 = (x: number): string => minus(x.toFixed(2));
export const pct = (level: number): string => `${Math.round(level * 100)}%`;

export function interval(lo: number | null, hi: number | null, level: number, sign = false): string {
  if (lo === null || hi === null) return "no interval yet";
  const f = sign ? signed : pts;
  return `${pct(level)} interval ${f(lo)} to ${f(hi)}`;
}
