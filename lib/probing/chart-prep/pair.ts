import type { ProbeReport } from "@/lib/schemas/probe";

// Which two traits the scatter opens on: the pair a flag is about (what the
// designer has to act on), else the pair with the most negative answer-level
// correlation (the strongest trade-off), else the first two watched traits.

export function defaultPair(report: ProbeReport): [string, string] | null {
  const known = new Set(report.rows.map((r) => r.key));
  const flagged = report.flags.find((f) => f.traits.length >= 2 && f.traits.slice(0, 2).every((k) => known.has(k)));
  if (flagged) return [flagged.traits[0], flagged.traits[1]];

  const { keys, r } = report.correlations;
  let best: [string, string] | null = null;
  let lowest = Infinity;
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      const v = r[i]?.[j];
      if (typeof v === "number" && v < lowest) {
        lowest = v;
        best = [keys[i], keys[j]];
      }
    }
  }
  if (best) return best;
  const rows = report.rows.map((row) => row.key);
  return rows.length >= 2 ? [rows[0], rows[1]] : null;
}
