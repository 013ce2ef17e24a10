import type { ProbeReport, ReportFlag } from "@/lib/schemas/probe";
import { clamp, shiftText, thresholdValue } from "@/lib/probing/chart-prep/format";

// One row per watched trait for the interval bars: everything is clamped to
// the 0–100 scale the bar draws (a bootstrap end can poke past it), and the
// row carries the flags that name the trait so the table can colour it.

export type Verdict = "pending" | "on-target" | "off-target" | "not-clearly-off" | "steady" | "nudged" | "moved" | "no-leak" | "possible-leak";

export type IntervalRow = {
  key: string;
  name: string;
  target: number | null;
  /** target ± tolerance, clamped; null for untargeted traits. */
  toleranceBand: [number, number] | null;
  landing: { mean: number | null; lo: number | null; hi: number | null; n: number };
  baseline: { mean: number | null; n: number };
  /** The shift the report's verdicts read: over all the run's items when the report has it, else the trait's own items. */
  shift: { difference: number | null; excludesZero: boolean; text: string; allItems: boolean };
  /**
   * Plain reading when no flag says more. Targeted: the report's own judgement of the
   * landing (row.judged: the whole interval against the instructed window — the rule
   * the flags and the verdict line read), else on/off target (± tolerance) for old reports.
   * Untargeted, from the report's leakage verdict when it has one: no-leak (the
   * equivalence test passed), possible-leak (a shift of at least the leakage
   * threshold whose test has not cleared), moved (a leak); otherwise steady
   * (interval includes 0) or nudged (a clear shift below the threshold).
   */
  verdict: Verdict;
  flags: { id: string; kind: ReportFlag["kind"]; severity: ReportFlag["severity"] }[];
  /** The worst severity among the row's flags. */
  severity: ReportFlag["severity"] | null;
  done: "precise" | "budget" | null;
};

const clampOrNull = (x: number | null) => (x === null ? null : clamp(x));

/** The report's judgement of a targeted landing, as the row's badge. */
function targetedVerdict(judged: NonNullable<ProbeReport["rows"][number]["judged"]>["verdict"] | undefined): Verdict | null {
  switch (judged) {
    case "within tolerance": return "on-target";
    case "miss": case "overshoot": case "beyond reach": return "off-target";
    case "not clearly off target": return "not-clearly-off";
    case "not measured": return "pending";
    default: return null;
  }
}

export function intervalRows(report: ProbeReport): IntervalRow[] {
  const tolerance = thresholdValue(report.thresholds, "tolerance", 10);
  const leakage = thresholdValue(report.thresholds, "leakageShift", 8);
  const leakVerdicts = new Map((report.verdicts?.leakage ?? []).map((v) => [v.key, v.verdict]));
  return report.rows.map((row) => {
    const shift = row.leakShift ?? row.shift;
    const flags = report.flags
      .filter((f) => f.traits.includes(row.key))
      .map((f) => ({ id: f.id, kind: f.kind, severity: f.severity }));
    const severity = flags.some((f) => f.severity === "alert") ? "alert" : flags.length ? "warn" : null;
    const mean = row.landing.mean;
    let verdict: Verdict;
    if (mean === null) verdict = "pending";
    else if (row.target !== null) verdict = targetedVerdict(row.judged?.verdict) ?? (Math.abs(mean - row.target) <= tolerance ? "on-target" : "off-target");
    else {
      const big = Math.abs(shift.difference ?? 0) >= leakage;
      const v = leakVerdicts.get(row.key);
      if (v === "leak") verdict = "moved";
      else if (v === "no leakage") verdict = "no-leak";
      else if (v === "not enough evidence" && big) verdict = "possible-leak";
      else if (!shift.excludesZero) verdict = "steady";
      else verdict = big && v === undefined ? "moved" : "nudged";
    }
    return {
      key: row.key,
      name: row.name,
      target: row.target,
      toleranceBand: row.target === null ? null : [clamp(row.target - tolerance), clamp(row.target + tolerance)],
      landing: { mean: clampOrNull(mean), lo: clampOrNull(row.landing.lo), hi: clampOrNull(row.landing.hi), n: row.landing.n },
      baseline: { mean: clampOrNull(row.baseline.mean), n: row.baseline.n },
      shift: { difference: shift.difference, excludesZero: shift.excludesZero, text: shiftText(shift), allItems: row.leakShift !== undefined },
      verdict,
      flags,
      severity,
      done: row.done,
    };
  });
}
