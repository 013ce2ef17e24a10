import "server-only";
import type { ProbeRun as RunRow } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { acknowledgeReport, verdictBasis } from "@/lib/probing/flags/acknowledge";
import { byNewestMethod, METHOD_VERSION } from "@/lib/probing/methods/version";
import { reportSchema, type ProbeReport } from "@/lib/schemas/probe";
import type { ReportAnalysis } from "@/lib/schemas/report-analysis";
import { acknowledgementsOf } from "@/lib/services/acknowledgements/acknowledgements";
import { loadJudgments } from "@/lib/services/probes/judge-reliability";
import { cachedCounts, cachedReport, rememberCounts, rememberReport, reportKey } from "@/lib/services/probes/report-cache";
import { achievableFor } from "@/lib/services/probes/achievable-range";
import { computeRunReport, toRunDetail, type Counts, type ServedReport } from "@/lib/services/probes/serialize-run";

// Reports are computed once and served from storage (issue 11 §7). A finished
// run (completed, failed, cancelled) has one stored report per method version;
// the worker stores it when the run completes, and runs that finished before
// reports were stored get theirs on first read. While a run collects answers
// its partial report is recomputed at most every PARTIAL_FRESH_MS (or when no
// new answer arrived, never). Re-analysis with a newer method is explicit
// (reanalyseRun) and keeps the older analysis, readable with `?method=`.

/** A partial report younger than this is served even if answers arrived since (the UI polls every second). */
export const PARTIAL_FRESH_MS = 3000;

const TERMINAL = new Set(["completed", "failed", "cancelled"]);

type Meta = { id: string; methodVersion: string; final: boolean; answerCount: number; computedAt: Date };

const meta = (r: Meta) => ({ methodVersion: r.methodVersion, computedAt: r.computedAt.toISOString(), final: r.final });
const SELECT = { id: true, methodVersion: true, final: true, answerCount: true, createdAt: true } as const;
const toMeta = ({ createdAt, ...r }: Omit<Meta, "computedAt"> & { createdAt: Date }): Meta => ({ ...r, computedAt: createdAt });

async function storedMeta(runId: string): Promise<Meta[]> {
  const rows = await db.probeReport.findMany({ where: { runId }, select: SELECT });
  return rows.map(toMeta).sort(byNewestMethod);
}

/** The stored JSON if today's report schema still reads it (extra fields kept); null when it does not. */
async function readStored(row: Meta): Promise<ProbeReport | null> {
  const key = reportKey(row);
  const hit = cachedReport(key);
  if (hit) return hit;
  const stored = await db.probeReport.findUnique({ where: { id: row.id }, select: { report: true } });
  if (!stored) return null;
  try {
    const value: unknown = JSON.parse(stored.report);
    if (!reportSchema.safeParse(value).success) return null;
    rememberReport(key, value as ProbeReport, stored.report.length);
    return value as ProbeReport;
  } catch {
    return null;
  }
}

async function countAnswers(run: RunRow): Promise<Counts> {
  const hit = cachedCounts(run);
  if (hit) return hit;
  const groups = await db.probeAnswer.groupBy({ by: ["status"], where: { runId: run.id }, _count: true });
  const count = (status: string) => groups.find((g) => g.status === status)?._count ?? 0;
  const counts = { done: count("done"), failed: count("failed") };
  rememberCounts(run, counts);
  return counts;
}

/** Computes the run's report with today's method from its stored answers and upserts it under METHOD_VERSION. */
async function computeAndStore(run: RunRow): Promise<{ row: Meta; report: ProbeReport }> {
  const answers = await db.probeAnswer.findMany({ where: { runId: run.id }, orderBy: { createdAt: "asc" } });
  const report = computeRunReport(run, answers, await loadJudgments(run.id), await achievableFor(run));
  const data = {
    report: JSON.stringify(report),
    // Beside the report, so the run history reads it without loading reports (run-summaries.ts), with what it
    // was drawn from (a few KB), so the history can redraw it with the persona's acknowledgements (issue 12 §7).
    verdictLine: report.verdictLine ? JSON.stringify({ text: report.verdictLine.text, severity: report.verdictLine.severity, basis: verdictBasis(report) }) : null,
    final: TERMINAL.has(run.status),
    answerCount: answers.filter((a) => a.status === "done").length,
    createdAt: new Date(),
  };
  const key = { runId_methodVersion: { runId: run.id, methodVersion: METHOD_VERSION } };
  const row = await db.probeReport
    .upsert({ where: key, create: { runId: run.id, methodVersion: METHOD_VERSION, ...data }, update: data, select: SELECT })
    // Two readers computing the same partial at once: the second create loses the race; update instead.
    .catch((e: { code?: string }) => {
      if (e?.code !== "P2002") throw e;
      return db.probeReport.update({ where: key, data, select: SELECT });
    });
  return { row: toMeta(row), report };
}

/**
 * Stores the final report of a run that has just stopped (the worker calls it
 * when a run completes). Never throws: the run's outcome does not depend on it,
 * and the next read computes what is missing.
 */
export async function computeAndStoreReport(runId: string): Promise<void> {
  try {
    const run = await db.probeRun.findUnique({ where: { id: runId } });
    if (run) await computeAndStore(run);
  } catch (e) {
    console.error(`Could not store the report of probe run ${runId}:`, e);
  }
}

/** Which stored analysis answers a read, or null when today's method must compute one now. */
function pick(run: RunRow, rows: Meta[], done: number, method: string | undefined, now: number): Meta | null {
  if (method && method !== METHOD_VERSION) {
    const row = rows.find((r) => r.methodVersion === method);
    if (!row) throw notFound(`Analysis with method ${method}`);
    return row; // a historical analysis is served as it was computed
  }
  if (TERMINAL.has(run.status)) {
    const top = method ? rows.find((r) => r.methodVersion === method) : rows[0];
    // Today's method is applied to a finished run that has another analysis only when asked (reanalyse).
    if (method && !top && rows.length > 0) throw notFound(`Analysis with method ${method}`);
    // A cancelled or failed run can still receive the answers that were in flight when it stopped.
    return top && top.final && (run.status === "completed" || top.answerCount === done) ? top : null;
  }
  const current = rows.find((r) => r.methodVersion === METHOD_VERSION);
  return current && (current.answerCount === done || now - current.computedAt.getTime() < PARTIAL_FRESH_MS) ? current : null;
}

/** The report a read serves: stored when it can be, computed (once) and stored when it must be. */
export async function servedReport(run: RunRow, opts: { method?: string; counts?: Counts; now?: number } = {}): Promise<ServedReport & { counts: Counts }> {
  const [counts, rows] = await Promise.all([opts.counts ?? countAnswers(run), storedMeta(run.id)]);
  const chosen = pick(run, rows, counts.done, opts.method, opts.now ?? Date.now());
  // A stored report today's schema cannot read (the schema moved on) is recomputed, never a 500.
  let report = chosen ? await readStored(chosen) : null;
  let row = chosen;
  if (!report || !row) ({ row, report } = await computeAndStore(run));
  const available = [row, ...rows.filter((r) => r.methodVersion !== row.methodVersion)].sort(byNewestMethod);
  const analysis: ReportAnalysis = { ...meta(row), latestMethod: METHOD_VERSION, available: available.map(meta) };
  return { report, analysis, counts };
}

/**
 * A run with its served report: the probe-run page, review and share pages, variant comparisons.
 * Flags the persona's designers acknowledged as expected are marked, and the verdict line redrawn
 * with them settled (issue 12 §7) — on the served copy only: the stored report stays as computed.
 */
export async function runDetail(run: RunRow, labels: Record<string, string>, method?: string) {
  const [{ counts, ...served }, acks] = await Promise.all([servedReport(run, { method }), acknowledgementsOf(run.personaId)]);
  return toRunDetail(run, counts, labels, { ...served, report: acknowledgeReport(served.report, acks) });
}

/** Explicit re-analysis: today's method over the stored answers, stored beside (never over) older analyses. */
export async function reanalyseStoredReport(run: RunRow, labels: Record<string, string>) {
  await computeAndStore(run);
  return runDetail(run, labels, METHOD_VERSION);
}
