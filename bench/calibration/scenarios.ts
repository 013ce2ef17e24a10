import { ADVERSARIAL_DEFAULTS, type AdversarialOptions } from "../../lib/llm/simulator/adversarial";
import { simulateChat, SIMULATOR_MODEL, type DomainShift } from "../../lib/llm/simulator/engine";
import type { ChatMessage } from "../../lib/llm/types";
import { compilePersona } from "../../lib/persona/compile";
import { parseJudgeOutput } from "../../lib/probing/judge";
import { judgeRequestForAnswer } from "../../lib/probing/judge/answer-order";
import { outcomeAfterJudge, outcomeBeforeJudge, type AnswerOutcome } from "../../lib/probing/outcome";
import { scenarioLandingRows, type FrozenScenario, type ScenarioAnswer, type ScenarioRow } from "../../lib/probing/scenario-landing";
import { PROBE_TRAITS, relatedTraits } from "../../lib/probing/traits";
import { emptySpec } from "../../lib/schemas/persona";
import { NEUTRAL_PROMPT, RUN_DEFAULTS, runProbe, SimWorld, type RunSettings } from "./pipeline";
import { populationTruth, truthWorld } from "./truth";

// Calibration of "Landing in the persona's domain" (lib/probing/scenario-landing.ts):
// the landing over the persona's scenarios, its shift from baseline, and
// "general vs in your scenarios", checked against the simulator's ground truth
// in its adversarial mode.
//
// THE WORLD. A scenario is a user message (some with an earlier exchange), asked
// once per arm exactly as lib/jobs/probe-worker.ts asks it (system prompt +
// context + message, seed = run seed + attempt, judged on every watched trait,
// not-scored answers asked once more). Scenario messages carry DOMAIN_MARKER; the
// simulator's domain shift (lib/llm/simulator/engine.ts DomainShift) moves each
// gapped trait's projection on them by a fixed δ_t — one more per-item shift,
// added to the item effects and persona × item interaction every message gets.
// δ_t is solved (calibrateDomain) so that the POPULATION mean judged score over
// domain messages differs from the one over library-like messages by the
// requested gap in judged points ("domain gap", 0 by default).
//
// THE ESTIMAND. The report's scenario landing estimates the mean over THESE
// scenarios: θ_t(S) = (1/|S|) Σ_{s∈S} E_sample E_judge[judged score | s], with the
// world's item effects of those very messages fixed (world seed) — computed here
// by Monte Carlo over `truthSamples` seeds per scenario in the world's truth
// variant (truth.ts truthWorld: whole answers only, memoryless judge). S is the
// scenarios the row rests on (those with a scored answer for the trait). The
// shift's truth is the same mean of persona − baseline over the scenarios both
// arms answered. "General vs scenarios" is FALSE when the domain gap is 0 (the
// scenarios are drawn from the library items' population) and TRUE when it is not.

/** In every scenario message; the simulator's domain shift applies to messages containing it. */
export const DOMAIN_MARKER = "#in-domain";

/** The persona measured: the harness's coherent persona (warm 80 + empathetic 80 + patient 80), its default watched traits. */
export const SCENARIO_TARGETS: Readonly<Record<string, number>> = { warm: 80, empathetic: 80, patient: 80 };

const LIBRARY_TEXTS = PROBE_TRAITS.flatMap((t) => t.probes.map((p) => p.text));

/** The persona's scenarios: library-like user messages from its domain; every third one after an earlier exchange. */
export function scenarioSet(count: number): FrozenScenario[] {
  return Array.from({ length: count }, (_, i) => {
    const message = `${LIBRARY_TEXTS[(37 * i + 11) % LIBRARY_TEXTS.length]} ${DOMAIN_MARKER}-${i}`;
    const context = i % 3 === 2
      ? [{ role: "user" as const, content: `${LIBRARY_TEXTS[(53 * i + 5) % LIBRARY_TEXTS.length]} ${DOMAIN_MARKER}-${i}-before` }, { role: "assistant" as const, content: "Happy to help with that. Tell me more." }]
      : undefined;
    return { id: `s${i}`, message, ...(context ? { context } : {}) };
  });
}

const judgeSchema = (keys: readonly string[]) => ({
  type: "json_schema" as const,
  name: "scenario_truth",
  schema: {
    type: "object",
    properties: { scores: { type: "object", properties: Object.fromEntries(keys.map((k) => [k, { type: ["integer", "null"] }])) }, refusal: { type: "boolean" } },
  },
});

const messagesOf = (system: string, s: FrozenScenario): ChatMessage[] => [{ role: "system", content: system }, ...(s.context ?? []), { role: "user", content: s.message }];

/** Mean judged score per key over `samples` seeds of one conversation, in a world without failed answers or judge memory. */
function expectedScores(world: Partial<AdversarialOptions>, domain: DomainShift | undefined, messages: ChatMessage[], keys: readonly string[], temperature: number, samples: number): Record<string, number> {
  const sum = Object.fromEntries(keys.map((k) => [k, { s: 0, n: 0 }]));
  const format = judgeSchema(keys);
  for (let seed = 0; seed < samples; seed++) {
    const { text } = simulateChat({ model: SIMULATOR_MODEL, temperature, seed, messages }, { adversarial: world, domain });
    const judged = simulateChat({ model: SIMULATOR_MODEL, temperature: 0, responseFormat: format, messages: [{ role: "user", content: `<answer>${text}</answer>` }] }, { adversarial: world });
    const scores = (JSON.parse(judged.text) as { scores: Record<string, number | null> }).scores;
    for (const k of keys) if (typeof scores[k] === "number") { sum[k].s += scores[k]!; sum[k].n++; }
  }
  return Object.fromEntries(keys.map((k) => [k, sum[k].n ? sum[k].s / sum[k].n : NaN]));
}

/**
 * Population mean judged score over `items` fresh domain messages × `samples` seeds, per key (common random
 * numbers: the same messages and seeds for every shift, so differences between shifts are sharp).
 */
export function domainPopulationMean(prompt: string, adversarial: Partial<AdversarialOptions>, shift: Readonly<Record<string, number>>, opts: { temperature: number; items: number; samples?: number; keys: readonly string[]; firstItem?: number }): Record<string, number> {
  const world = truthWorld(adversarial, 0x7e57);
  const domain = { marker: DOMAIN_MARKER, shift };
  const acc = Object.fromEntries(opts.keys.map((k) => [k, 0]));
  for (let i = 0; i < opts.items; i++) {
    const j = i + (opts.firstItem ?? 0);
    const message = `${LIBRARY_TEXTS[j % LIBRARY_TEXTS.length]} [population item ${j}] ${DOMAIN_MARKER}`;
    const m = expectedScores(world, domain, [{ role: "system", content: prompt }, { role: "user", content: message }], opts.keys, opts.temperature, opts.samples ?? 2);
    for (const k of opts.keys) acc[k] += m[k] / opts.items;
  }
  return acc;
}

export type DomainCalibration = {
  /** Requested gap in judged points (domain − general), per gapped trait. */
  gap: number;
  /** The latent shift δ_t (points at mid-scale) that produces it. */
  shift: Record<string, number>;
  /** The population gap it produces, judged points (domain with δ − domain without), per trait. */
  realized: Record<string, number>;
};

const baseMeans = new Map<string, Record<string, number>>();

/** Solves δ_t per trait (proportional updates, common random numbers) so the population judged gap is `gap` points. */
export function calibrateDomain(prompt: string, adversarial: Partial<AdversarialOptions>, gap: number, opts: { temperature: number; items: number; keys: readonly string[]; iterations?: number }): DomainCalibration {
  const zero = Object.fromEntries(opts.keys.map((k) => [k, 0]));
  if (gap === 0) return { gap, shift: zero, realized: { ...zero } };
  const baseKey = JSON.stringify([prompt, adversarial, opts.temperature, opts.items, opts.keys]);
  const base = baseMeans.get(baseKey) ?? domainPopulationMean(prompt, adversarial, zero, opts);
  baseMeans.set(baseKey, base);
  const shift = Object.fromEntries(opts.keys.map((k) => [k, gap * 1.6]));
  let realized = { ...zero };
  for (let it = 0; it < (opts.iterations ?? 4); it++) {
    const m = domainPopulationMean(prompt, adversarial, shift, opts);
    realized = Object.fromEntries(opts.keys.map((k) => [k, m[k] - base[k]]));
    if (it === (opts.iterations ?? 4) - 1) break;
    for (const k of opts.keys) if (Math.abs(realized[k]) > 0.5) shift[k] *= gap / realized[k];
  }
  return { gap, shift, realized };
}

/** lib/jobs/probe-worker.ts's scenario plan for one arm: each scenario once, once more if not scored (seed = run seed + attempt). */
export function askScenarios(world: SimWorld, system: string, scenarios: readonly FrozenScenario[], watched: readonly string[], settings: RunSettings): { answers: ScenarioAnswer[]; outcomes: AnswerOutcome[] } {
  const answers: ScenarioAnswer[] = [];
  const outcomes: AnswerOutcome[] = [];
  scenarios.forEach((s, itemIndex) => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const gen = world.chat({ model: SIMULATOR_MODEL, messages: messagesOf(system, s), temperature: settings.temperature, seed: settings.seed + attempt });
      let outcome: AnswerOutcome | null = outcomeBeforeJudge({ text: gen.text, finishReason: gen.finishReason, refusal: null });
      if (outcome === null) {
        const { request } = judgeRequestForAnswer({ answer: gen.text, question: s.message, traitKeys: watched, model: SIMULATOR_MODEL });
        const ok = parseJudgeOutput(world.chat(request).text, watched);
        if (!ok.ok) throw new Error(`simulator judge output rejected: ${ok.reason}`);
        outcome = outcomeAfterJudge(ok);
        if (outcome === "scored") answers.push({ itemIndex, scores: ok.scores });
      }
      outcomes.push(outcome);
      if (outcome === "scored") break;
    }
  });
  return { answers, outcomes };
}

export type ScenarioBenchOptions = {
  worlds: number;
  seed: number;
  /** Scenario counts measured; each world asks max(counts) scenarios and the smaller sets are their first ones. */
  counts: readonly number[];
  /** Domain gaps measured (judged points, scenarios − general, on every targeted trait). */
  gaps: readonly number[];
  /** Seeds per scenario for the fixed-set truth. */
  truthSamples: number;
  /** Fresh items for the domain calibration and the general truth. */
  truthItems: number;
  adversarial?: Partial<AdversarialOptions>;
  settings?: RunSettings;
};

export type ScenarioPrepared = {
  options: Required<Omit<ScenarioBenchOptions, "adversarial">> & { adversarial: Partial<AdversarialOptions> };
  prompt: string;
  watched: string[];
  keys: string[];
  domains: DomainCalibration[];
  /** Population truth of the general landing (library-like items), per targeted trait. */
  general: Record<string, number>;
};

export function prepareScenarios(options: ScenarioBenchOptions): ScenarioPrepared {
  const adversarial = options.adversarial ?? ADVERSARIAL_DEFAULTS;
  const settings = options.settings ?? RUN_DEFAULTS;
  const prompt = compilePersona({ ...emptySpec("Alex"), characterName: "Alex", traitTargets: { ...SCENARIO_TARGETS } }).prompt;
  const keys = Object.keys(SCENARIO_TARGETS);
  const domains = options.gaps.map((g) => calibrateDomain(prompt, adversarial, g, { temperature: settings.temperature, items: options.truthItems, keys }));
  const truth = populationTruth(prompt, adversarial, { temperature: settings.temperature, items: options.truthItems });
  return {
    options: { ...options, adversarial, settings },
    prompt, watched: relatedTraits(keys), keys, domains,
    general: Object.fromEntries(keys.map((k) => [k, truth.mean[k]])),
  };
}

/** One targeted trait's scenario row in one world, scenario count and gap, with its truth. */
export type ScenarioRecord = {
  world: number; count: number; gap: number; key: string;
  n: number; covered: boolean | null; shiftCovered: boolean | null; halfWidth: number | null;
  /** The row's landing and its fixed-set truth (judged points). */
  estimate: number | null; truth: number;
  clear: boolean; difference: number | null;
  /** Fixed-set truth − general population truth (judged points). */
  trueGap: number;
};

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** The fixed-set truth per scenario (index) and key, for one prompt in one world under one domain. */
export function fixedSetTruth(adversarial: Partial<AdversarialOptions>, worldSeed: number, domain: DomainShift, system: string, scenarios: readonly FrozenScenario[], keys: readonly string[], temperature: number, samples: number): Record<string, number>[] {
  const world = truthWorld(adversarial, worldSeed);
  return scenarios.map((s) => expectedScores(world, domain, messagesOf(system, s), keys, temperature, samples));
}

export function runScenarioWorld(prep: ScenarioPrepared, world: number): ScenarioRecord[] {
  const { seed, adversarial, settings, counts, truthSamples } = prep.options;
  const worldSeed = seed * 100_003 + world;
  const runSettings = { ...settings, seed: (seed * 7919 + world * 104_729) % 1_000_000 };
  // The library part of the run (no domain messages in it): the general landing's evidence.
  const lib = runProbe(new SimWorld({ ...adversarial, worldSeed }), {
    runId: `scn-${seed}-${world}`, systemPrompt: prep.prompt, targets: SCENARIO_TARGETS, watched: prep.watched, settings: runSettings,
  });
  const general: Record<string, Record<string, (number | null)[]>> = {};
  for (const a of lib.personaAnswers) (general[a.traitKey] ??= {}, (general[a.traitKey][String(a.itemIndex)] ??= []).push(a.scores[a.traitKey] ?? null));
  const scenarios = scenarioSet(Math.max(...counts));
  const out: ScenarioRecord[] = [];
  for (const d of prep.domains) {
    const domain = { marker: DOMAIN_MARKER, shift: d.shift };
    const sim = new SimWorld({ ...adversarial, worldSeed }, domain);
    const persona = askScenarios(sim, prep.prompt, scenarios, prep.watched, runSettings).answers;
    const baseline = askScenarios(sim, NEUTRAL_PROMPT, scenarios, prep.watched, runSettings).answers;
    const truthP = fixedSetTruth(adversarial, worldSeed, domain, prep.prompt, scenarios, prep.keys, settings.temperature, truthSamples);
    const truthB = fixedSetTruth(adversarial, worldSeed, domain, NEUTRAL_PROMPT, scenarios, prep.keys, settings.temperature, truthSamples);
    for (const count of counts) {
      const p = persona.filter((a) => a.itemIndex < count), b = baseline.filter((a) => a.itemIndex < count);
      const rows: ScenarioRow[] = scenarioLandingRows({ keys: prep.keys, persona: p, baseline: b, general });
      for (const row of rows) out.push(recordRow(prep, world, count, d.gap, row, p, b, truthP, truthB));
    }
  }
  return out;
}

const scoredOn = (answers: readonly ScenarioAnswer[], key: string) => new Set(answers.filter((a) => typeof a.scores[key] === "number").map((a) => a.itemIndex));

function recordRow(prep: ScenarioPrepared, world: number, count: number, gap: number, row: ScenarioRow, persona: readonly ScenarioAnswer[], baseline: readonly ScenarioAnswer[], truthP: Record<string, number>[], truthB: Record<string, number>[]): ScenarioRecord {
  const k = row.key;
  const answered = [...scoredOn(persona, k)];
  const both = answered.filter((i) => scoredOn(baseline, k).has(i));
  const truth = answered.length ? mean(answered.map((i) => truthP[i][k])) : NaN;
  const shiftTruth = both.length ? mean(both.map((i) => truthP[i][k] - truthB[i][k])) : NaN;
  const { lo, hi } = row.landing;
  return {
    world, count, gap, key: k, n: row.n,
    covered: lo !== null && hi !== null ? lo <= truth && truth <= hi : null,
    shiftCovered: row.shift.lo !== null && row.shift.hi !== null ? row.shift.lo <= shiftTruth && shiftTruth <= row.shift.hi : null,
    halfWidth: lo !== null && hi !== null ? (hi - lo) / 2 : null,
    estimate: row.landing.mean, truth,
    clear: row.vsGeneral.clear, difference: row.vsGeneral.difference,
    trueGap: truth - prep.general[k],
  };
}

export type ScenarioFigureRow = {
  count: number; gap: number;
  coverage: { value: number; se: number; n: number };
  shiftCoverage: { value: number; se: number; n: number };
  /** gap 0: share called clearly different (false); gap ≠ 0: share called clearly different in the gap's direction (power). */
  clear: { value: number; se: number; n: number };
  medianHalfWidth: number;
  meanTrueGap: number;
  sdTrueGap: number;
};

/** Σ hits / Σ totals over worlds, with the ratio estimator's standard error (worlds are the independent units). */
function pooled(parts: readonly { hit: number; total: number }[]) {
  const H = parts.reduce((s, p) => s + p.hit, 0), T = parts.reduce((s, p) => s + p.total, 0);
  const p = T ? H / T : NaN, k = parts.length, tBar = T / k;
  const v = k > 1 && tBar > 0 ? parts.reduce((s, x) => s + (x.hit - p * x.total) ** 2, 0) / (k - 1) / (k * tBar * tBar) : 0;
  return { value: p, se: Math.sqrt(v), n: T };
}

/** Landing coverage for one scenario count pooled over every gap (the interval should cover at any gap). */
export function pooledCoverage(records: readonly ScenarioRecord[], count: number): { value: number; se: number; n: number } {
  const worlds = [...new Set(records.map((r) => r.world))];
  return pooled(worlds.map((w) => {
    const xs = records.filter((r) => r.world === w && r.count === count && r.covered !== null);
    return { hit: xs.filter((r) => r.covered).length, total: xs.length };
  }));
}

export function summarizeScenarios(prep: ScenarioPrepared, records: readonly ScenarioRecord[]): ScenarioFigureRow[] {
  const out: ScenarioFigureRow[] = [];
  const worlds = [...new Set(records.map((r) => r.world))];
  for (const gap of prep.options.gaps) for (const count of prep.options.counts) {
    const rs = records.filter((r) => r.gap === gap && r.count === count);
    const per = (pick: (r: ScenarioRecord) => boolean | null) => worlds.map((w) => {
      const xs = rs.filter((r) => r.world === w).map(pick).filter((x): x is boolean => x !== null);
      return { hit: xs.filter(Boolean).length, total: xs.length };
    });
    const widths = rs.map((r) => r.halfWidth).filter((x): x is number => x !== null).sort((a, b) => a - b);
    const gaps = rs.map((r) => r.trueGap).filter(Number.isFinite);
    const m = mean(gaps);
    out.push({
      count, gap,
      coverage: pooled(per((r) => r.covered)),
      shiftCoverage: pooled(per((r) => r.shiftCovered)),
      clear: pooled(per((r) => (r.difference === null ? null : r.clear && (gap === 0 || Math.sign(r.difference) === Math.sign(gap))))),
      medianHalfWidth: widths[Math.floor(widths.length / 2)] ?? NaN,
      meanTrueGap: m,
      sdTrueGap: Math.sqrt(gaps.reduce((s, x) => s + (x - m) ** 2, 0) / Math.max(1, gaps.length - 1)),
    });
  }
  return out;
}
