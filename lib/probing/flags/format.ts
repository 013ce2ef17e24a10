import { findTrait, humanizeTraitKey } from "@/lib/traits/catalog";
import type { Instructed } from "@/lib/probing/range";
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

/** A p- or q-value as a reader wants it: "0.003", "< 0.001", "0.41". */
export function pValue(p: number): string {
  if (p < 0.001) return "< 0.001";
  return p < 0.01 ? p.toFixed(3) : p.toFixed(2);
}

/** "+12 (±4)": an estimate with the half-width of its interval (asymmetric intervals: the larger side). */
export function withHalfWidth(estimate: number, lo: number | null, hi: number | null, sign = true): string {
  const f = sign ? signed : pts;
  if (lo === null || hi === null) return f(estimate);
  return `${f(estimate)} (±${Math.round(Math.max(estimate - lo, hi - estimate))})`;
}

/** An interval of correlations: "95% interval −0.52 to −0.31". */
export function rInterval(lo: number | null, hi: number | null, level: number): string {
  return lo === null || hi === null ? "no interval yet" : `${pct(level)} interval ${r2(lo)} to ${r2(hi)}`;
}

/** An instructed range in words: "“always”, targets 85–100" (no word known: "targets 85–100"). */
export function instructedWords(i: Instructed): string {
  const word = i.label?.replace(/\s*\(.*\)$/, "");
  return `${word ? `“${word}”, ` : ""}targets ${i.lo}–${i.hi}`;
}
