import "server-only";
import type { z } from "zod";
import { estimateProbeSteps, fixedPlanLoad, type Estimate, type EstimateInput } from "@/lib/probing/estimate";
import { judgeRequestForAnswer } from "@/lib/probing/judge/answer-order";
import { customProbeTrait, probeTrait, type ProbeTrait } from "@/lib/probing/traits";
import type { createProbeRunBody } from "@/lib/schemas/probe";
import type { ProbeEstimate } from "@/lib/schemas/probe-estimate";
import { listCustomTraits } from "@/lib/services/custom-traits/custom-traits";
import { controlArmsFor } from "@/lib/services/probes/control-arms";
import { framingFor, freezeExtras } from "@/lib/services/probes/pressure-config";
import { probeSubject, watchedFor } from "@/lib/services/probes/probe-runs";
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

/** Count and mean size of the scenarios a run asks (message and earlier turns). */
function scenarioLoad(scenarios: readonly { message: string; context?: readonly { content: string }[] }[]) {
  const chars = scenarios.map((x) => x.message.length + (x.context ?? []).reduce((s, t) => s + t.content.length, 0));
  return { count: scenarios.length, meanChars: chars.length ? chars.reduce((s, c) => s + c, 0) / chars.length : 0 };
}

export async function estimateProbeRun(ctx: WorkspaceContext, personaId: string, input: CreateInput): Promise<ProbeEstimate> {
  const { spec, prompt } = await probeSubject(ctx, personaId, input.version);
  const customRows = await listCustomTraits(ctx);
  const names = Object.fromEntries(customRows.map((t) => [t.key, t.name]));
  // The requested-wording arm (issue 14 §4) is one more arm, like a control arm.
  const framed = framingFor(spec, prompt, input.framingTrait, names);
  const arms = [...controlArmsFor(spec, spec.traitTargets, input), ...(framed ? [framed.arm] : [])];
  // The same measurable traits, default watch set and errors as starting the run (probe-runs.ts watchedFor).
  const custom = new Map(customRows.map((t) => [t.key, customProbeTrait(t)]));
  const traitOf = (k: string): ProbeTrait | undefined => custom.get(k) ?? probeTrait(k);
  const base = watchedFor(spec.traitTargets, input, new Set(custom.keys()));

  const target = await resolveProvider(ctx, input.targetProviderId, input.targetModel);
  const { judge, settings } = await resolveJudging(ctx, input, target);
  // Pressure scripts' traits join the watched set; self-report asks every watched trait (pressure-config.ts, as the run would).
  const extras = await freezeExtras(ctx, { pressure: input.pressure, selfReport: input.selfReport, personaScripts: spec.pressureScripts ?? [], framing: framed?.framing }, base, judge, names);
  const { targets } = base;
  const watched = extras.watched.filter((k) => traitOf(k));
  const panel = await Promise.all(settings.panel.map((p) => resolveProvider(ctx, p.providerId, p.model)));

  const traits = watched.map((k) => ({ key: k, itemCount: traitOf(k)!.probes.length, targeted: k in targets }));
  const itemChars = Object.fromEntries(watched.map((k) => {
    const probes = traitOf(k)!.probes;
    return [k, probes.reduce((s, p) => s + p.text.length, 0) / Math.max(1, probes.length)];
  }));
  // The judge's request without answer and question: instructions and the watched traits' rubrics.
  const { request } = judgeRequestForAnswer({ answer: "", question: "", traitKeys: watched, model: judge.model, traits: [...custom.values()] });
  const judgePromptChars = request.messages.reduce((s, m) => s + m.content.length, 0);
  const pressure = extras.config.pressure;
  const conversations = pressure ? pressure.scripts.length * pressure.conversationsPerScript : 0;
  const simulatedConversations = pressure ? pressure.scripts.filter((s) => s.kind === "simulated").length * pressure.conversationsPerScript : 0;
  const userTurns = pressure?.scripts.flatMap((s) => [...s.openings, ...s.pushes, ...(s.goal ? [s.goal] : [])]) ?? [];
  const selfReportQuestions = Object.values(extras.config.selfReport?.items ?? {}).reduce((n, qs) => n + qs.length, 0);
  const fixed = fixedPlanLoad({
    conversations, simulatedConversations, turns: pressure?.turns ?? 0, selfReportQuestions,
    systemPromptChars: prompt.length, userChars: userTurns.length ? userTurns.reduce((n, t) => n + t.length, 0) / userTurns.length : 120,
    judgePromptChars, watched: watched.length,
  });
  // Every call of the fixed plan except the self-ratings' (one unjudged call each).
  const pressureCalls = fixed.target.calls + fixed.judge.calls - selfReportQuestions;
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
    // The scenarios the run would freeze (createProbeRun: all of them unless the body says scenarios: false).
    scenarios: scenarioLoad(input.scenarios === false ? [] : spec.scenarios ?? []),
    fixed,
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
    controlArms: arms.length - (framed ? 1 : 0),
    ...(pressure ? { pressureCalls } : {}),
    ...(extras.config.selfReport ? { selfReportCalls: selfReportQuestions } : {}),
    ...(framed ? { framingArm: true } : {}),
    percentiles: estimate.percentiles,
  };
}
