import type { ProbeReport, ReportFlag } from "@/lib/schemas/probe";

// Comparing two runs (two versions, or one version on two models): per trait,
// how far the landing moved from run A to run B and whether that move is clear
// (the two 95% intervals do not overlap — conservative, but easy to explain);
// and which flags appear, disappear or stay.

export type TraitDelta = {
  key: string;
  name: string;
  targetA: number | null;
  targetB: number | null;
  landingA: number | null;
  landingB: number | null;
  /** landing B − landing A; null unless both runs measured the trait. */
  delta: number | null;
  /** Both intervals known and disjoint. */
  clear: boolean;
};

export type FlagChanges = { appeared: ReportFlag[]; disappeared: ReportFlag[]; kept: ReportFlag[] };
export type RunComparison = { deltas: TraitDelta[]; flags: FlagChanges };

export function compareReports(a: ProbeReport, b: ProbeReport): RunComparison {
  const rowsA = new Map(a.rows.map((r) => [r.key, r]));
  const rowsB = new Map(b.rows.map((r) => [r.key, r]));
  const keys = [...new Set([...rowsA.keys(), ...rowsB.keys()])];
  const deltas = keys.map((key): TraitDelta => {
    const ra = rowsA.get(key);
    const rb = rowsB.get(key);
    const la = ra?.landing.mean ?? null;
    const lb = rb?.landing.mean ?? null;
    const clear = !!ra && !!rb && ra.landing.lo !== null && ra.landing.hi !== null && rb.landing.lo !== null && rb.landing.hi !== null
      && (ra.landing.hi < rb.landing.lo || rb.landing.hi < ra.landing.lo);
    return {
      key,
      name: (ra ?? rb)!.name,
      targetA: ra?.target ?? null,
      targetB: rb?.target ?? null,
      landingA: la,
      landingB: lb,
      delta: la !== null && lb !== null ? lb - la : null,
      clear,
    };
  });
  // A flag's id is its kind plus trait keys, so "the same finding" matches across runs.
  const idsA = new Set(a.flags.map((f) => f.id));
  const idsB = new Set(b.flags.map((f) => f.id));
  return {
    deltas,
    flags: {
      appeared: b.flags.filter((f) => !idsA.has(f.id)),
      disappeared: a.flags.filter((f) => !idsB.has(f.id)),
      kept: b.flags.filter((f) => idsA.has(f.id)),
    },
  };
}
