import "server-only";
import { db } from "@/lib/db/client";
import { byNewestMethod } from "@/lib/probing/methods/version";
import { pressureDiffRows, type DiffSideReports } from "@/lib/probing/pressure/version-diff";
import { pressureReportSchema, selfReportReportSchema } from "@/lib/schemas/pressure";
import type { PressureDiff } from "@/lib/schemas/pressure-diff";
import type { ProbeReport } from "@/lib/schemas/probe";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// The pressure and self-report part of a version diff (issue 14 §6). A pressure
// test is an occasional, deliberate run, so each side reads its NEWEST completed
// run whose final stored report has the section — not necessarily the run the
// landing comparison uses. The draft has none (like the landing, it keeps changing).

type Side = number | "draft";
type Section = "pressure" | "selfReport";

/** How many candidate runs to look through (newest first) before giving up on a side. */
const CANDIDATES = 10;

/** The newest completed run of `version` whose final report (its newest method) has a readable `section`; null when none. */
async function newestWith(ctx: WorkspaceContext, personaId: string, version: number, section: Section) {
  const rows = await db.probeReport.findMany({
    where: {
      final: true,
      // JSON.stringify writes a present section as `"pressure":{`; an absent one is not written at all.
      report: { contains: `"${section}":{` },
      run: { workspaceId: ctx.workspaceId, personaId, versionNumber: version, status: "completed", mode: "landing" },
    },
    select: { runId: true, methodVersion: true, createdAt: true, report: true, run: { select: { finishedAt: true, createdAt: true } } },
    orderBy: [{ run: { finishedAt: "desc" } }, { run: { createdAt: "desc" } }],
    take: CANDIDATES * 2,
  });
  const runIds = [...new Set(rows.map((r) => r.runId))].slice(0, CANDIDATES);
  for (const runId of runIds) {
    const [top] = rows.filter((r) => r.runId === runId).map((r) => ({ ...r, computedAt: r.createdAt })).sort(byNewestMethod);
    try {
      const report = JSON.parse(top.report) as Partial<ProbeReport> & Record<string, unknown>;
      const parsed = (section === "pressure" ? pressureReportSchema : selfReportReportSchema).safeParse(report[section]);
      if (parsed.success) return { runId, section: parsed.data, flags: Array.isArray(report.flags) ? report.flags : [] };
    } catch {
      // A report today's code cannot read is skipped, never a 500.
    }
  }
  return null;
}

async function sideOf(ctx: WorkspaceContext, personaId: string, version: number) {
  const [p, s] = await Promise.all([newestWith(ctx, personaId, version, "pressure"), newestWith(ctx, personaId, version, "selfReport")]);
  const reports = {
    pressure: p ? { section: p.section, flags: p.flags } : null,
    selfReport: s ? { section: s.section, flags: s.flags } : null,
  } as DiffSideReports;
  return { ref: { version, pressureRunId: p?.runId ?? null, selfReportRunId: s?.runId ?? null }, reports };
}

/** Null when a side is the draft or neither version has a pressure test or a self-report. */
export async function pressureForDiff(ctx: WorkspaceContext, personaId: string, from: Side, to: Side): Promise<PressureDiff | null> {
  if (from === "draft" || to === "draft") return null;
  const [a, b] = await Promise.all([sideOf(ctx, personaId, from), sideOf(ctx, personaId, to)]);
  const rows = pressureDiffRows(a.reports, b.reports);
  if (!rows.length) return null;
  return { from: a.ref, to: b.ref, rows };
}
