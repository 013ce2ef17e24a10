import "server-only";
import type { ProbeAnswer as Row, ProbeJudgment as JudgmentRow, ProbeRun as RunRow } from "@/generated/prisma/client";
import { countOutcomes, isScored } from "@/lib/probing/outcome";
import { buildReport, type JudgedAnswer } from "@/lib/probing/report";
import type { CheckedAnswer } from "@/lib/probing/checks-report";
import { describeTraitTarget } from "@/lib/persona/compile";
import { parseRunArms, type Achievable } from "@/lib/probing/scale-report";
import type { DoneReason } from "@/lib/probing/stats/adaptive";
import type { FrozenCustomTrait } from "@/lib/probing/traits";
import type { ProbeAnswer, ProbeReport, ProbeRun, ProbeRunDetail, RunStatus } from "@/lib/schemas/probe";
import type { ReportAnalysis } from "@/lib/schemas/report-analysis";
import { providerNameOf, SIMULATOR_PROVIDER_ID } from "@/lib/schemas/provider";
import { runJudgeReliability } from "@/lib/services/probes/judge-reliability";
import { frozenScenarios, type RunConfig } from "@/lib/services/probes/run-config";
import { SCENARIO_TRAIT_KEY } from "@/lib/probing/scenario-landing";
import { PRESSURE_KIND, SELF_REPORT_KIND } from "@/lib/schemas/pressure";
import type { PressureRow, SelfReportRow } from "@/lib/probing/pressure/report-sections";

export type Counts = { done: number; failed: number };
type Labels = Record<string, string>;

function side(providerId: string, model: string, labels: Labels) {
  const simulated = providerId === SIMULATOR_PROVIDER_ID;
  return { providerId, model, simulated, label: providerNameOf(labels, providerId) };
}

const frozenCustom = (run: RunRow): FrozenCustomTrait[] => JSON.parse(run.customTraits) as FrozenCustomTrait[];

/** The run's settings as the API shows them (the frozen scenarios stay in storage). */
function runConfigView(raw: string): Omit<RunConfig, "scenarios"> {
  const { temperature, seed, targetHalfWidth, budgetPerTrait, concurrency } = JSON.parse(raw) as RunConfig;
  return { temperature, seed, targetHalfWidth, budgetPerTrait, concurrency };
}

export function toRun(run: RunRow, counts: Counts, labels: Labels): ProbeRun {
  const watched = JSON.parse(run.watched) as string[];
  const done = JSON.parse(run.doneTraits) as Record<string, DoneReason>;
  const traitsDone = Object.keys(done).length;
  const finished = run.status === "completed";
  return {
    id: run.id,
    personaId: run.personaId,
    personaName: run.personaName,
    version: run.versionNumber ?? "draft",
    status: run.status as RunStatus,
    error: run.error,
    target: side(run.targetProviderId, run.targetModel, labels),
    judge: side(run.judgeProviderId, run.judgeModel, labels),
    watched,
    targets: JSON.parse(run.targets) as Record<string, number>,
    config: runConfigView(run.config),
    customTraits: frozenCustom(run).map((t) => ({ key: t.key, name: t.name, version: t.version })),
    variant: run.variantId ? { id: run.variantId, name: run.variantName ?? "variant" } : null,
    batchId: run.batchId,
    mode: run.mode === "range" ? "range" : "landing",
    arms: parseRunArms(run.arms),
    progress: {
      answers: counts.done,
      failed: counts.failed,
      traitsDone,
      traits: watched.length,
      fraction: finished ? 1 : watched.length ? Math.min(0.99, traitsDone / watched.length * 0.5 + Math.min(1, counts.done / (watched.length * 24)) * 0.5) : 0,
      modelCalls: run.modelCalls,
      cacheHits: run.cacheHits,
    },
    usage: { promptTokens: run.promptTokens, completionTokens: run.completionTokens, costUsd: run.costUsd },
    caps: { maxCalls: run.maxCalls, maxCostUsd: run.maxCostUsd, reached: run.capReached },
    createdBy: run.createdByName,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

const judged = (rows: Row[], kind: string): JudgedAnswer[] =>
  rows
    // Only scored answers are behaviour: empty, refused and truncated ones are counted (outcomes), never landed.
    .filter((r) => r.kind === kind && isScored(r) && r.scores)
    .map((r) => ({ id: r.id, traitKey: r.traitKey, itemIndex: r.itemIndex, scores: JSON.parse(r.scores!) as Record<string, number | null> }));

/** Scenario answers graded by the checks: exactly those the scenario landing reads (scored, judged), with their text. */
const checked = (rows: Row[], kind: string): CheckedAnswer[] =>
  rows.filter((r) => r.kind === kind && isScored(r) && r.scores).map((r) => ({ id: r.id, itemIndex: r.itemIndex, text: r.answer ?? "" }));

/** Pressure turns or self-ratings of a run as their report sections read them (every attempt; the section picks). */
const stored = (rows: Row[], kind: string): (PressureRow & SelfReportRow)[] =>
  rows.filter((r) => r.kind === kind).map((r) => ({
    id: r.id, traitKey: r.traitKey, itemIndex: r.itemIndex, turn: r.turn, sampleIndex: r.sampleIndex, status: r.status, outcome: r.outcome,
    answered: r.answer !== null && r.answer !== undefined,
    scores: r.scores ? JSON.parse(r.scores) as Record<string, number | null> : null,
  }));

const STOPPED = new Set(["completed", "failed", "cancelled"]);

/**
 * The report of a run from its stored answers, by the method the code computes today (lib/probing/report.ts):
 * landings judged against the instructed range per target and `achievable` — the traits' achievable ranges on
 * this model (lib/services/probes/achievable-range.ts) — control pairs, and a range check's curve.
 */
export function computeRunReport(run: RunRow, allAnswers: Row[], judgments: JudgmentRow[] = [], achievable: Record<string, Achievable> = {}): ProbeReport {
  // Scenario answers (issue 12 §2) are not library items: they feed only the scenario rows, never a landing,
  // a leakage shift, a correlation, a flag or the outcome counts of the library items.
  const answers = allAnswers.filter((a) => a.traitKey !== SCENARIO_TRAIT_KEY);
  const scenarioAnswers = allAnswers.filter((a) => a.traitKey === SCENARIO_TRAIT_KEY);
  const config = JSON.parse(run.config) as RunConfig;
  const frozen = frozenScenarios(config);
  const scenarioCount = frozen.length;
  const arms = parseRunArms(run.arms);
  const armAnswers = Object.fromEntries(arms.map((a) => [a.kind, judged(answers, a.kind)]));
  const targets = JSON.parse(run.targets) as Record<string, number>;
  const persona = judged(answers, "persona");
  const baseline = judged(answers, "baseline");
  const report = buildReport({
    watched: JSON.parse(run.watched) as string[],
    targets,
    persona,
    baseline,
    arms,
    controls: armAnswers,
    done: JSON.parse(run.doneTraits) as Record<string, DoneReason>,
    final: run.status === "completed",
    names: Object.fromEntries(frozenCustom(run).map((t) => [t.key, t.name])),
    outcomes: countOutcomes(answers),
    scale: { achievable, instructed: instructedOrNumber(run.systemPrompt, targets) },
    mode: run.mode === "range" ? "range" : "landing",
    ...(scenarioCount ? { scenarios: { count: scenarioCount, persona: judged(scenarioAnswers, "persona"), baseline: judged(scenarioAnswers, "baseline") } } : {}),
    ...(frozen.some((f) => f.checks?.length) ? { checks: { scenarios: frozen, persona: checked(scenarioAnswers, "persona"), baseline: checked(scenarioAnswers, "baseline") } } : {}),
    // Issue 14: pressure turns and self-ratings are kinds of their own (never "persona"), read only by their sections.
    ...(config.pressure ? { pressure: { frozen: config.pressure, rows: stored(answers, PRESSURE_KIND), stopped: STOPPED.has(run.status) } } : {}),
    ...(config.selfReport ? { selfReport: { frozen: config.selfReport, rows: stored(answers, SELF_REPORT_KIND) } } : {}),
    ...(config.framing ? { framing: config.framing } : {}),
  });
  // Self-ratings are parsed numbers, never judged: no judge agreement to read in them.
  const judgedRows = allAnswers.filter((a) => a.kind !== SELF_REPORT_KIND);
  return { ...report, judgeReliability: runJudgeReliability(run, judgedRows, judgments) }; // self-judged, retest, panel (issue 11 §6)
}

/**
 * A target is judged against its band's range only when the run's prompt carries the compiled instruction for
 * it; a hand-written prompt (or one edited by hand) never said "usually", so its landing is judged against the
 * number itself (null).
 */
export function instructedOrNumber(prompt: string, targets: Readonly<Record<string, number>>): Record<string, null> {
  return Object.fromEntries(Object.entries(targets).filter(([key, target]) => !prompt.includes(describeTraitTarget(key, target))).map(([key]) => [key, null]));
}

/** A report as served: stored (lib/services/probes/stored-report.ts) with the analysis that produced it. */
export type ServedReport = { report: ProbeReport; analysis: ReportAnalysis };

export function toRunDetail(run: RunRow, counts: Counts, labels: Labels, served: ServedReport): ProbeRunDetail {
  return { ...toRun(run, counts, labels), systemPrompt: run.systemPrompt, report: served.report, analysis: served.analysis };
}

/** ProbeAnswer.rationale as stored by lib/services/probes/answer-rationale.ts (JSON { trait: text }); unreadable → null. */
export function storedRationale(raw: string | null): Record<string, string> | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as unknown;
    if (!v || typeof v !== "object" || Array.isArray(v)) return null;
    const entries = Object.entries(v).filter((e): e is [string, string] => typeof e[1] === "string");
    return entries.length ? Object.fromEntries(entries) : null;
  } catch {
    return null;
  }
}

export function toAnswer(r: Row): ProbeAnswer {
  return {
    id: r.id, kind: r.kind as ProbeAnswer["kind"], traitKey: r.traitKey, itemIndex: r.itemIndex, sampleIndex: r.sampleIndex,
    message: r.message, answer: r.answer, scores: r.scores ? JSON.parse(r.scores) : null, refusal: r.refusal,
    status: r.status as ProbeAnswer["status"], error: r.error, latencyMs: r.latencyMs, tokens: r.tokens,
    rationale: storedRationale(r.rationale),
  };
}
