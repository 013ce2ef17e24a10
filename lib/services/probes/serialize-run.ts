import "server-only";
import type { ProbeAnswer as Row, ProbeRun as RunRow } from "@/generated/prisma/client";
import { buildReport, type JudgedAnswer } from "@/lib/probing/report";
import type { DoneReason } from "@/lib/probing/stats/adaptive";
import type { FrozenCustomTrait } from "@/lib/probing/traits";
import type { ProbeAnswer, ProbeRun, ProbeRunDetail, RunStatus } from "@/lib/schemas/probe";
import { SIMULATOR_LABEL, SIMULATOR_PROVIDER_ID } from "@/lib/schemas/provider";
import type { RunConfig } from "@/lib/services/probes/run-config";

type Counts = { done: number; failed: number };
type Labels = Record<string, string>;

function side(providerId: string, model: string, labels: Labels) {
  const simulated = providerId === SIMULATOR_PROVIDER_ID;
  return { providerId, model, simulated, label: simulated ? SIMULATOR_LABEL : labels[providerId] ?? providerId };
}

const frozenCustom = (run: RunRow): FrozenCustomTrait[] => JSON.parse(run.customTraits) as FrozenCustomTrait[];

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
    config: JSON.parse(run.config) as RunConfig,
    customTraits: frozenCustom(run).map((t) => ({ key: t.key, name: t.name, version: t.version })),
    variant: run.variantId ? { id: run.variantId, name: run.variantName ?? "variant" } : null,
    batchId: run.batchId,
    progress: {
      answers: counts.done,
      failed: counts.failed,
      traitsDone,
      traits: watched.length,
      fraction: finished ? 1 : watched.length ? Math.min(0.99, traitsDone / watched.length * 0.5 + Math.min(1, counts.done / (watched.length * 24)) * 0.5) : 0,
      modelCalls: run.modelCalls,
      cacheHits: run.cacheHits,
    },
    createdBy: run.createdByName,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

const judged = (rows: Row[], kind: string): JudgedAnswer[] =>
  rows
    .filter((r) => r.kind === kind && r.status === "done" && r.scores)
    .map((r) => ({ id: r.id, traitKey: r.traitKey, itemIndex: r.itemIndex, scores: JSON.parse(r.scores!) as Record<string, number | null> }));

export function toRunDetail(run: RunRow, answers: Row[], labels: Labels): ProbeRunDetail {
  const counts = { done: answers.filter((a) => a.status === "done").length, failed: answers.filter((a) => a.status === "failed").length };
  const base = toRun(run, counts, labels);
  return {
    ...base,
    systemPrompt: run.systemPrompt,
    report: buildReport({
      watched: base.watched,
      targets: base.targets,
      persona: judged(answers, "persona"),
      baseline: judged(answers, "baseline"),
      done: JSON.parse(run.doneTraits) as Record<string, DoneReason>,
      final: run.status === "completed",
      names: Object.fromEntries(frozenCustom(run).map((t) => [t.key, t.name])),
    }),
  };
}

export function toAnswer(r: Row): ProbeAnswer {
  return {
    id: r.id, kind: r.kind as ProbeAnswer["kind"], traitKey: r.traitKey, itemIndex: r.itemIndex, sampleIndex: r.sampleIndex,
    message: r.message, answer: r.answer, scores: r.scores ? JSON.parse(r.scores) : null, refusal: r.refusal,
    status: r.status as ProbeAnswer["status"], error: r.error, latencyMs: r.latencyMs, tokens: r.tokens,
  };
}
