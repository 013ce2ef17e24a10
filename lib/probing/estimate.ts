import { reliabilitySampleSize } from "@/lib/probing/judge-reliability";
import { rngFor, type Rng } from "@/lib/probing/random";
import { nextRequests, initialSampling, type SamplingConfig, type TraitSampling } from "@/lib/probing/stats/adaptive";
import { plannerStateFor } from "@/lib/probing/stats/shift-evidence";

// Size before spending (issue 12 §5): how many model calls, tokens and dollars a
// probe will take, before it starts. Pure and deterministic.
//
// The number of answers is not a formula: the adaptive planner stops each trait
// when its interval is narrow enough, and how soon depends on how much the items
// and the answers spread, which nobody knows before the run. So the estimate runs
// the REAL planner (stats/adaptive.ts nextRequests, with the worker's per-arm state
// and shift stopping, lib/jobs/sampling-state.ts plannerStateFor) on synthetic
// judge scores, in `simulations` worlds whose spreads are drawn from a stated
// prior (ESTIMATE_PRIOR), and reports the median world and the 10th–90th
// percentile. Each answer is one target call plus one judge call; an answer that
// comes back unscored (empty, refused) is asked again once, as the worker does;
// the retest and panel judge a sample at the end (judge-reliability.ts
// reliabilitySampleSize). Tokens: characters / 4 for prompts, stated typical
// lengths for completions. Money: tokens × the providers' per-million prices.

export type EstimateTrait = { key: string; itemCount: number; targeted: boolean };

/** The spreads the synthetic scores are drawn from (judged points, 0–100 scale); each world draws once from each range. */
export type EstimatePrior = {
  /** SD of item means around a trait's landing (items differ). */
  itemSd: readonly [number, number];
  /** SD of one answer around its item's mean (sampling + judge noise). */
  noiseSd: readonly [number, number];
  /** SD of the persona − baseline difference from item to item (the paired shift's spread). */
  shiftItemSd: readonly [number, number];
  /**
   * Share of untargeted traits with a real side effect (drawn once per world from this range: how much a persona
   * leaks is not known before the run, and a leak of 7.5+ points is pursued to ±2.5), and its size (points, either sign).
   */
  sideEffectShare: readonly [number, number];
  sideEffect: readonly [number, number];
  /** Share of answers that come back unscored and are asked again once. */
  lostShare: readonly [number, number];
};

// The lower ends include a consistent model and judge (the calibration bench's adversarial simulator — item SD 6,
// judge noise 5 — sits near them), the upper end of the shift's spread a persona whose effect differs a lot by
// item, and the share of leaking traits varies by world: a narrower prior made the range too narrow for 16
// watched traits (bench/estimate.ts, docs/methods.md §11).
export const ESTIMATE_PRIOR: EstimatePrior = {
  itemSd: [4, 16],
  noiseSd: [5, 14],
  shiftItemSd: [4, 14],
  sideEffectShare: [0.1, 0.6],
  sideEffect: [3, 12],
  lostShare: [0.02, 0.1],
};

/** Token sizes: prompt characters (÷ CHARS_PER_TOKEN) and typical completion lengths. */
export type EstimateTokens = {
  /** Characters of each arm's system prompt (persona, baseline, control arms by kind); missing: persona's. */
  systemPromptChars: Readonly<Record<string, number>>;
  /** Mean characters of a trait's probe item. */
  itemChars: Readonly<Record<string, number>>;
  /** Characters of the judge request without the answer and the question (rubrics of the watched traits, instructions). */
  judgePromptChars: number;
  /** Typical answer length in tokens (default 220). */
  answerTokens?: number;
  /** Typical judge reply in tokens (default 20 + 12 per watched trait). */
  judgeReplyTokens?: number;
};

export type Prices = { inputPerM: number; outputPerM: number };

export type EstimateInput = {
  traits: readonly EstimateTrait[];
  /** Extra arms (control arms) and the traits they answer. */
  extraArms?: readonly { kind: string; traits: readonly string[] }[];
  targetHalfWidth: number;
  budgetPerTrait: number;
  /** The worker's batch cap is concurrency × 2 per trait per planning step. */
  concurrency?: number;
  retestShare: number;
  panelJudges?: number;
  /** The baseline's answers and verdicts are likely in the cache (same model, settings and watched set asked before). */
  baselineCached?: boolean;
  tokens?: EstimateTokens;
  /** Per role; null or missing: money is unknown. */
  prices?: { target: Prices | null; judge: Prices | null; panel?: (Prices | null)[] };
  prior?: Partial<EstimatePrior>;
  /** Synthetic worlds (default 10). */
  simulations?: number;
  /**
   * The persona's scenarios, asked once each in the persona and baseline arms outside the planner
   * (lib/jobs/probe-worker.ts): count and mean characters of a scenario (message + earlier turns).
   */
  scenarios?: { count: number; meanChars: number };
  /** Fixed plans beside the adaptive one (issue 14: pressure turns, self-report questions): fixedPlanLoad. */
  fixed?: FixedLoad;
  seed?: string;
};

/** Calls and tokens of a fixed plan, by who is paid: the target's side and the judge's (the simulated user is priced as the judge). */
export type FixedLoad = {
  answers: number;
  target: { calls: number; prompt: number; completion: number };
  judge: { calls: number; prompt: number; completion: number };
};

/**
 * Pressure conversations and self-report questions (issue 14): conversations × (turns + 1) answers,
 * each judged, plus one simulated-user call per turn of a simulated conversation (prompts grow with
 * the history: turn t carries t earlier exchanges); one unjudged answer per self-report question.
 */
export function fixedPlanLoad(p: {
  conversations: number; simulatedConversations: number; turns: number; selfReportQuestions: number;
  systemPromptChars: number; userChars: number; judgePromptChars: number; watched: number; answerTokens?: number;
}): FixedLoad {
  const answer = p.answerTokens ?? ANSWER_TOKENS;
  const answersPer = p.turns + 1;
  const sys = Math.ceil(p.systemPromptChars / CHARS_PER_TOKEN), user = Math.ceil(p.userChars / CHARS_PER_TOKEN) + MESSAGE_OVERHEAD;
  // Σ over t = 0…turns of (system + (t + 1) user turns + t answers).
  const conversationPrompt = answersPer * (sys + MESSAGE_OVERHEAD) + user * (answersPer * (answersPer + 1)) / 2 + (answer + MESSAGE_OVERHEAD) * (answersPer * (answersPer - 1)) / 2;
  const turnsAll = p.conversations * answersPer, simulated = p.simulatedConversations * answersPer;
  const judgePrompt = Math.ceil(p.judgePromptChars / CHARS_PER_TOKEN) + user + answer + 2 * MESSAGE_OVERHEAD;
  const questionPrompt = sys + user + MESSAGE_OVERHEAD;
  return {
    answers: turnsAll + p.selfReportQuestions,
    target: { calls: turnsAll + p.selfReportQuestions, prompt: p.conversations * conversationPrompt + p.selfReportQuestions * questionPrompt, completion: (turnsAll + p.selfReportQuestions) * answer },
    judge: {
      calls: turnsAll + simulated,
      prompt: turnsAll * judgePrompt + p.simulatedConversations * conversationPrompt,
      completion: turnsAll * judgeReplyTokens(p.watched) + simulated * Math.ceil(p.userChars / CHARS_PER_TOKEN),
    },
  };
}

export type Range = { expected: number; low: number; high: number };

export type Estimate = {
  calls: Range;
  answers: Range;
  tokens: { prompt: Range; completion: Range; total: Range } | null;
  costUsd: Range | null;
  perTrait: { key: string; targeted: boolean; answers: number }[];
  /** The percentiles of `low` and `high`. */
  percentiles: [number, number];
  simulations: number;
};

export const CHARS_PER_TOKEN = 4;
export const ANSWER_TOKENS = 220;
export const judgeReplyTokens = (watched: number) => 20 + 12 * watched;
/** Chat framing per message (role markers), in tokens. */
export const MESSAGE_OVERHEAD = 8;

const uniform = (rng: Rng, [lo, hi]: readonly [number, number]) => lo + (hi - lo) * rng();
function gauss(rng: Rng): number {
  const u = Math.max(1e-12, rng());
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}
const clampScore = (x: number) => Math.max(0, Math.min(100, Math.round(x)));

type WorldCounts = { answers: Record<string, number>; perTrait: Record<string, number>; targetCalls: Record<string, number>; judgeCalls: Record<string, number>; scored: number };

type ArmState = { kind: string; states: (TraitSampling & { issuedPerItem: number[]; scores: number[]; scoreItems: number[]; all: Record<string, number[]> })[] };

/** One synthetic world through the planner, arm by arm, in batches (every request answered before the next plan). */
function* simulateWorld(input: EstimateInput, prior: EstimatePrior, rng: Rng): Generator<void, WorldCounts> {
  const itemSd = uniform(rng, prior.itemSd), noiseSd = uniform(rng, prior.noiseSd), shiftSd = uniform(rng, prior.shiftItemSd);
  const lost = uniform(rng, prior.lostShare);
  const sideEffectShare = uniform(rng, prior.sideEffectShare);
  const keys = input.traits.map((t) => t.key);
  const targeted = new Set(input.traits.filter((t) => t.targeted).map((t) => t.key));
  const targetsOf = Object.fromEntries([...targeted].map((k) => [k, true]));
  // Trait levels: baseline mean, persona shift (targets move a lot; a share of the others move a little).
  const base: Record<string, number> = {}, shift: Record<string, number> = {};
  for (const k of keys) {
    base[k] = 35 + 30 * rng();
    shift[k] = targeted.has(k) ? (rng() < 0.5 ? -1 : 1) * (15 + 20 * rng())
      : rng() < sideEffectShare ? (rng() < 0.5 ? -1 : 1) * uniform(rng, prior.sideEffect) : 0;
  }
  // Each item (of any trait) has an effect on every watched trait's score, and a persona-vs-baseline deviation.
  const itemEffect = new Map<string, Float64Array>();
  const shiftEffect = new Map<string, Float64Array>();
  const effectOf = (id: string) => {
    let e = itemEffect.get(id);
    if (!e) {
      e = Float64Array.from(keys, () => itemSd * gauss(rng));
      itemEffect.set(id, e);
      shiftEffect.set(id, Float64Array.from(keys, () => shiftSd * gauss(rng)));
    }
    return e;
  };
  const armsSpec = [
    { kind: "persona", traits: keys },
    { kind: "baseline", traits: keys },
    ...(input.extraArms ?? []).map((a) => ({ kind: a.kind, traits: keys.filter((k) => a.traits.includes(k)) })),
  ];
  const arms: ArmState[] = armsSpec.map((a) => ({
    kind: a.kind,
    states: (initialSampling(input.traits.filter((t) => a.traits.includes(t.key))) as ArmState["states"]).map((s) => Object.assign(s, { all: {} })),
  }));
  const persona = arms[0], baseline = arms[1];
  const sampling: Partial<SamplingConfig> = {
    targetHalfWidth: input.targetHalfWidth, budget: input.budgetPerTrait, maxBatch: (input.concurrency ?? 4) * 2,
  };
  const counts: WorldCounts = { answers: {}, perTrait: {}, targetCalls: {}, judgeCalls: {}, scored: 0 };
  const add = (rec: Record<string, number>, k: string, n = 1) => { rec[k] = (rec[k] ?? 0) + n; };

  const answer = (arm: ArmState, traitKey: string, itemIndex: number) => {
    add(counts.targetCalls, arm.kind);
    add(counts.answers, arm.kind);
    if (arm.kind === "persona") add(counts.perTrait, traitKey);
    if (rng() < lost) return false;
    add(counts.judgeCalls, arm.kind);
    counts.scored++;
    const id = `${traitKey}#${itemIndex}`;
    const effect = effectOf(id), dev = shiftEffect.get(id)!;
    const onPersonaSide = arm.kind !== "baseline";
    for (const s of arm.states) {
      const j = keys.indexOf(s.key);
      const v = clampScore(base[s.key] + effect[j] + (onPersonaSide ? shift[s.key] + dev[j] : 0) + noiseSd * gauss(rng));
      (s.all[id] ??= []).push(v);
      if (s.key === traitKey) { s.scores.push(v); s.scoreItems.push(itemIndex); }
    }
    return true;
  };

  for (let round = 0; round < 10_000; round++) {
    let asked = 0;
    for (const arm of arms) {
      // The worker's rule (stats/shift-evidence.ts): which traits may stop on the all-items shift.
      const state = plannerStateFor(arm.kind, { persona: persona.states, baseline: baseline.states, [arm.kind]: arm.states }, targetsOf);
      const plan = nextRequests(state, sampling);
      for (const req of plan.requests) {
        const s = arm.states.find((x) => x.key === req.traitKey)!;
        s.issuedPerItem[req.itemIndex]++;
        asked++;
        // Unscored: asked once more on the same item, within the budget (probe-worker.ts retry).
        if (!answer(arm, req.traitKey, req.itemIndex) && s.issuedPerItem.reduce((n, x) => n + x, 0) < input.budgetPerTrait) {
          s.issuedPerItem[req.itemIndex]++;
          answer(arm, req.traitKey, req.itemIndex);
        }
      }
    }
    if (asked === 0) break;
    yield;
  }
  return counts;
}

/**
 * The planner's worlds depend on the plan's SHAPE only (targeted or not, item
 * counts, arms, settings), never on trait names: traits are renamed in a fixed
 * order before simulating, so the same shape gives the same worlds, and the last
 * few shapes are remembered (a dialog asks again on every change; prices,
 * prompts and names do not need the planner again). Deterministic either way.
 */
type Shape = {
  traits: EstimateTrait[]; extraArms: { kind: string; traits: string[] }[];
  targetHalfWidth: number; budgetPerTrait: number; concurrency: number; prior: EstimatePrior; simulations: number; seed: string;
};
const worldsMemo = new Map<string, WorldCounts[]>();
const WORLDS_MEMO_SIZE = 32;

function* worldsFor(input: EstimateInput, traits: readonly EstimateTrait[], prior: EstimatePrior, simulations: number): Generator<void, { worlds: WorldCounts[]; names: Map<string, string> }> {
  const order = traits.map((t, i) => ({ t, i })).sort((a, b) => Number(b.t.targeted) - Number(a.t.targeted) || a.t.itemCount - b.t.itemCount || a.i - b.i);
  const canonical = new Map(order.map(({ t }, j) => [t.key, `t${j}`]));
  const names = new Map([...canonical].map(([k, c]) => [c, k]));
  (input.extraArms ?? []).forEach((a, i) => names.set(`arm${i}`, a.kind));
  const shape: Shape = {
    traits: order.map(({ t }) => ({ key: canonical.get(t.key)!, itemCount: t.itemCount, targeted: t.targeted })),
    extraArms: (input.extraArms ?? []).map((a, i) => ({ kind: `arm${i}`, traits: a.traits.flatMap((k) => canonical.get(k) ?? []).sort() })),
    targetHalfWidth: input.targetHalfWidth, budgetPerTrait: input.budgetPerTrait, concurrency: input.concurrency ?? 4,
    prior, simulations, seed: input.seed ?? "estimate",
  };
  const key = JSON.stringify(shape);
  let worlds = worldsMemo.get(key);
  if (!worlds) {
    const plan: EstimateInput = { ...input, traits: shape.traits, extraArms: shape.extraArms, concurrency: shape.concurrency };
    worlds = [];
    for (let w = 0; w < simulations; w++) worlds.push(yield* simulateWorld(plan, prior, rngFor(shape.seed, w)));
    worldsMemo.set(key, worlds);
    if (worldsMemo.size > WORLDS_MEMO_SIZE) worldsMemo.delete(worldsMemo.keys().next().value!);
  }
  return { worlds, names };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = (sorted.length - 1) * p;
  const lo = Math.floor(i), hi = Math.ceil(i);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
}

const rangeOf = (values: readonly number[], [pLo, pHi]: [number, number], round = (x: number) => Math.round(x)): Range => {
  const sorted = [...values].sort((a, b) => a - b);
  return { expected: round(percentile(sorted, 0.5)), low: round(percentile(sorted, pLo)), high: round(percentile(sorted, pHi)) };
};

const sum = (rec: Readonly<Record<string, number>>) => Object.values(rec).reduce((s, x) => s + x, 0);

/** The expected calls, answers, tokens and money of a probe with these settings (median of the synthetic worlds, with the 10th–90th percentile). */
export function estimateProbe(input: EstimateInput): Estimate {
  const steps = estimateProbeSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * estimateProbe in steps: it yields after every planning round of every
 * synthetic world, so a caller sharing a thread (the web server) can let other
 * work run between steps. The same result as estimateProbe.
 */
export function* estimateProbeSteps(input: EstimateInput): Generator<void, Estimate> {
  const prior = { ...ESTIMATE_PRIOR, ...input.prior };
  const simulations = Math.max(1, input.simulations ?? 10);
  const percentiles: [number, number] = [0.1, 0.9];
  const measurable = input.traits.filter((t) => t.itemCount > 0);
  if (measurable.length === 0) {
    const zero = { expected: 0, low: 0, high: 0 };
    return { calls: zero, answers: zero, tokens: input.tokens ? { prompt: zero, completion: zero, total: zero } : null, costUsd: input.prices?.target && input.prices.judge ? zero : null, perTrait: [], percentiles, simulations };
  }
  const panel = input.panelJudges ?? input.prices?.panel?.length ?? 0;
  const watched = measurable.length;
  const tok = input.tokens;
  const answerTokens = tok?.answerTokens ?? ANSWER_TOKENS;
  const replyTokens = tok?.judgeReplyTokens ?? judgeReplyTokens(watched);
  const meanItemChars = (key: string) => tok?.itemChars[key] ?? 0;
  const allItemChars = measurable.reduce((s, t) => s + meanItemChars(t.key), 0) / watched;
  const targetPrompt = (kind: string) => Math.ceil(((tok?.systemPromptChars[kind] ?? tok?.systemPromptChars.persona ?? 0) + allItemChars) / CHARS_PER_TOKEN) + 2 * MESSAGE_OVERHEAD;
  const judgePrompt = Math.ceil(((tok?.judgePromptChars ?? 0) + allItemChars) / CHARS_PER_TOKEN) + answerTokens + 2 * MESSAGE_OVERHEAD;
  const prices = input.prices;
  const panelPriced = (prices?.panel ?? []).length >= panel && (prices?.panel ?? []).slice(0, panel).every(Boolean);
  const priced = Boolean(prices?.target && prices.judge && (panel === 0 || panelPriced));

  const calls: number[] = [], answers: number[] = [], prompt: number[] = [], completion: number[] = [], cost: number[] = [];
  const perTrait: Record<string, number[]> = {};
  const { worlds, names } = yield* worldsFor(input, measurable, prior, simulations);
  for (const canonicalWorld of worlds) {
    const rename = (rec: Record<string, number>) => Object.fromEntries(Object.entries(rec).map(([c, n]) => [names.get(c) ?? c, n]));
    const world = { ...canonicalWorld, perTrait: rename(canonicalWorld.perTrait), targetCalls: rename(canonicalWorld.targetCalls), judgeCalls: rename(canonicalWorld.judgeCalls) };
    const free = (kind: string) => input.baselineCached && kind === "baseline";
    // Scenarios: a fixed plan, one answer per scenario per arm (the baseline's free when cached).
    const scenarioAnswers = (input.scenarios?.count ?? 0) * (input.baselineCached ? 1 : 2);
    const targetCalls = Object.entries(world.targetCalls).reduce((s, [k, n]) => s + (free(k) ? 0 : n), 0) + scenarioAnswers;
    const judgeCalls = Object.entries(world.judgeCalls).reduce((s, [k, n]) => s + (free(k) ? 0 : n), 0) + scenarioAnswers;
    const sample = reliabilitySampleSize(world.scored, { retestShare: input.retestShare, panel: Array.from({ length: panel }, () => ({ providerId: "", model: "" })) });
    const retestCalls = input.retestShare > 0 ? sample : 0;
    const panelCalls = sample * panel;
    const fx = input.fixed;
    calls.push(targetCalls + judgeCalls + retestCalls + panelCalls + (fx ? fx.target.calls + fx.judge.calls : 0));
    answers.push(sum(world.answers) + scenarioAnswers + (fx?.answers ?? 0));
    for (const t of measurable) (perTrait[t.key] ??= []).push(world.perTrait[t.key] ?? 0);
    const scenarioPrompt = Math.ceil(((tok?.systemPromptChars.persona ?? 0) + (input.scenarios?.meanChars ?? 0)) / CHARS_PER_TOKEN) + 2 * MESSAGE_OVERHEAD;
    const targetIn = Object.entries(world.targetCalls).reduce((s, [k, n]) => s + (free(k) ? 0 : n * targetPrompt(k)), 0) + scenarioAnswers * scenarioPrompt;
    const targetOut = targetCalls * answerTokens;
    const judgeIn = judgeCalls * judgePrompt, judgeOut = judgeCalls * replyTokens;
    const retestIn = retestCalls * judgePrompt, retestOut = retestCalls * replyTokens;
    prompt.push(targetIn + judgeIn + retestIn + panelCalls * judgePrompt + (fx ? fx.target.prompt + fx.judge.prompt : 0));
    completion.push(targetOut + judgeOut + retestOut + panelCalls * replyTokens + (fx ? fx.target.completion + fx.judge.completion : 0));
    if (priced) {
      const money = (p: Prices, inTok: number, outTok: number) => (inTok * p.inputPerM + outTok * p.outputPerM) / 1e6;
      let usd = money(prices!.target!, targetIn, targetOut) + money(prices!.judge!, judgeIn + retestIn, judgeOut + retestOut);
      if (fx) usd += money(prices!.target!, fx.target.prompt, fx.target.completion) + money(prices!.judge!, fx.judge.prompt, fx.judge.completion);
      for (let i = 0; i < panel; i++) usd += money(prices!.panel![i]!, sample * judgePrompt, sample * replyTokens);
      cost.push(usd);
    }
  }
  const cents = (x: number) => Math.round(x * 10_000) / 10_000;
  return {
    calls: rangeOf(calls, percentiles),
    answers: rangeOf(answers, percentiles),
    tokens: tok ? { prompt: rangeOf(prompt, percentiles), completion: rangeOf(completion, percentiles), total: rangeOf(prompt.map((p, i) => p + completion[i]), percentiles) } : null,
    costUsd: priced ? rangeOf(cost, percentiles, cents) : null,
    perTrait: measurable.map((t) => ({ key: t.key, targeted: t.targeted, answers: rangeOf(perTrait[t.key], percentiles).expected })),
    percentiles,
    simulations,
  };
}
