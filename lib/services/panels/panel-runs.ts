import "server-only";
import { db } from "@/lib/db/client";
import { distinguishJudgments } from "@/lib/probing/panel/estimate";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { PanelRun, PanelRunConfig, FrozenPanelRunSpec } from "@/lib/schemas/panel-run";
import { recordActivity } from "@/lib/services/activity/activity";
import { findPanelRow } from "@/lib/services/panels/find-panel";
import { NEVER_STOP_HALF_WIDTH, planPanelRun, type PanelRunInput } from "@/lib/services/panels/panel-run-plan";
import { toPanelRun } from "@/lib/services/panels/panel-run-serialize";
import { probeRunRow, type RunSubject } from "@/lib/services/probes/probe-runs";
import type { RunConfig } from "@/lib/services/probes/run-config";
import { wakeWorker } from "@/lib/services/probes/wake";
import { resolveProvider } from "@/lib/services/providers/resolve-provider";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";
import type { Scenario } from "@/lib/schemas/scenario";

// A probe of a whole panel (issue 13 §4–5): one member run (a ProbeRun) per
// member × arm, all with the same watched traits, items, seed and judge, started
// together (batchId = the panel run's id, so the worker runs them side by side),
// then the blind distinguishability pass (lib/jobs/panel-distinguish.ts).

/** A panel question asked as a frozen scenario "panel-q1"… (traitKey SCENARIO_TRAIT_KEY, item id `scenario:panel-q1`). */
export const panelQuestionScenarios = (questions: readonly string[]): Scenario[] =>
  questions.map((message, i) => ({ id: `panel-q${i + 1}`, message }) as Scenario);

/**
 * The per-member-run cap: the whole probe's cap less what the distinguishability pass needs (at most half of
 * it), split evenly over the member runs (at least one call each).
 */
export function memberRunCap(maxCalls: number | undefined, memberRuns: number, distinguishCalls: number): number | null {
  if (maxCalls === undefined) return null;
  const reserve = Math.min(distinguishCalls, Math.floor(maxCalls / 2));
  return Math.max(1, Math.floor((maxCalls - reserve) / memberRuns));
}

export async function createPanelRun(ctx: WorkspaceContext, panelId: string, input: PanelRunInput): Promise<PanelRun> {
  const plan = await planPanelRun(ctx, panelId, input);
  // Every seat must be callable now (a removed provider is named, not discovered by the worker).
  const seats = new Map<string, { providerId: string; model: string }>();
  for (const [i, m] of plan.members.entries()) for (const arm of plan.arms) seats.set(`${i}:${arm}`, m.seats[arm]);
  for (const [key, seat] of seats) {
    await resolveProvider(ctx, seat.providerId, seat.model).catch((e: unknown) => {
      if (e instanceof AppError) throw new AppError("validation", `Member "${plan.members[Number(key.split(":")[0])].key}": its seat cannot be used (${e.message})`, { field: `members.${key.split(":")[0]}` });
      throw e;
    });
  }
  const memberRuns = plan.members.length * plan.arms.length;
  const cap = memberRunCap(input.maxCalls, memberRuns, distinguishJudgments(plan.members.length, plan.arms.length, input.answersPerPair));
  const runConfig: RunConfig = {
    temperature: input.temperature, seed: input.seed, targetHalfWidth: NEVER_STOP_HALF_WIDTH,
    budgetPerTrait: input.itemsPerTrait, concurrency: input.concurrency,
  };
  const panelConfig: PanelRunConfig & { judgeSource: string } = {
    temperature: input.temperature, seed: input.seed, itemsPerTrait: input.itemsPerTrait, concurrency: input.concurrency,
    questions: plan.questions, answersPerPair: input.answersPerPair, judgeSource: plan.judgeSource,
  };
  const frozen: FrozenPanelRunSpec = {
    members: plan.members.map(({ key, personaId, version, name, description, promptHash, seats: s }) => ({ key, personaId, version, name, description, promptHash, seats: s })),
    polarityPairs: plan.spec.polarityPairs, groups: plan.spec.groups,
  };
  const scenarios = panelQuestionScenarios(plan.questions);
  const judges = { panel: [], retestShare: 0 };
  const row = await db.$transaction(async (tx) => {
    const panelRun = await tx.panelRun.create({
      data: {
        workspaceId: ctx.workspaceId, panelId: plan.panel.id, panelName: plan.panel.name, panelVersion: plan.panel.version,
        experiment: input.experiment, spec: JSON.stringify(frozen), watched: JSON.stringify(plan.watched),
        judgeProviderId: plan.judge.providerId, judgeModel: plan.judge.model, config: JSON.stringify(panelConfig),
        maxCalls: input.maxCalls ?? null, distinguishStatus: input.answersPerPair > 0 ? "waiting" : "off",
        createdById: ctx.userId, createdByName: ctx.userName,
      },
    });
    for (const m of plan.members) {
      for (const arm of plan.arms) {
        const subject: RunSubject = { name: m.name, prompt: m.prompt, traitTargets: m.targets, versionNumber: m.version, batchId: panelRun.id, scenarios, judges };
        await tx.probeRun.create({
          data: probeRunRow(ctx, m.personaId, {
            subject, targets: m.targets, watched: plan.watched, frozen: plan.frozenCustom,
            target: m.seats[arm], judge: plan.judge, judges, config: runConfig, maxCalls: cap, maxCostUsd: null,
            panel: { runId: panelRun.id, arm, memberKey: m.key },
          }),
        });
      }
      const what = m.version === null ? "the draft" : `v${m.version}`;
      await recordActivity(ctx, m.personaId, "probe_started", `probed ${what} in panel “${plan.panel.name}” as ${m.name} (${plan.watched.length} traits)`, { version: m.version, panelRunId: panelRun.id }, tx);
    }
    return panelRun;
  });
  wakeWorker();
  return toPanelRun(row);
}

export async function findPanelRun(ctx: WorkspaceContext, panelId: string, runId: string) {
  const panel = await findPanelRow(ctx, panelId);
  const row = await db.panelRun.findFirst({ where: { id: runId, panelId: panel.id, workspaceId: ctx.workspaceId } });
  if (!row) throw notFound("Panel probe");
  return row;
}

export async function listPanelRuns(ctx: WorkspaceContext, panelId: string): Promise<PanelRun[]> {
  const panel = await findPanelRow(ctx, panelId);
  const rows = await db.panelRun.findMany({ where: { panelId: panel.id, workspaceId: ctx.workspaceId }, orderBy: { createdAt: "desc" }, take: 50 });
  return Promise.all(rows.map((r) => toPanelRun(r)));
}

export async function getPanelRun(ctx: WorkspaceContext, panelId: string, runId: string): Promise<PanelRun> {
  return toPanelRun(await findPanelRun(ctx, panelId, runId));
}

/** Cancels every member run still queued or running, and the distinguishability pass (answers so far are kept). */
export async function cancelPanelRun(ctx: WorkspaceContext, panelId: string, runId: string): Promise<PanelRun> {
  const row = await findPanelRun(ctx, panelId, runId);
  const now = new Date();
  await db.$transaction([
    db.probeRun.updateMany({ where: { panelRunId: row.id, status: { in: ["queued", "running"] } }, data: { status: "cancelled", finishedAt: now, leaseOwner: null } }),
    db.panelRun.updateMany({ where: { id: row.id, finishedAt: null }, data: { cancelledAt: now, leaseOwner: null } }),
  ]);
  return getPanelRun(ctx, panelId, runId);
}

/** A cancelled or failed panel probe continues where it stopped: member runs resume, answers are kept. */
export async function resumePanelRun(ctx: WorkspaceContext, panelId: string, runId: string): Promise<PanelRun> {
  const row = await findPanelRun(ctx, panelId, runId);
  const members = await db.probeRun.findMany({ where: { panelRunId: row.id }, select: { status: true } });
  const stopped = members.some((m) => m.status === "failed" || m.status === "cancelled") || row.cancelledAt !== null || row.distinguishStatus === "failed";
  if (!stopped) throw new AppError("conflict", row.finishedAt ? "This panel probe has already completed" : "This panel probe is still running");
  await db.$transaction([
    db.probeRun.updateMany({ where: { panelRunId: row.id, status: { in: ["failed", "cancelled"] } }, data: { status: "queued", error: null, finishedAt: null, leaseOwner: null, heartbeatAt: null } }),
    db.panelRun.update({
      where: { id: row.id },
      data: { cancelledAt: null, finishedAt: null, leaseOwner: null, heartbeatAt: null, ...(row.distinguishStatus === "failed" || row.distinguishStatus === "running" ? { distinguishStatus: "waiting", distinguishError: null } : {}) },
    }),
  ]);
  wakeWorker();
  return getPanelRun(ctx, panelId, runId);
}

