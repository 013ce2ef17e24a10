import "server-only";
import { db } from "@/lib/db/client";
import type { ItemAnswer } from "@/lib/probing/methods/items";
import { METHOD_VERSION } from "@/lib/probing/methods/version";
import { isScored } from "@/lib/probing/outcome";
import { panelReport } from "@/lib/probing/panel/panel-report";
import type { PanelReport } from "@/lib/probing/panel/report-types";
import { SCENARIO_TRAIT_KEY, type FrozenScenario } from "@/lib/probing/scenario-landing";
import { probeTrait, type FrozenCustomTrait } from "@/lib/probing/traits";
import { ARM_LABELS, frozenPanelRunSpecSchema, type PanelArm } from "@/lib/schemas/panel-run";
import { findPanelRun } from "@/lib/services/panels/panel-runs";
import { panelRunStatus } from "@/lib/services/panels/panel-run-serialize";
import { seatLabel } from "@/lib/services/panels/serialize";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// The panel report (issue 13 §4–5): the member runs' judged answers (persona
// arm, scored) and the distinguishability judge's guesses, through the pure
// lib/probing/panel/panel-report.ts. Computed once when every member run and
// the distinguishability pass are done and stored on PanelRun.report; while
// the probe runs, a partial report with fewer resamples on every request.

/** The panel analysis's version: the probe method's (the landings it compares) — stored reports name it. */
export const PANEL_REPORT_METHOD = METHOD_VERSION;
/** Resamples of a partial report (cheap, on every poll while the probe runs); the final one uses the default. */
const PARTIAL_RESAMPLES = 400;

type PanelRunRow = Awaited<ReturnType<typeof findPanelRun>>;

export async function getPanelReport(ctx: WorkspaceContext, panelId: string, runId: string): Promise<PanelReport> {
  const row = await findPanelRun(ctx, panelId, runId);
  if (row.report && row.reportMethod === PANEL_REPORT_METHOD) return JSON.parse(row.report) as PanelReport;
  return buildPanelReport(row);
}

/** The report from the rows as they are; stored when the probe is final (completed, every part done). */
export async function buildPanelReport(row: PanelRunRow): Promise<PanelReport> {
  const spec = frozenPanelRunSpecSchema.parse(JSON.parse(row.spec));
  const watched = JSON.parse(row.watched) as string[];
  const runs = await db.probeRun.findMany({
    where: { panelRunId: row.id },
    select: { id: true, panelArm: true, panelMemberKey: true, status: true, config: true, customTraits: true, targetProviderId: true, targetModel: true },
  });
  const [answers, guesses, providers] = await Promise.all([
    db.probeAnswer.findMany({
      where: { runId: { in: runs.map((r) => r.id) }, kind: "persona", status: "done" },
      select: { runId: true, traitKey: true, itemIndex: true, scores: true, status: true, outcome: true },
    }),
    db.panelGuess.findMany({ where: { panelRunId: row.id, status: "done" }, select: { arm: true, memberA: true, memberB: true, author: true, guess: true } }),
    db.modelProvider.findMany({ where: { workspaceId: row.workspaceId }, select: { id: true, name: true } }),
  ]);
  const names = new Map(providers.map((p) => [p.id, p.name]));
  const status = panelRunStatus(row, runs);
  const final = status === "completed";
  const arms: PanelArm[] = row.experiment === "ceiling" ? ["single", "routed"] : ["active"];
  const custom = runs[0] ? (JSON.parse(runs[0].customTraits) as FrozenCustomTrait[]) : [];
  const traitLabels = Object.fromEntries(watched.map((k) => [k, custom.find((t) => t.key === k)?.name ?? probeTrait(k)?.name ?? k]));

  const byRun = new Map<string, ItemAnswer[]>();
  for (const run of runs) {
    const scenarios = ((JSON.parse(run.config) as { scenarios?: FrozenScenario[] }).scenarios ?? []);
    byRun.set(run.id, answers.filter((a) => a.runId === run.id && isScored(a) && a.scores).flatMap((a) => {
      const item = a.traitKey === SCENARIO_TRAIT_KEY
        ? (scenarios[a.itemIndex] ? `scenario:${scenarios[a.itemIndex].id}` : null)
        : `${a.traitKey}#${a.itemIndex}`;
      return item ? [{ item, scores: JSON.parse(a.scores!) as Record<string, number | null> }] : [];
    }));
  }

  const report = panelReport({
    methodVersion: PANEL_REPORT_METHOD,
    final,
    watched,
    traitLabels,
    members: spec.members.map((m) => ({ key: m.key, name: m.name, promptHash: m.promptHash })),
    arms: arms.map((arm) => {
      const armRuns = runs.filter((r) => r.panelArm === arm);
      const pairs = new Map<string, { a: string; b: string; guesses: { author: string; guess: string | null }[] }>();
      for (const g of guesses.filter((x) => x.arm === arm)) {
        const key = `${g.memberA}\u0000${g.memberB}`;
        if (!pairs.has(key)) pairs.set(key, { a: g.memberA, b: g.memberB, guesses: [] });
        pairs.get(key)!.guesses.push({ author: g.author, guess: g.guess });
      }
      return {
        arm, label: ARM_LABELS[arm],
        seats: Object.fromEntries(armRuns.map((r) => [r.panelMemberKey!, seatLabel({ providerId: r.targetProviderId, model: r.targetModel }, names)])),
        answers: Object.fromEntries(armRuns.map((r) => [r.panelMemberKey!, byRun.get(r.id) ?? []])),
        guesses: [...pairs.values()],
      };
    }),
    polarityPairs: spec.polarityPairs,
    groups: spec.groups,
    ...(final ? {} : { resamples: PARTIAL_RESAMPLES }),
  });
  if (final) {
    await db.panelRun.updateMany({ where: { id: row.id }, data: { report: JSON.stringify(report), reportMethod: PANEL_REPORT_METHOD } });
  }
  return report;
}

/**
 * The newest final panel report of a panel, stored when its probe closed: of one panel version (null: of
 * the panel as it stood), or of any when `panelVersion` is undefined. The share page and the review gate read it.
 */
export async function latestFinalPanelReport(panelId: string, panelVersion?: number | null): Promise<{ row: PanelRunRow; report: PanelReport } | null> {
  const rows = await db.panelRun.findMany({
    where: { panelId, ...(panelVersion !== undefined ? { panelVersion } : {}), report: { not: null }, finishedAt: { not: null } },
    orderBy: { finishedAt: "desc" }, take: 10,
  });
  for (const row of rows) {
    const report = JSON.parse(row.report!) as PanelReport;
    if (report.final) return { row, report };
  }
  return null;
}
