import "server-only";
import type { ProbeReport } from "@/lib/schemas/probe";
import type { Counts } from "@/lib/services/probes/serialize-run";

// What a stored report costs to serve, remembered per process (bench/report-get.ts):
// a 24-trait report is a ~0.4 MB string to read and parse, checked against the
// schema once (20–80 ms); a completed run's answer counts never change. Keys name
// the stored row and its computedAt, which every write of a report renews, so a
// re-analysis or a refreshed partial is a miss, never a stale hit.

const MAX_ENTRIES = 64;
const MAX_BYTES = 32 * 1024 * 1024;
const reports = new Map<string, { report: ProbeReport; bytes: number }>();
let cachedBytes = 0;

export const reportKey = (row: { id: string; computedAt: Date }) => `${row.id}:${row.computedAt.getTime()}`;

export function cachedReport(key: string): ProbeReport | undefined {
  const hit = reports.get(key);
  if (!hit) return undefined;
  reports.delete(key); // least recently used goes first
  reports.set(key, hit);
  return hit.report;
}

/** Only reports that passed the schema check are remembered. */
export function rememberReport(key: string, report: ProbeReport, bytes: number) {
  if (bytes > MAX_BYTES / 4 || reports.has(key)) return;
  reports.set(key, { report, bytes });
  cachedBytes += bytes;
  for (const [k, v] of reports) {
    if (reports.size <= MAX_ENTRIES && cachedBytes <= MAX_BYTES) break;
    reports.delete(k);
    cachedBytes -= v.bytes;
  }
}

const completedCounts = new Map<string, Counts>();

/** Answer counts of a completed run (they cannot change once it completed). */
export function cachedCounts(run: { id: string; status: string; finishedAt: Date | null }): Counts | undefined {
  return run.status === "completed" ? completedCounts.get(`${run.id}:${run.finishedAt?.getTime()}`) : undefined;
}

export function rememberCounts(run: { id: string; status: string; finishedAt: Date | null }, counts: Counts) {
  if (run.status !== "completed") return;
  if (completedCounts.size >= 1000) completedCounts.delete(completedCounts.keys().next().value!);
  completedCounts.set(`${run.id}:${run.finishedAt?.getTime()}`, counts);
}
