import "server-only";
import { db } from "@/lib/db/client";
import { byNewestMethod } from "@/lib/probing/methods/version";
import { verdictLineSchema, type RunSummary } from "@/lib/schemas/probe";

// What the run history needs per row beyond the run itself (issue 12 §8): the
// verdict line of the run's latest stored report and how many scenarios the run
// froze. The list stays cheap: one query for the verdict lines of all listed
// runs, reading only the line kept beside each stored report (ProbeReport.verdictLine;
// portable, no JSON functions of one database), never a report recomputed — a run without a stored report shows none yet.

type Line = RunSummary["verdictLine"];
const lineSchema = verdictLineSchema.pick({ text: true, severity: true });

/** Scenarios frozen into ProbeRun.config as `scenarios: [...]`; absent or unreadable = 0. */
export function frozenScenarioCount(config: string): number {
  try {
    const scenarios = (JSON.parse(config) as { scenarios?: unknown } | null)?.scenarios;
    return Array.isArray(scenarios) ? scenarios.length : 0;
  } catch {
    return 0;
  }
}

/** The verdict line of each run's latest stored report (newest method first, then newest computation), in one query. */
export async function latestVerdictLines(runIds: readonly string[]): Promise<Map<string, Line>> {
  const lines = new Map<string, Line>();
  if (runIds.length === 0) return lines;
  const rows = await db.probeReport.findMany({
    where: { runId: { in: [...runIds] } },
    select: { runId: true, methodVersion: true, createdAt: true, verdictLine: true },
  });
  for (const row of rows.map((r) => ({ ...r, computedAt: r.createdAt })).sort(byNewestMethod)) {
    if (lines.has(row.runId)) continue;
    let parsed: Line = null;
    try {
      const result = lineSchema.safeParse(row.verdictLine ? JSON.parse(row.verdictLine) : null);
      parsed = result.success ? result.data : null;
    } catch {
      parsed = null;
    }
    lines.set(row.runId, parsed);
  }
  return lines;
}

/** The summaries of listed runs, keyed by run id. */
export async function runSummaries(runs: readonly { id: string; config: string }[]): Promise<Map<string, RunSummary>> {
  const lines = await latestVerdictLines(runs.map((r) => r.id));
  return new Map(runs.map((r) => [r.id, { verdictLine: lines.get(r.id) ?? null, scenarios: frozenScenarioCount(r.config) }]));
}
