import type {
  LandingComparison, LandingDeltaRow, LandingFlagChanges, LandingPoint, TowardTarget,
} from "@/lib/schemas/landing-compare";
import type { ProbeReport, ReportRow } from "@/lib/schemas/probe";

// Two reports of one persona (say v1 and v2), compared trait by trait: how far
// each landing moved, whether that move is clear of noise, whether it went
// toward the target, and which flags appeared or went away.
//
// The delta's 95% interval is delta ± √(hwA² + hwB²). That is the usual width
// for a difference of two independent estimates — variances add — applied to
// the half-widths the reports already show. It is an approximation: bootstrap
// intervals can be a little lopsided and this one is symmetric around the delta.
// It errs on the wide side where it matters:
// - both runs ask the same probe items (and, with a seeded model or the
//   simulator, the same seeds) and use one judge rubric, so item and judge
//   effects are shared; that makes the two means move together, and the true
//   spread of their difference is smaller than the sum of variances assumed here;
// - each half-width is already the small-n expanded bootstrap interval;
// - a landing with one answer has no interval, so its delta is never clear.
// It is less strict than "the two intervals do not overlap" (hwA + hwB, the
// rule of the compare-runs table): with equal widths that rule needs a move of
// 2 half-widths before it calls it clear, this one √2 ≈ 1.4.

/** Moves of at most this many points (toward target, overall distance) count as "same". */
export const SAME_WITHIN = 1;

function point(row: ReportRow | undefined): LandingPoint | null {
  if (!row || row.landing.mean === null) return null;
  const { mean, lo, hi, n } = row.landing;
  return { mean, lo, hi, n };
}

function toward(a: LandingPoint | null, b: LandingPoint | null, target: number | null): TowardTarget | null {
  if (!a || !b || target === null) return null;
  const change = Math.abs(b.mean - target) - Math.abs(a.mean - target);
  if (Math.abs(change) <= SAME_WITHIN) return "same";
  return change < 0 ? "closer" : "further";
}

function deltaRow(key: string, ra: ReportRow | undefined, rb: ReportRow | undefined): LandingDeltaRow {
  const a = point(ra);
  const b = point(rb);
  const targetA = ra?.target ?? null;
  const targetB = rb?.target ?? null;
  const target = targetB ?? targetA;
  const delta = a && b ? b.mean - a.mean : null;
  const hwA = ra?.landing.halfWidth ?? null;
  const hwB = rb?.landing.halfWidth ?? null;
  const halfWidth = delta !== null && hwA !== null && hwB !== null ? Math.hypot(hwA, hwB) : null;
  const deltaInterval = delta !== null && halfWidth !== null ? { lo: delta - halfWidth, hi: delta + halfWidth, halfWidth } : null;
  return {
    key,
    name: (rb ?? ra)!.name,
    target,
    targetA,
    targetB,
    a,
    b,
    delta,
    deltaInterval,
    clear: deltaInterval !== null && (deltaInterval.lo > 0 || deltaInterval.hi < 0),
    towardTarget: toward(a, b, target),
  };
}

/** A flag's id is its kind plus its trait keys, so "the same finding" matches across reports. */
function flagChanges(a: ProbeReport, b: ProbeReport): LandingFlagChanges {
  const idsA = new Set(a.flags.map((f) => f.id));
  const idsB = new Set(b.flags.map((f) => f.id));
  return {
    appeared: b.flags.filter((f) => !idsA.has(f.id)),
    resolved: a.flags.filter((f) => !idsB.has(f.id)),
    kept: b.flags.filter((f) => idsA.has(f.id)),
  };
}

/** RMS of (landing − target) over the traits this report targets and has a landing for. */
function distance(report: ProbeReport): { rms: number | null; traits: number } {
  const gaps = report.rows
    .filter((r) => r.target !== null && r.landing.mean !== null)
    .map((r) => r.landing.mean! - r.target!);
  if (gaps.length === 0) return { rms: null, traits: 0 };
  return { rms: Math.sqrt(gaps.reduce((s, g) => s + g * g, 0) / gaps.length), traits: gaps.length };
}

export function compareLandings(a: ProbeReport, b: ProbeReport): LandingComparison {
  const rowsA = new Map(a.rows.map((r) => [r.key, r]));
  const rowsB = new Map(b.rows.map((r) => [r.key, r]));
  const keys = [...rowsB.keys(), ...[...rowsA.keys()].filter((k) => !rowsB.has(k))];
  const da = distance(a);
  const db = distance(b);
  const closer = da.rms === null || db.rms === null
    ? null
    : Math.abs(da.rms - db.rms) <= SAME_WITHIN ? "same" : db.rms < da.rms ? "b" : "a";
  return {
    rows: keys.map((k) => deltaRow(k, rowsA.get(k), rowsB.get(k))),
    flags: flagChanges(a, b),
    distance: { a: da, b: db, closer },
  };
}
