import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db/client";
import { pageOf, pageQuery, type KeyField } from "@/lib/db/keyset";
import { AppError, notFound } from "@/lib/errors/app-error";
import { compilePersona } from "@/lib/persona/compile";
import { customProbeTrait, probeTrait, TRAIT_LIBRARY_VERSION, type FrozenCustomTrait } from "@/lib/probing/traits";
import { defaultWatchSet } from "@/lib/probing/traits/watch-set";
import type { createProbeRunBody, listAnswersQuery, listProbeRunsQuery, ProbeAnswer, ProbeRun, ProbeRunDetail, RunArm } from "@/lib/schemas/probe";
import type { reportQuery } from "@/lib/schemas/report-analysis";
import { ENV_PROVIDER_ID, SIMULATOR_PROVIDER_ID } from "@/lib/schemas/provider";
import { recordActivity } from "@/lib/services/activity/activity";
import { listCustomTraits } from "@/lib/services/custom-traits/custom-traits";
import { findPersonaRow } from "@/lib/services/personas/find-persona";
import { parseStoredSpec } from "@/lib/services/personas/serialize";
import { controlArmsFor } from "@/lib/services/probes/control-arms";
import { framingFor, freezeExtras, type RunExtras } from "@/lib/services/probes/pressure-config";
import { resolveJudging } from "@/lib/services/probes/judge-settings";
import { wakeWorker } from "@/lib/services/probes/wake";
import type { RunConfig } from "@/lib/services/probes/run-config";
import type { FrozenScenario } from "@/lib/probing/scenario-landing";
import type { Scenario } from "@/lib/schemas/scenario";
import { toAnswer, toRun } from "@/lib/services/probes/serialize-run";
import { withScenarios } from "@/lib/services/probes/scenario-answers";
import { reanalyseStoredReport, runDetail } from "@/lib/services/probes/stored-report";
import { runSummaries } from "@/lib/services/probes/run-summaries";
import { resolveProvider, type ResolvedProvider } from "@/lib/services/providers/resolve-provider";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

type CreateInput = z.output<typeof createProbeRunBody>;

export async function providerLabels(workspaceId: string): Promise<Record<string, string>> {
  const rows = await db.modelProvider.findMany({ where: { workspaceId }, select: { id: true, name: true } });
  return { [ENV_PROVIDER_ID]: "Environment (OPENAI_*)", [SIMULATOR_PROVIDER_ID]: "Simulator", ...Object.fromEntries(rows.map((r) => [r.id, r.name])) };
}

/** What one run measures: the prompt, the targets it is judged against, and where it came from. */
export type RunSubject = {
  name: string;
  prompt: string;
  traitTargets: Record<string, number>;
  versionNumber: number | null;
  variant?: { id: string; name: string };
  batchId?: string;
  /** Extra arms (ProbeRun.arms): control arms, range-check levels. */
  arms?: RunArm[];
  /** "range": a range check (lib/services/probes/range-check.ts). */
  mode?: "landing" | "range";
  /** Overrides the judge settings (a range check has no panel or retest). */
  judges?: unknown;
  /** The persona's scenarios to ask beside the library items (frozen into ProbeRun.config); default none. */
  scenarios?: readonly Scenario[];
  /** Pressure conversations, self-report, the framing (issue 14; lib/services/probes/pressure-config.ts); default none. */
  extras?: RunExtras;
};

/** What a run sends of a scenario: its id, message and context turns (never the note or tags). */
const freezeScenario = (s: Scenario): FrozenScenario => ({ id: s.id, message: s.message, ...(s.context?.length ? { context: s.context.map((t) => ({ role: t.role, content: t.content })) } : {}), ...(s.checks?.length ? { checks: s.checks } : {}) });

/** Freezes what is measured (prompt, targets, traits, models, settings) and queues the run. */
/** The persona and what a run of it measures: the draft (compiled now) or a saved version (as compiled then). */
export async function probeSubject(ctx: WorkspaceContext, personaId: string, version: CreateInput["version"]) {
  const persona = await findPersonaRow(ctx, personaId);
  if (version === "draft") {
    const spec = parseStoredSpec(persona.spec);
    return { persona, spec, prompt: compilePersona(spec).prompt };
  }
  const v = await db.personaVersion.findUnique({ where: { personaId_number: { personaId: persona.id, number: version } } });
  if (!v) throw new AppError("validation", `Version ${version} does not exist`, { field: "version" });
  return { persona, spec: parseStoredSpec(v.spec), prompt: v.compiledPrompt };
}

/**
 * The measurable targets and the watched traits of a run (the default watch set unless the body lists
 * traits; targeted custom traits always), or a 422 naming `traits`.
 */
export function watchedFor(
  traitTargets: Readonly<Record<string, number>>, input: Pick<CreateInput, "traits" | "watchAllRelated">, customKeys: ReadonlySet<string>,
): { targets: Record<string, number>; watched: string[] } {
  const measurable = (k: string) => Boolean(probeTrait(k) || customKeys.has(k));
  const targets = Object.fromEntries(Object.entries(traitTargets).filter(([k]) => measurable(k)));
  const targetedCustom = Object.keys(targets).filter((k) => customKeys.has(k));
  const watched = input.traits ?? [...defaultWatchSet(Object.keys(targets), { allRelated: input.watchAllRelated }).filter((k) => probeTrait(k)), ...targetedCustom];
  const unknown = watched.filter((k) => !measurable(k));
  if (unknown.length) {
    throw new AppError("validation", `No probe items for: ${unknown.join(", ")} — neither a built-in trait nor one of this workspace's custom traits`, { field: "traits" });
  }
  if (watched.length === 0) {
    throw new AppError("validation", "Nothing to measure: add trait targets to the persona, or choose traits to watch", { field: "traits" });
  }
  return { targets, watched };
}

export async function createProbeRun(ctx: WorkspaceContext, personaId: string, input: CreateInput): Promise<ProbeRun> {
  const { persona, spec, prompt } = await probeSubject(ctx, personaId, input.version);
  // Single-trait control arms ("A alone", "B alone"): lib/services/probes/control-arms.ts.
  const arms = controlArmsFor(spec, spec.traitTargets, input);
  const scenarios = input.scenarios === false ? [] : spec.scenarios ?? [];
  const names = Object.fromEntries((await listCustomTraits(ctx)).map((t) => [t.key, t.name]));
  // The requested-wording arm (issue 14 §4), validated before anything is written.
  const framed = framingFor(spec, prompt, input.framingTrait, names);
  const extras: RunExtras = { pressure: input.pressure, selfReport: input.selfReport, personaScripts: spec.pressureScripts ?? [], framing: framed?.framing };
  const [run] = await queueRuns(ctx, persona.id, [{
    name: spec.name, prompt, traitTargets: spec.traitTargets, versionNumber: input.version === "draft" ? null : input.version,
    arms: framed ? [...arms, framed.arm] : arms, scenarios, extras,
  }], input);
  return run;
}

/** What a ProbeRun row freezes for one subject (shared by queueRuns and the panel probe's member runs). */
export type ProbeRunRowInput = {
  subject: RunSubject; targets: Record<string, number>; watched: string[]; frozen: FrozenCustomTrait[];
  target: Pick<ResolvedProvider, "providerId" | "model">; judge: Pick<ResolvedProvider, "providerId" | "model">;
  judges: unknown; config: RunConfig; maxCalls: number | null; maxCostUsd: number | null;
  /** A member run of a panel probe (lib/services/panels/panel-runs.ts). */
  panel?: { runId: string; arm: string; memberKey: string };
};

export function probeRunRow(ctx: WorkspaceContext, personaId: string, r: ProbeRunRowInput) {
  const { subject } = r;
  return {
    workspaceId: ctx.workspaceId, personaId, personaName: subject.name, versionNumber: subject.versionNumber,
    systemPrompt: subject.prompt, targets: JSON.stringify(r.targets), watched: JSON.stringify(r.watched),
    targetProviderId: r.target.providerId, targetModel: r.target.model, judgeProviderId: r.judge.providerId, judgeModel: r.judge.model,
    judges: JSON.stringify(subject.judges ?? r.judges), mode: subject.mode ?? "landing", arms: JSON.stringify(subject.arms ?? []),
    config: JSON.stringify({ ...r.config, scenarios: (subject.scenarios ?? []).map(freezeScenario) }), traitLibraryVersion: TRAIT_LIBRARY_VERSION, customTraits: JSON.stringify(r.frozen),
    variantId: subject.variant?.id ?? null, variantName: subject.variant?.name ?? null, batchId: subject.batchId ?? null,
    panelRunId: r.panel?.runId ?? null, panelArm: r.panel?.arm ?? null, panelMemberKey: r.panel?.memberKey ?? null,
    createdById: ctx.userId, createdByName: ctx.userName,
    maxCalls: r.maxCalls, maxCostUsd: r.maxCostUsd,
  };
}

/**
 * Queues one run per subject with identical settings, models, watched traits
 * and seed (so variants are measured on the same items the same way).
 */
export async function queueRuns(ctx: WorkspaceContext, personaId: string, subjects: RunSubject[], input: CreateInput): Promise<ProbeRun[]> {
  // The workspace's custom traits (latest version of each key) are measurable like built-ins.
  const customRows = await listCustomTraits(ctx);
  const custom = new Map(customRows.map((t) => [t.key, customProbeTrait(t)]));
  const names = Object.fromEntries(customRows.map((t) => [t.key, t.name]));
  const target = await resolveProvider(ctx, input.targetProviderId, input.targetModel);
  const { judge, settings: judges } = await resolveJudging(ctx, input, target);
  if (input.maxCostUsd !== undefined) {
    // A money cap needs prices to count against: the worker costs every call from its provider's prices.
    const unpriced = [["the target", target], ["the judge", judge]] as const;
    const missing = unpriced.filter(([, p]) => !p.prices).map(([role, p]) => `${role} (${p.model})`);
    if (missing.length) {
      throw new AppError("validation", `A cost cap needs prices on the run's providers: set input and output prices per million tokens for ${missing.join(" and ")} in Settings → Providers, or cap the number of calls instead`, { field: "maxCostUsd" });
    }
  }
  const config: RunConfig = {
    temperature: input.temperature, seed: input.seed, targetHalfWidth: input.targetHalfWidth,
    budgetPerTrait: input.budgetPerTrait, concurrency: input.concurrency,
  };
  // Every plan is resolved (and every extra validated) before the first row is written.
  const plans = await Promise.all(subjects.map(async (subject) => {
    const base = watchedFor(subject.traitTargets, input, new Set(custom.keys()));
    const { watched, added, config: extra, unpricedUser } = await freezeExtras(ctx, subject.extras, base, judge, names);
    if (input.maxCostUsd !== undefined && unpricedUser) {
      throw new AppError("validation", `A cost cap needs prices on the run's providers: set input and output prices per million tokens for ${unpricedUser} in Settings → Providers, or cap the number of calls instead`, { field: "maxCostUsd" });
    }
    const unknown = added.filter((k) => !probeTrait(k) && !custom.has(k));
    if (unknown.length) throw new AppError("validation", `No probe items for the pressure scripts' trait${unknown.length === 1 ? "" : "s"}: ${unknown.join(", ")}`, { field: "pressure.scripts" });
    return { subject, targets: base.targets, watched, added, extra, frozen: watched.filter((k) => custom.has(k)).map((k) => custom.get(k)!) as FrozenCustomTrait[] };
  }));
  const runs = await db.$transaction(async (tx) => {
    const created = [];
    for (const { subject, targets, watched, added, extra, frozen } of plans) {
      const run = await tx.probeRun.create({
        data: probeRunRow(ctx, personaId, { subject, targets, watched, frozen, target, judge, judges, config: { ...config, ...extra }, maxCalls: input.maxCalls ?? null, maxCostUsd: input.maxCostUsd ?? null }),
      });
      const what = subject.variant ? `variant “${subject.variant.name}”` : subject.versionNumber === null ? "the draft" : `v${subject.versionNumber}`;
      // Traits a pressure script pushes against are watched even when the body did not list them: say so.
      const also = added.length ? `; also watching ${added.join(", ")} for the pressure scripts and the framing pair` : "";
      await recordActivity(ctx, personaId, "probe_started", `started a probe of ${what} on ${target.simulated ? "the simulator" : target.model} (${watched.length} trait${watched.length === 1 ? "" : "s"}${also})`, { version: subject.versionNumber, runId: run.id }, tx);
      created.push(run);
    }
    return created;
  });
  wakeWorker(runs.map((r) => r.id));
  const labels = await providerLabels(ctx.workspaceId);
  return runs.map((run) => toRun(run, { done: 0, failed: 0 }, labels));
}

// The run history: newest first, the id breaking ties (runs queued together share a createdAt).
const RUN_KEYS: KeyField[] = [{ field: "createdAt", dir: "desc", type: "date" }, { field: "id", dir: "desc", type: "string" }];

/** One page of a persona's runs; `nextCursor` (sent as the X-Next-Cursor header) when there is more. */
export async function listProbeRuns(
  ctx: WorkspaceContext, personaId: string, q: z.output<typeof listProbeRunsQuery>,
): Promise<{ items: ProbeRun[]; nextCursor: string | null }> {
  const persona = await findPersonaRow(ctx, personaId);
  const where = { personaId: persona.id, workspaceId: ctx.workspaceId };
  const rows = await db.probeRun.findMany(pageQuery("probe-runs", RUN_KEYS, where, q));
  const { page, nextCursor } = pageOf("probe-runs", RUN_KEYS, rows, q.limit);
  return { items: await runRows(ctx, page), nextCursor };
}

/** The history's rows for these runs: progress counts and the verdict line, a fixed number of queries for any number of runs. */
async function runRows(ctx: WorkspaceContext, runs: Awaited<ReturnType<typeof findRun>>[]): Promise<ProbeRun[]> {
  if (runs.length === 0) return [];
  const counts = await db.probeAnswer.groupBy({ by: ["runId", "status"], where: { runId: { in: runs.map((r) => r.id) } }, _count: true });
  const labels = await providerLabels(ctx.workspaceId);
  const count = (runId: string, status: string) => counts.find((c) => c.runId === runId && c.status === status)?._count ?? 0;
  const summaries = await runSummaries(runs); // one query for all rows' verdict lines (issue 12 §8)
  return runs.map((r) => ({ ...toRun(r, { done: count(r.id, "done"), failed: count(r.id, "failed") }, labels), summary: summaries.get(r.id) }));
}

/** One run as the history shows it, read afresh (whichever page it is on). */
async function runRow(ctx: WorkspaceContext, runId: string): Promise<ProbeRun> {
  const [row] = await runRows(ctx, [await findRun(ctx, runId)]);
  return row;
}

async function findRun(ctx: WorkspaceContext, runId: string) {
  const run = await db.probeRun.findFirst({ where: { id: runId, workspaceId: ctx.workspaceId } });
  if (!run) throw notFound("Probe run");
  return run;
}

/** A run with its stored report (the newest method's analysis, or `method`'s): lib/services/probes/stored-report.ts. */
export async function getProbeRun(ctx: WorkspaceContext, runId: string, q: z.output<typeof reportQuery> = {}): Promise<ProbeRunDetail> {
  const run = await findRun(ctx, runId);
  return runDetail(run, await providerLabels(ctx.workspaceId), q.method);
}

/** Re-analyses a run's answers with today's method now (a running run: its partial report); older analyses stay readable. */
export async function reanalyseProbeRun(ctx: WorkspaceContext, runId: string): Promise<ProbeRunDetail> {
  const run = await findRun(ctx, runId);
  return reanalyseStoredReport(run, await providerLabels(ctx.workspaceId));
}

export async function cancelProbeRun(ctx: WorkspaceContext, runId: string): Promise<ProbeRun> {
  const run = await findRun(ctx, runId);
  await db.probeRun.updateMany({
    where: { id: run.id, status: { in: ["queued", "running"] } },
    data: { status: "cancelled", finishedAt: new Date(), leaseOwner: null },
  });
  return runRow(ctx, run.id);
}

/** A failed or cancelled run continues where it stopped: its answers are kept. */
export async function resumeProbeRun(ctx: WorkspaceContext, runId: string): Promise<ProbeRun> {
  const run = await findRun(ctx, runId);
  if (run.status === "completed") throw new AppError("conflict", "This run has already completed");
  await db.probeRun.updateMany({
    where: { id: run.id, status: { in: ["failed", "cancelled"] } },
    data: { status: "queued", error: null, finishedAt: null, leaseOwner: null, heartbeatAt: null },
  });
  wakeWorker([run.id]);
  return runRow(ctx, run.id);
}

// A run's answers: oldest first, the id breaking ties (answers written in one batch share a createdAt).
const ANSWER_KEYS: KeyField[] = [{ field: "createdAt", dir: "asc", type: "date" }, { field: "id", dir: "asc", type: "string" }];

/** One page of a run's answers (filtered by ids, trait, kind); `nextCursor` (sent as the X-Next-Cursor header) when there is more. */
export async function listProbeAnswers(
  ctx: WorkspaceContext, runId: string, q: z.output<typeof listAnswersQuery>,
): Promise<{ items: ProbeAnswer[]; nextCursor: string | null }> {
  const run = await findRun(ctx, runId);
  const ids = q.ids?.split(",").map((s) => s.trim()).filter(Boolean);
  const where = { runId: run.id, ...(ids ? { id: { in: ids } } : {}), ...(q.trait ? { traitKey: q.trait } : {}), ...(q.kind ? { kind: q.kind } : {}) };
  const rows = await db.probeAnswer.findMany(pageQuery("probe-answers", ANSWER_KEYS, where, q));
  const { page, nextCursor } = pageOf("probe-answers", ANSWER_KEYS, rows, q.limit);
  return { items: withScenarios(page.map(toAnswer), run.config), nextCursor };
}
