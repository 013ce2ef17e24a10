import { plannerStateFor, recordScores, samplingFrom, type MutableSampling } from "../../lib/jobs/sampling-state";
import type { AdversarialOptions, JudgeMemory } from "../../lib/llm/simulator/adversarial";
import { simulateChat, SIMULATOR_MODEL, type DomainShift } from "../../lib/llm/simulator/engine";
import type { ChatRequest } from "../../lib/llm/types";
import { parseJudgeOutput } from "../../lib/probing/judge";
import { judgeRequestForAnswer } from "../../lib/probing/judge/answer-order";
import { countOutcomes, outcomeAfterJudge, outcomeBeforeJudge, type AnswerOutcome, type OutcomeCounts } from "../../lib/probing/outcome";
import { buildReport, type JudgedAnswer } from "../../lib/probing/report";
import { nextRequests, type DoneReason, type SampleRequest, type SamplingConfig } from "../../lib/probing/stats/adaptive";
import { probeTrait } from "../../lib/probing/traits";
import { createProbeRunBody, type ProbeReport } from "../../lib/schemas/probe";

// One probe run, in process, exactly as lib/jobs/probe-worker.ts does it but
// without a database: the same planner calls (nextRequests over the state
// sampling-state.ts rebuilds), the same pipeline (C answers in flight, the
// oldest comes back first — the simulator has no latency — and the planner is
// asked again when its queue runs dry), the same generation and judge requests
// (judgeRequestForAnswer: the trait order fixed per answer, so a cached answer
// gets its cached verdict), the same strict parse, the same outcomes (empty,
// truncated and bare-refused answers are not judged, not scored, and asked
// again once on the same item within the budget: lib/probing/outcome.ts), and
// the report the API serves (lib/probing/report.ts buildReport, as
// lib/services/probes/serialize-run.ts calls it, scored answers only).

/** lib/jobs/probe-worker.ts NEUTRAL_PROMPT (not imported: that module is server-only and opens the database). */
export const NEUTRAL_PROMPT = "You are a helpful assistant.";

const defaultOf = <K extends "temperature" | "seed" | "targetHalfWidth" | "budgetPerTrait" | "concurrency">(k: K): number =>
  createProbeRunBody.shape[k].parse(undefined) as number;

/** The API's defaults for a new run (lib/schemas/probe.ts), read from the schema so they cannot drift. */
export const RUN_DEFAULTS = {
  temperature: defaultOf("temperature"),
  seed: defaultOf("seed"),
  targetHalfWidth: defaultOf("targetHalfWidth"),
  budgetPerTrait: defaultOf("budgetPerTrait"),
  concurrency: defaultOf("concurrency"),
};
export type RunSettings = typeof RUN_DEFAULTS;

/**
 * One simulated model behind one endpoint, with the worker's identical-call
 * cache (lib/jobs/model-call.ts keys on endpoint, model, messages, temperature,
 * seed, response format). A world is one model: its distortions, its judge's
 * memory and its cache are shared by every run in it.
 */
export class SimWorld {
  /** The text and the finish reason (the worker caches it beside the text: lib/jobs/model-call.ts). */
  readonly cache = new Map<string, { text: string; finishReason: string }>();
  readonly memory: JudgeMemory = new Map();
  calls = { generate: 0, judge: 0, cacheHits: 0 };

  /** `domain` (off unless given): the simulator's domain shift for scenario messages (bench/calibration/scenarios.ts). */
  constructor(readonly adversarial: Partial<AdversarialOptions>, readonly domain?: DomainShift) {}

  /** Returns the text, its finish reason and whether it came from the cache. */
  chat(req: ChatRequest): { text: string; finishReason: string; cached: boolean } {
    const key = JSON.stringify([req.model, req.messages, req.temperature ?? null, req.seed ?? null, req.responseFormat ?? null, req.maxTokens ?? null]);
    const hit = this.cache.get(key);
    if (hit !== undefined) {
      this.calls.cacheHits++;
      return { ...hit, cached: true };
    }
    if (req.responseFormat) this.calls.judge++;
    else this.calls.generate++;
    const { text, finishReason } = simulateChat(req, { adversarial: this.adversarial, memory: this.memory, ...(this.domain ? { domain: this.domain } : {}) });
    this.cache.set(key, { text, finishReason });
    return { text, finishReason, cached: false };
  }
}

export type ProbeRunInput = {
  runId: string;
  systemPrompt: string;
  targets: Readonly<Record<string, number>>;
  watched: readonly string[];
  settings: RunSettings;
  /** Bench-only: planner settings beyond the run's (the worker uses the defaults), and which baseline traits stop on the shift. */
  sampling?: Partial<SamplingConfig>;
  baselineShiftStop?: "every trait" | "untargeted";
};

export type ProbeRunResult = {
  report: ProbeReport;
  /** The persona answers the report was built from (what the variants page pairs by item). */
  personaAnswers: JudgedAnswer[];
  done: Record<string, DoneReason>;
  answers: { persona: number; baseline: number };
  /** Judge calls still made on baseline answers whose generation came from the cache (their watched set or judge differed). */
  baselineJudgeCallsOnCachedAnswers: number;
  /** Judge verdicts on baseline answers that came from the cache: judge calls saved by the per-answer judge order. */
  baselineJudgeCacheHits: number;
  /** Answers per arm by outcome; only scored ones are in the report. */
  outcomes: Record<string, OutcomeCounts>;
  judgeCalls: number;
  generateCalls: number;
};

type Kind = "persona" | "baseline";

export function runProbe(world: SimWorld, input: ProbeRunInput): ProbeRunResult {
  const { runId, settings, watched } = input;
  const before = { ...world.calls };
  const items = watched.map((key) => ({ key, itemCount: probeTrait(key)?.probes.length ?? 0 })).filter((t) => t.itemCount > 0);
  const states: Record<Kind, MutableSampling[]> = { persona: samplingFrom(items, [], "persona"), baseline: samplingFrom(items, [], "baseline") };
  const stored: Record<Kind, JudgedAnswer[]> = { persona: [], baseline: [] };
  const rows: { kind: Kind; status: string; outcome: AnswerOutcome }[] = [];
  let judgeCallsOnCachedBaseline = 0;
  let baselineJudgeCacheHits = 0;
  type Job = readonly [Kind, SampleRequest, boolean];
  const queue: Job[] = [];

  /** lib/jobs/probe-worker.ts retry(): a not-scored answer is asked again once, same item, new sample index, within budget. */
  const retry = ([kind, req, retried]: Job) => {
    const state = states[kind].find((s) => s.key === req.traitKey)!;
    if (retried || state.issuedPerItem.reduce((n, x) => n + x, 0) >= settings.budgetPerTrait) return;
    queue.unshift([kind, { ...req, sampleIndex: state.issuedPerItem[req.itemIndex]++ }, true]);
  };

  const answerOne = (job: Job) => {
    const [kind, req] = job;
    const item = probeTrait(req.traitKey)!.probes[req.itemIndex];
    const gen = world.chat({
      model: SIMULATOR_MODEL,
      messages: [{ role: "system", content: kind === "persona" ? input.systemPrompt : NEUTRAL_PROMPT }, { role: "user", content: item.text }],
      temperature: settings.temperature,
      seed: settings.seed + req.sampleIndex,
    });
    let outcome: AnswerOutcome | null = outcomeBeforeJudge({ text: gen.text, finishReason: gen.finishReason, refusal: null });
    if (outcome === null) {
      const { request } = judgeRequestForAnswer({ answer: gen.text, question: item.text, traitKeys: watched, model: SIMULATOR_MODEL });
      const verdict = world.chat(request);
      if (kind === "baseline" && gen.cached) {
        if (verdict.cached) baselineJudgeCacheHits++;
        else judgeCallsOnCachedBaseline++;
      }
      const ok = parseJudgeOutput(verdict.text, watched);
      if (!ok.ok) throw new Error(`simulator judge output rejected: ${ok.reason}`);
      outcome = outcomeAfterJudge(ok);
      if (outcome === "scored") {
        const id = `${runId}:${kind}:${req.traitKey}:${req.itemIndex}:${req.sampleIndex}`;
        stored[kind].push({ id, traitKey: req.traitKey, itemIndex: req.itemIndex, scores: ok.scores });
        recordScores(states[kind], req.traitKey, req.itemIndex, ok.scores);
      }
    }
    rows.push({ kind, status: "done", outcome });
    if (outcome !== "scored") retry(job);
  };

  const sampling = { targetHalfWidth: settings.targetHalfWidth, budget: settings.budgetPerTrait, maxBatch: settings.concurrency * 2 };
  const inflight: Job[] = [];
  let done: Record<string, DoneReason> = {};
  for (;;) {
    if (queue.length === 0) {
      for (const kind of ["persona", "baseline"] as const) for (const s of states[kind]) s.pending = 0;
      for (const [kind, r] of inflight) states[kind].find((s) => s.key === r.traitKey)!.pending++;
      const opts = input.baselineShiftStop ? { baseline: input.baselineShiftStop } : undefined;
      const personaPlan = nextRequests(plannerStateFor("persona", states, input.targets, opts), { ...sampling, ...input.sampling });
      const baselinePlan = nextRequests(plannerStateFor("baseline", states, input.targets, opts), { ...sampling, ...input.sampling });
      done = personaPlan.done;
      queue.push(...personaPlan.requests.map((r) => ["persona", r, false] as const), ...baselinePlan.requests.map((r) => ["baseline", r, false] as const));
      for (const [kind, r] of queue) states[kind].find((s) => s.key === r.traitKey)!.issuedPerItem[r.itemIndex]++;
    }
    if (queue.length === 0 && inflight.length === 0) break;
    while (queue.length > 0 && inflight.length < settings.concurrency) inflight.push(queue.shift()!);
    answerOne(inflight.shift()!);
  }

  const outcomes = countOutcomes(rows);
  const report = buildReport({ watched, targets: input.targets, persona: stored.persona, baseline: stored.baseline, done, final: true, outcomes });
  return {
    report,
    personaAnswers: stored.persona,
    done,
    answers: { persona: stored.persona.length, baseline: stored.baseline.length },
    baselineJudgeCallsOnCachedAnswers: judgeCallsOnCachedBaseline,
    baselineJudgeCacheHits,
    outcomes,
    judgeCalls: world.calls.judge - before.judge,
    generateCalls: world.calls.generate - before.generate,
  };
}
