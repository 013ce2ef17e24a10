import type { ProbeReport } from "@/lib/schemas/probe";

// Radar rows: one spoke per watched trait. An untargeted trait is meant to
// stay where the neutral assistant is, so the "intended" polygon uses its
// baseline there; otherwise a target polygon over two targeted traits would cut
// through the middle of the chart and read as "aim low" on every other spoke.

export type RadarRow = {
  key: string;
  name: string;
  targeted: boolean;
  target: number | null;
  /** Target where set, else baseline: what "landing where intended" means for this trait. */
  intended: number | null;
  landing: number | null;
  baseline: number | null;
};

export function radarRows(report: ProbeReport): RadarRow[] {
  return report.rows.map((row) => ({
    key: row.key,
    name: row.name,
    targeted: row.target !== null,
    target: row.target,
    intended: row.target ?? row.baseline.mean,
    landing: row.landing.mean,
    baseline: row.baseline.mean,
  }));
}

export type RadarCompareRow = {
  key: string;
  name: string;
  landingA: number | null;
  landingB: number | null;
  intendedA: number | null;
  intendedB: number | null;
};

/** Both runs' landings over the union of their watched traits (run A's order first). */
export function radarCompareRows(a: ProbeReport, b: ProbeReport): RadarCompareRow[] {
  const rowsA = new Map(radarRows(a).map((r) => [r.key, r]));
  const rowsB = new Map(radarRows(b).map((r) => [r.key, r]));
  const keys = [...new Set([...rowsA.keys(), ...rowsB.keys()])];
  return keys.map((key) => {
    const ra = rowsA.get(key);
    const rb = rowsB.get(key);
    return {
      key,
      name: (ra ?? rb)!.name,
      landingA: ra?.landing ?? null,
      landingB: rb?.landing ?? null,
      intendedA: ra?.intended ?? null,
      intendedB: rb?.intended ?? null,
    };
  });
}
