import { readFramings, TOPIC_NUDGE, type Framework, type Topic } from "@/lib/llm/simulator/frameworks";
import { inferPosition, priorFor, readPrompt, solvePosition, type Position } from "@/lib/llm/simulator/infer";
import { expectedLanding, K, levelsAt, NEUTRAL_Z, TRAIT_KEYS } from "@/lib/llm/simulator/space";

// Several simulated models, each with its own WELL (issue 13 §8, DESIGN.md §5).
// The persona selection idea: every persona prompted from one model is a
// selection from the same well — the assistant that model was trained into.
// A model here is
//   • a well w: the position its unmarked assistant sits at (its defaults);
//   • a pull p: every persona's position is shrunk toward w by p,
//         z_model = w + (1 − p_eff)·(z_read − w),
//     so personas on one model share its leanings and sit closer together
//     (their spread in factor space is (1 − p) of what they asked for);
//   • whether it reads topic labels and named frameworks (frameworks.ts): a
//     framework adds its stance to the prior and halves the pull
//     (p_eff = p·(1 − FRAMEWORK_RELEASE)); a topic label nudges one factor.
// z_read is the ordinary reading (infer.ts) with the model's well — not the
// neutral assistant — as the prior when the prompt names no character type.
//
// persona-sim-1 is the original simulator: well = the neutral assistant, no
// pull, no framings — positionOn returns exactly inferPosition(prompt), so its
// answers are byte-for-byte what they were (tests/unit/simulator/sim1-pin.test.ts).
// Any model name the engine does not know answers as persona-sim-1, as before.
// Judge requests read the same on every model: the well shapes personas only.

export type SimulatedModel = {
  name: string;
  /** One line: what this model's own assistant is like. */
  description: string;
  /** Where its unmarked assistant sits in factor space (warmth, dominance, skepticism, formality, verbosity, openness, caution). */
  well: readonly number[];
  /** Share of each persona's distance from the well taken back (0 = none). */
  pull: number;
  /** Reads topic labels and named frameworks (frameworks.ts). */
  readsFrameworks: boolean;
};

/** A named framework halves the well's pull: reasoning stances are what carries a persona out of the well. */
export const FRAMEWORK_RELEASE = 0.5;

export const SIMULATED_MODELS: readonly SimulatedModel[] = [
  {
    name: "persona-sim-1",
    description: "The original simulator: the neutral assistant, no pull toward it.",
    well: NEUTRAL_Z, pull: 0, readsFrameworks: false,
  },
  {
    name: "persona-sim-2",
    description: "An agreeable explainer: warm, yielding, credulous and wordy by default; pulls personas 40% of the way back.",
    //      warm   dom   skep  form  verb  open  caut
    well: [0.55, -0.45, -0.4, 0.25, 0.45, 0.05, 0.3], pull: 0.4, readsFrameworks: true,
  },
  {
    name: "persona-sim-3",
    description: "A terse sceptic: cool, assertive, questioning and brief by default; pulls personas 30% of the way back.",
    well: [-0.35, 0.45, 0.5, 0.2, -0.55, -0.15, 0.1], pull: 0.3, readsFrameworks: true,
  },
];

export const SIMULATED_MODEL_NAMES: readonly string[] = SIMULATED_MODELS.map((m) => m.name);

/** The model by name; undefined for names the simulator does not list (the engine answers them as persona-sim-1). */
export function simulatedModel(name: string): SimulatedModel | undefined {
  return SIMULATED_MODELS.find((m) => m.name === name);
}

export type ModelPosition = Position & {
  model: string;
  /** Names of the frameworks read (empty on persona-sim-1). */
  frameworks: string[];
  /** Ids of the topic labels read (empty on persona-sim-1). */
  topics: string[];
  /** The pull applied to this persona. */
  pull: number;
};

const frameworkPrior = (base: readonly number[], frameworks: readonly Framework[], topics: readonly Topic[]): number[] => {
  const prior = [...base];
  for (const t of topics) prior[t.factor] += t.sign * TOPIC_NUDGE;
  if (frameworks.length) for (let i = 0; i < K; i++) prior[i] += frameworks.reduce((s, f) => s + f.stance[i], 0) / frameworks.length;
  return prior;
};

/** Where a system prompt lands on a simulated model (see the header). persona-sim-1 and unknown names: inferPosition. */
export function positionOn(modelName: string, systemPrompt: string): ModelPosition {
  const model = simulatedModel(modelName);
  if (!model || (model.pull === 0 && !model.readsFrameworks && model.well === NEUTRAL_Z)) {
    return { ...inferPosition(systemPrompt), model: model?.name ?? modelName, frameworks: [], topics: [], pull: 0 };
  }
  const { requested, archetypes } = readPrompt(systemPrompt ?? "");
  const { frameworks, topics } = model.readsFrameworks ? readFramings(systemPrompt ?? "") : { frameworks: [], topics: [] };
  const base = archetypes.length ? priorFor(archetypes) : [...model.well];
  const read = solvePosition(requested, frameworkPrior(base, frameworks, topics));
  const pull = model.pull * (frameworks.length ? 1 - FRAMEWORK_RELEASE : 1);
  const z = read.map((v, i) => model.well[i] + (1 - pull) * (v - model.well[i]));
  return {
    z, traits: levelsAt(z), requested, archetypeMatches: archetypes.map((a) => a.name),
    model: model.name, frameworks: frameworks.map((f) => f.name), topics: topics.map((t) => t.id), pull,
  };
}

/** What an unmarked prompt lands on this model ("You are a helpful assistant."): its well's levels. */
export function modelBaseline(modelName: string): Record<string, number> {
  return positionOn(modelName, "").traits;
}

/**
 * GROUND TRUTH (kind mode): a persona's true expected level per trait on a
 * simulated model. Without a temperature, the noise-free (median) landing;
 * with one, the exact mean over samples at that temperature (expectedLanding).
 * In adversarial mode the judged mean differs (item effects, judge
 * distortions): bench/calibration/truth.ts populationTruth takes a model too.
 */
export function trueLevels(systemPrompt: string, modelName: string, opts: { temperature?: number } = {}): Record<string, number> {
  const { z } = positionOn(modelName, systemPrompt);
  return opts.temperature === undefined ? levelsAt(z) : expectedLanding(z, opts.temperature);
}

export type Seat = { systemPrompt: string; model: string };

/** Root-mean-square difference over the 24 dimensions, in points. */
export function levelDistance(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): number {
  return Math.sqrt(TRAIT_KEYS.reduce((s, k) => s + (a[k] - b[k]) ** 2, 0) / TRAIT_KEYS.length);
}

/** Mean pairwise distance (levelDistance) of a set of landings: how far apart a panel's members sit. 0 for fewer than two. */
export function panelSpread(levels: readonly Readonly<Record<string, number>>[]): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < levels.length; i++) for (let j = i + 1; j < levels.length; j++) { sum += levelDistance(levels[i], levels[j]); n++; }
  return n ? sum / n : 0;
}

/** A seated panel's true landings and spread. */
export function panelTruth(seats: readonly Seat[], opts: { temperature?: number } = {}): { levels: Record<string, number>[]; spread: number } {
  const levels = seats.map((s) => trueLevels(s.systemPrompt, s.model, opts));
  return { levels, spread: panelSpread(levels) };
}

/**
 * The known diversity gain of routing: the same prompts seated on one model vs
 * on `routed` (member i on routed[i % routed.length]); gain = routed − single
 * spread, in points. What a panel bench's measured gain should estimate.
 */
export function routingGain(prompts: readonly string[], single: string, routed: readonly string[], opts: { temperature?: number } = {}) {
  const one = panelTruth(prompts.map((systemPrompt) => ({ systemPrompt, model: single })), opts);
  const spread = panelTruth(prompts.map((systemPrompt, i) => ({ systemPrompt, model: routed[i % routed.length] })), opts);
  return { single: one.spread, routed: spread.spread, gain: spread.spread - one.spread };
}
