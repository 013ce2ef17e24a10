import type { ProbeReport, ReportFlag } from "@/lib/schemas/probe";
import { clamp, shiftText, thresholdValue } from "@/lib/probing/chart-prep/format";

// One row per watched trait for the interval bars: everything is clamped to
// the 0–100 scale the bar draws (a bootstrap end can poke past it), and the
// row carries the flags that name the trait so the table can colour it.

export type Verdict = "pending" | "on-target" | "off-target" | "steady" | "nudged" | "moved";

export type IntervalRow = {
  key: string;
  name: string;
  target: number | null;
  /** target ± tolerance, clamped; null for untargeted traits. */
  toleranceBand: [number, number] | null;
  landing: { mean: number | null; lo: number | null; hi: number | null; n: number };
  baseline: { mean: number | null; n: number };
  shift: { difference: number | null; excludesZero: boolean; text: string };
  /**
   * Plain reading when no flag says more. Targeted: on/off target (± tolerance).
   * Untargeted: steady (interval includes 0), nudged (a clear shift below the
   * leakage threshold) or moved (a clear shift at or above it).
   */
  verdict: Verdict;
  flags: { id: string; kind: ReportFlag["kind"]; severity: ReportFlag["severity"] }[];
  /** The worst severity among the row's flags. */
  severity: ReportFlag["severity"] | null;
  done: "precise" | "budget" | null;
};

const clampOrNull = (x: number | null) => (x === null ? null : clamp(x));

export function intervalRows(report: ProbeReport): IntervalRow[] {
  const tolerance = thresholdValue(report.thresholds, "tolerance", 10);
  const leakage = thresholdValue(report.thresholds, "leakageShift", 8);
  return report.rows.map((row) => {
    const flags = report.flags
      .filter((f) => f.traits.includes(row.key))
      .map((f) => ({ id: f.id, kind: f.kind, severity: f.severity }));
    const severity = flags.some((f) => f.severity === "alert") ? "alert" : flags.length ? "warn" : null;
    const mean = row.landing.mean;
    let verdict: Verdict;
    if (mean === null) verdict = "pending";
    else if (row.target !== null) verdict = Math.abs(mean - row.target) <= tolerance ? "on-target" : "off-target";
    else if (!row.shift.excludesZero) verdict = "steady";
    else verdict = Math.abs(row.shift.difference ?? 0) >= leakage ? "moved" : "nudged";
    return {
      key: row.key,
      name: row.name,
      target: row.target,
      toleranceBand: row.target === null ? null : [clamp(row.target - tolerance), clamp(row.target + tolerance)],
      landing: { mean: clampOrNull(mean), lo: clampOrNull(row.landing.lo), hi: clampOrNull(row.landing.hi), n: row.landing.n },
      baseline: { mean: clampOrNull(row.baseline.mean), n: row.baseline.n },
      shift: { difference: row.shift.difference, excludesZero: row.shift.excludesZero, text: shiftText(row.shift) },
      verdict,
      flags,
      severity,
      done: row.done,
    };
  });
}
