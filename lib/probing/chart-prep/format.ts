import type { ReportRow } from "@/lib/schemas/probe";

// Number formatting shared by every chart and table of the report, so a value
// reads the same in the radar, the interval table and a flag's explanation.

const MINUS = "\u2212";

export const clamp = (x: number, lo = 0, hi = 100): number => Math.min(hi, Math.max(lo, x));

/** A whole number, or "—" when there is nothing to show yet. */
export function fmt(x: number | null | undefined, digits = 0): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  const s = x.toFixed(digits);
  return s.startsWith("-") ? MINUS + s.slice(1) : s;
}

/** "+23", "−5", "0": a change always carries its sign. */
export function signed(x: number | null | undefined, digits = 0): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  const s = fmt(x, digits);
  return Number(x.toFixed(digits)) > 0 ? `+${s}` : s === `${MINUS}0` ? "0" : s;
}

/** "[18, 28]"; empty while the interval is unknown. */
export function intervalText(lo: number | null, hi: number | null, sign = false): string {
  if (lo === null || hi === null) return "";
  const f = sign ? signed : fmt;
  return `[${f(lo)}, ${f(hi)}]`;
}

/** Correlations with two decimals and a real minus sign: "−0.40". */
export const formatR = (r: number | null | undefined): string => (r === null || r === undefined ? "—" : fmt(r, 2));

/** "+23 [18, 28] vs baseline"; says what is missing while the baseline is still being collected. */
export function shiftText(shift: ReportRow["shift"]): string {
  if (shift.difference === null) return shift.nBaseline === 0 ? "no baseline yet" : "no landing yet";
  const interval = intervalText(shift.lo, shift.hi, true);
  return `${signed(shift.difference)}${interval ? ` ${interval}` : ""} vs baseline`;
}

/** A threshold from the report's table, with the product default as a fallback (old reports). */
export function thresholdValue(thresholds: readonly { key: string; value: number }[], key: string, fallback: number): number {
  return thresholds.find((t) => t.key === key)?.value ?? fallback;
}
