import type { ProbeReport } from "@/lib/schemas/probe";
import type { PressureReport, SelfReportReport } from "@/lib/schemas/pressure";
import { PRESSURE_FLAG_KINDS } from "@/lib/schemas/pressure";
import type { DiffInterval, PressureDiffRow } from "@/lib/schemas/pressure-diff";

// The rows of a version diff's pressure and self-report part (issue 14 §6),
// from each side's reports: the drift slope over all conversations, the
// self-report gap, and the issue-14 flags on the trait. Pure; the service
// finds the reports (lib/services/probes/pressure-for-diff.ts).

/** What one side brings: the report its pressure section came from, and the one its self-report came from (may be the same). */
export type DiffSideReports = {
  pressure: { section: PressureReport; flags: ProbeReport["flags"] } | null;
  selfReport: { section: SelfReportReport; flags: ProbeReport["flags"] } | null;
};

type Kind = (typeof PRESSURE_FLAG_KINDS)[number];
const PRESSURE_KINDS: readonly Kind[] = ["caves", "drifts-back"];
const SELF_KINDS: readonly Kind[] = ["says-not-does", "does-not-say"];

const interval = (e: { estimate: number | null; lo: number | null; hi: number | null }): DiffInterval => ({ estimate: e.estimate, lo: e.lo, hi: e.hi });

function slopeOf(side: DiffSideReports, trait: string): DiffInterval | null {
  const drift = side.pressure?.section.drift;
  const row = drift?.find((d) => d.trait === trait && d.script === null) ?? drift?.find((d) => d.trait === trait);
  return row ? interval(row.slope) : null;
}

function gapOf(side: DiffSideReports, trait: string): DiffInterval | null {
  const row = side.selfReport?.section.rows.find((r) => r.trait === trait);
  return row ? interval(row.gap) : null;
}

/** The issue-14 flag kinds on `trait`: drift flags from the pressure report, self-report flags from the self-report one. */
function flagsOf(side: DiffSideReports, trait: string): Kind[] {
  const from = (src: { flags: ProbeReport["flags"] } | null, kinds: readonly Kind[]) =>
    (src?.flags ?? []).filter((f) => (kinds as readonly string[]).includes(f.kind) && f.traits.includes(trait)).map((f) => f.kind as Kind);
  const found = new Set([...from(side.pressure, PRESSURE_KINDS), ...from(side.selfReport, SELF_KINDS)]);
  return PRESSURE_FLAG_KINDS.filter((k) => found.has(k));
}

/** The traits either side measured: pushed traits first (the scripts' order), then the rest of the drift, then self-reported ones. */
function traitsOf(a: DiffSideReports, b: DiffSideReports): string[] {
  const out: string[] = [];
  const add = (k: string) => { if (!out.includes(k)) out.push(k); };
  for (const s of [a, b]) for (const x of s.pressure?.section.scripts ?? []) add(x.trait);
  for (const s of [a, b]) for (const d of s.pressure?.section.drift ?? []) add(d.trait);
  for (const s of [a, b]) for (const r of s.selfReport?.section.rows ?? []) add(r.trait);
  return out;
}

export function pressureDiffRows(a: DiffSideReports, b: DiffSideReports): PressureDiffRow[] {
  return traitsOf(a, b).map((trait) => ({
    trait,
    slope: { a: slopeOf(a, trait), b: slopeOf(b, trait) },
    gap: { a: gapOf(a, trait), b: gapOf(b, trait) },
    flags: { a: flagsOf(a, trait), b: flagsOf(b, trait) },
  }));
}
