import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { compilePersona } from "@/lib/persona/compile";
import { estimateProbeSteps, type Estimate, type EstimateInput } from "@/lib/probing/estimate";
import { judgeRequestForAnswer } from "@/lib/probing/judge/answer-order";
import { customProbeTrait, probeTrait, type ProbeTrait } from "@/lib/probing/traits";
import { defaultWatchSet } from "@/lib/probing/traits/watch-set";
import type { createProbeRunBody } from "@/lib/schemas/probe";
import type { ProbeEstimate } from "@/lib/schemas/probe-estimate";
import { listCustomTraits } from "@/lib/services/custom-traits/custom-traits";
import { findPersonaRow } from "@/lib/services/personas/find-persona";
import { parseStoredSpec } from "@/lib/services/personas/serialize";
import { controlArmsFor } from "@/lib/services/probes/control-arms";
import { resolveJudging } from "@/lib/services/probes/judge-settings";
import { resolveProvider } from "@/lib/services/providers/resolve-provider";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// "How big will this probe be?" before it starts (issue 12 §5): the same body as
// starting a run, resolved the same way (snapshot, targets, watched traits,
// control arms, providers, judges), then sized by the pure estimator
// (lib/probing/estimate.ts: the real planner on synthetic scores). Nothing is
// stored and no model is called.

type CreateInput = z.output<typeof createProbeRunBody>;

/** lib/jobs/run-arms.ts NEUTRAL_PROMPT (the services layer does not import lib/jobs). */
const NEUTRAL_PROMPT_CHARS = "You are a helpful assistant.".length;

/**
 * The estimate runs the planner on synthetic worlds (up to a few seconds for 24
 * traits on a busy machine; the same plan shape again is remembered by the
 * estimator): in steps, giving the event loop back between them, so the server
 * (and an in-process worker) keeps answering meanwhile.
 */
async function estimateYielding(input: EstimateInput): Promise<Estimate> {
  const steps = estimateProbeSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

export async function estimateProbeRun(ctx: WorkspaceContext, personaId: string, input: CreateInput): Promise<ProbeEstimate> {
  const persona = await findPersonaRow(ctx, personaId);
  let specJson = persona.spec;
  let prompt: string;
  if (input.version === "draft") {
    prompt = compilePersona(parseStoredSpec(specJson)).prompt;
  } else {
    const v = await db.personaVersion.findUnique({ where: { personaId_number: { personaId: persona.id, number: input.version } } });
    if (!v) throw new AppError("validation", `Version ${input.version} does not exist`, { field: "version" });
    specJson = v.spec;
    prompt = v.compiledPrompt;
  }
  const spec = parseStoredSpec(specJson);
  const arms = controlArmsFor(spec, spec.traitTargets, input);

  // As lib/services/probes/probe-runs.ts queueRuns: measurable traits, the default watch set, the same errors.
  const custom = new Map((await listCustomTraits(ctx)).map((t) => [t.key, customProbeTrait(t)]));
  const traitOf = (k: string): ProbeTrait | undefined => custom.get(k) ?? probeTrait(k);
  const targets = Object.fromEntries(Object.entries(spec.traitTargets).filter(([k]) => traitOf(k)));
  const targetedCustom = Object.keys(targets).filter((k) => custom.has(k));
  const watched = input.traits ?? [...defaultWatchSet(Object.keys(targets), { allRelated: input.watchAllRelated }).filter((k) => probeTrait(k)), ...targetedCustom];
  const unknown = watched.filter((k) => !traitOf(k));
  if (unknown.length) {
    throw new AppError("validation", `No probe items for: ${unknown.join(", ")} — neither a built-in trait nor one of this workspace's custom traits`, { field: "traits" });
  }
  if (watched.length === 0) {
    throw new AppError("validation", "Nothing to measure: add trait targets to the persona, or choose traits to watch", { field: "traits" });
  }

  const target = await resolveProvider(ctx, input.targetProviderId, input.targetModel);
  const { judge, settings } = await resolveJudging(ctx, input, target);
  const panel = await Promise.all(settings.panel.map((p) => resolveProvider(ctx, p.providerId, p.model)));

  const traits = watched.map((k) => ({ key: k, itemCount: traitOf(k)!.probes.length, targeted: k in targets }));
  const itemChars = Object.fromEntries(watched.map((k) => {
    const probes = traitOf(k)!.probes;
    return [k, probes.reduce((s, p) => s + p.text.length, 0) / Math.max(1, probes.length)];
  }));
  // The judge's request without answer and question: instructions and the watched traits' rubrics.
  const { request } = judgeRequestForAnswer({ answer: "", question: "", traitKeys: watched, model: judge.model, traits: [...custom.values()] });
  const judgePromptChars = request.messages.reduce((s, m) => s + m.content.length, 0);
  const estimate = await estimateYielding({
    traits,
    extraArms: arms.map((a) => ({ kind: a.kind, traits: a.traits ?? watched })),
    targetHalfWidth: input.targetHalfWidth,
    budgetPerTrait: input.budgetPerTrait,
    concurrency: input.concurrency,
    retestShare: settings.retestShare,
    panelJudges: settings.panel.length,
    tokens: {
      systemPromptChars: { persona: prompt.length, baseline: NEUTRAL_PROMPT_CHARS, ...Object.fromEntries(arms.map((a) => [a.kind, a.systemPrompt.length])) },
      itemChars,
      judgePromptChars,
    },
    prices: { target: target.prices ?? null, judge: judge.prices ?? null, panel: panel.map((p) => p.prices ?? null) },
    seed: "probe-estimate",
  });
  return {
    calls: estimate.calls,
    answers: estimate.answers,
    tokens: estimate.tokens!,
    costUsd: estimate.costUsd,
    watched,
    targeted: Object.keys(targets),
    perTrait: estimate.perTrait,
    controlArms: arms.length,
    percentiles: estimate.percentiles,
  };
}
