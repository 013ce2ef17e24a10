import type {
  Gap, LandingComparison, LandingDeltaRow, LandingFlagChanges, LandingPoint,
} from "@/lib/schemas/landing-compare";
import type { ProbeReport, ReportFlag, ReportRow } from "@/lib/schemas/probe";
import { compareGaps, landingChange, type GapComparison, type RunAnswer } from "@/lib/probing/compare/paired";

// Two runs of one persona (say v1 and v2), compared trait by trait, paired by
// item (both answered the same library items; compare/paired.ts):
// - the landing change B − A with a paired t-interval ("clear" when it
//   excludes 0);
// - whether B lands closer to the target than A — against ONE fixed target
//   (B's; A's where B sets none), so "closer" means the landing moved, not the
//   target. Issue 11 found "v2 lands closer" reported when only the target had
//   moved. Traits whose target changed are listed (`targetsChanged`);
// - flags that appeared or went away are called "new"/"resolved" only when
//   the paired comparison behind the flag moved clearly the matching way;
//   otherwise they are "unclear", with the reason.
// The per-report numbers (a, b: landing ± interval) are the reports' own, so
// the diff shows the same landings as each run's page.

/** Both sides of a comparison: the run's report and its scored persona answers (the items it pairs on). */
export type LandingSide = { report: ProbeReport; answers: readonly RunAnswer[] };

const f1 = (x: number) => (Math.round(x * 10) / 10).toFixed(1);
const interval = (lo: number | null, hi: number | null) => (lo === null || hi === null ? "no interval" : `95% interval ${f1(lo)} to ${f1(hi)}`);

function point(row: ReportRow | undefined): LandingPoint | null {
  if (!row || row.landing.mean === null) return null;
  const { mean, lo, hi, n } = row.landing;
  return { mean, lo, hi, n };
}

function toGap(g: GapComparison, target: number | null): Gap | null {
  if (g.items === 0 || g.gapA === null || g.gapB === null || g.difference === null) return null;
  return { target, a: g.gapA, b: g.gapB, difference: g.difference, lo: g.lo, hi: g.hi, items: g.items };
}

function deltaRow(key: string, a: LandingSide, b: LandingSide, ra: ReportRow | undefined, rb: ReportRow | undefined): LandingDeltaRow {
  const targetA = ra?.target ?? null;
  const targetB = rb?.target ?? null;
  const target = targetB ?? targetA;
  const change = ra && rb ? landingChange(a.answers, b.answers, key) : null;
  const hasDelta = change !== null && change.estimate !== null;
  const gap = hasDelta && target !== null ? compareGaps(a.answers, b.answers, { [key]: target }) : null;
  const gapRow = gap ? toGap(gap, target) : null;
  return {
    key,
    name: (rb ?? ra)!.name,
    target,
    targetA,
    targetB,
    a: point(ra),
    b: point(rb),
    delta: hasDelta ? change!.estimate : null,
    deltaInterval: change && change.lo !== null && change.hi !== null ? { lo: change.lo, hi: change.hi, halfWidth: (change.hi - change.lo) / 2 } : null,
    items: change?.items ?? 0,
    clear: change?.clear ?? false,
    targetChanged: targetA !== targetB,
    gap: gapRow,
    towardTarget: gapRow ? gap!.verdict : null,
  };
}

/** RMS of (landing − target) over the traits this report targets and has a landing for (against its own targets). */
function distance(report: ProbeReport): { rms: number | null; traits: number } {
  const gaps = report.rows
    .filter((r) => r.target !== null && r.landing.mean !== null)
    .map((r) => r.landing.mean! - r.target!);
  if (gaps.length === 0) return { rms: null, traits: 0 };
  return { rms: Math.sqrt(gaps.reduce((s, g) => s + g * g, 0) / gaps.length), traits: gaps.length };
}

type FlagVerdict = { clear: boolean; reason: string };

function gapReason(g: GapComparison, what: string, targets: Readonly<Record<string, number>>): string {
  if (g.items === 0 || g.difference === null) return `${what}: no shared items to compare`;
  const on = Object.entries(targets).map(([k, t]) => `${k} ${t}`).join(", ");
  const dir = g.difference < 0 ? "closer to" : "further from";
  return `${what} landed ${f1(Math.abs(g.difference))} points ${dir} the target (${on}) (${interval(g.lo, g.hi)}, over ${g.items} items)`;
}

function judgeFlag(
  flag: ReportFlag, change: "appeared" | "went away", a: LandingSide, b: LandingSide,
  rows: Map<string, LandingDeltaRow>, fixed: Readonly<Record<string, number>>,
): FlagVerdict {
  const rowsOf = flag.traits.map((k) => rows.get(k)).filter((r): r is LandingDeltaRow => r !== undefined);
  const moved = rowsOf.filter((r) => r.targetChanged).map((r) => `${r.name} ${r.targetA ?? "none"} → ${r.targetB ?? "none"}`);
  const targetNote = moved.length ? ` The target changed (${moved.join(", ")}), so the flag lists alone would credit that change.` : "";
  if (flag.kind === "miss" || flag.kind === "overshoot" || flag.kind === "tension" || flag.kind === "compromise") {
    const targets = Object.fromEntries(flag.traits.filter((k) => fixed[k] !== undefined).map((k) => [k, fixed[k]]));
    if (!Object.keys(targets).length) return { clear: false, reason: `No target to measure against.${targetNote}` };
    const g = compareGaps(a.answers, b.answers, targets);
    const what = flag.traits.length > 1 ? "The pair" : rowsOf[0]?.name ?? flag.traits[0];
    const wanted = change === "went away" ? "closer" : "further";
    const clear = g.verdict === wanted;
    const why = clear ? "" : g.verdict === "no clear difference" ? ": not a clear move" : ", the other way than the flag suggests";
    return { clear, reason: `${gapReason(g, what, targets)}${why}.${clear ? "" : targetNote}` };
  }
  if (flag.kind === "leakage") {
    const key = flag.traits[0];
    const row = rows.get(key);
    if (!row || row.delta === null) return { clear: false, reason: "No shared items to compare." };
    if (row.targetChanged) return { clear: false, reason: `${row.name} is ${row.targetB === null ? "no longer" : "now"} targeted; leakage is only flagged on untargeted traits.` };
    // The shift the flag was raised on (leakage reads leakShift when the report has it).
    const flaggedRow = (change === "went away" ? a : b).report.rows.find((r) => r.key === key);
    const flagged = (flaggedRow?.leakShift ?? flaggedRow?.shift)?.difference ?? null;
    const back = change === "went away";
    const clear = row.clear && flagged !== null && (back ? Math.sign(row.delta) === -Math.sign(flagged) : Math.sign(row.delta) === Math.sign(flagged));
    const what = `${row.name} moved ${row.delta >= 0 ? "+" : "−"}${f1(Math.abs(row.delta))} points (${interval(row.deltaInterval?.lo ?? null, row.deltaInterval?.hi ?? null)}, over ${row.items} items)`;
    return { clear, reason: `${what}${clear ? (back ? ", back toward the baseline" : ", away from the baseline") : ": not a clear move"}.` };
  }
  return { clear: false, reason: "No paired test for this kind of flag." };
}

/** A flag's id is its kind plus its trait keys, so "the same finding" matches across reports. */
function flagChanges(a: LandingSide, b: LandingSide, rows: Map<string, LandingDeltaRow>, fixed: Readonly<Record<string, number>>): LandingFlagChanges {
  const idsA = new Set(a.report.flags.map((f) => f.id));
  const idsB = new Set(b.report.flags.map((f) => f.id));
  const out: LandingFlagChanges = { appeared: [], resolved: [], kept: b.report.flags.filter((f) => idsA.has(f.id)), unclear: [], reasons: {} };
  const sort = (flag: ReportFlag, change: "appeared" | "went away") => {
    const v = judgeFlag(flag, change, a, b, rows, fixed);
    if (!v.clear) return out.unclear.push({ flag, change, reason: v.reason });
    (change === "appeared" ? out.appeared : out.resolved).push(flag);
    out.reasons[flag.id] = v.reason;
  };
  for (const f of b.report.flags) if (!idsA.has(f.id)) sort(f, "appeared");
  for (const f of a.report.flags) if (!idsB.has(f.id)) sort(f, "went away");
  return out;
}

export function compareLandings(a: LandingSide, b: LandingSide): LandingComparison {
  const rowsA = new Map(a.report.rows.map((r) => [r.key, r]));
  const rowsB = new Map(b.report.rows.map((r) => [r.key, r]));
  const keys = [...rowsB.keys(), ...[...rowsA.keys()].filter((k) => !rowsB.has(k))];
  const rows = keys.map((k) => deltaRow(k, a, b, rowsA.get(k), rowsB.get(k)));
  const fixedTargets: Record<string, number> = {};
  for (const r of rows) if (r.target !== null) fixedTargets[r.key] = r.target;
  const overall = Object.keys(fixedTargets).length ? compareGaps(a.answers, b.answers, fixedTargets) : null;
  const fixed = overall ? toGap(overall, null) : null;
  return {
    rows,
    flags: flagChanges(a, b, new Map(rows.map((r) => [r.key, r])), fixedTargets),
    targetsChanged: rows.filter((r) => r.targetChanged).map((r) => r.key),
    fixedTargets,
    distance: {
      a: distance(a.report),
      b: distance(b.report),
      closer: fixed === null ? null : overall!.verdict === "closer" ? "b" : overall!.verdict === "further" ? "a" : "no clear difference",
      fixed,
    },
  };
}
