import { hashString, normalQuantile } from "@/lib/llm/simulator/random";
import { LEVEL_SPAN } from "@/lib/llm/simulator/space";

// Adversarial mode: the distortions real prompts, models and judges have, so
// the probe statistics can be checked against something that is not a mirror
// of themselves (DESIGN.md §5, bench/calibration.ts). Every knob is OFF by
// default; with the defaults the simulator's output is byte-for-byte what it
// was without this file. All draws are deterministic hashes of the world seed
// and the request, so the same request in the same world gives the same text.

export type AdversarialOptions = {
  /** Salts every draw below: a different world seed is a different "model" with new item effects. */
  worldSeed: number;
  /** σ (points at mid-scale) of each item's fixed shift of each trait's expression, drawn from the item's hash. */
  itemEffectSd: number;
  /** σ (points at mid-scale) of a persona × item × trait shift (the system prompt text is the persona). */
  interactionSd: number;
  /**
   * 1 = sampling noise drawn independently per system prompt, item and seed, like a real model;
   * 0 = the simulator's quasi-random antithetic draws, shared by every system prompt (persona and
   * baseline answers to one item then move together, which flatters unpaired statistics).
   */
  independentSampling: number;
  /** σ (points) of Gaussian judge noise per score. */
  judgeNoiseSd: number;
  /** Judge rounds every score to a multiple of this (0 or 1 = integers, as before). */
  judgeRounding: number;
  /** Probability that the judge repeats the score it gave this trait last time (stateful; needs `memory`). */
  judgeStickiness: number;
  /** 0…1: each score is pulled this far toward the answer's positivity (mean of warm, empathetic, optimistic). */
  halo: number;
  /** Points added per 100 words above `verbosityReferenceWords` (and taken below it). */
  verbosityBias: number;
  verbosityReferenceWords: number;
  /** 0…1: the judge pulls every score toward 50 by this factor (50 + (s − 50)·(1 − c)). */
  scaleCompression: number;
  /** What the judge gives a built-in trait the answer does not express (empty, refused, cut short); null = not applicable. */
  judgeBlankScore: number | null;
  /** Share of persona/baseline answers that come back empty (""). */
  emptyRate: number;
  /** Share that come back as a refusal with nothing else. */
  refusalRate: number;
  /** Share that are cut short mid-answer (finish reason "length"). */
  truncationRate: number;
};

/** Everything off: the simulator as it always was. */
export const NO_DISTORTION: AdversarialOptions = {
  worldSeed: 0,
  itemEffectSd: 0,
  interactionSd: 0,
  independentSampling: 0,
  judgeNoiseSd: 0,
  judgeRounding: 0,
  judgeStickiness: 0,
  halo: 0,
  verbosityBias: 0,
  verbosityReferenceWords: 250,
  scaleCompression: 0,
  judgeBlankScore: null,
  emptyRate: 0,
  refusalRate: 0,
  truncationRate: 0,
};

/**
 * `--adversarial`: what a real model and an LLM judge plausibly do, sized like
 * the independent test world issue 11 was checked on (judge σ 5, rounds to 10,
 * slight halo, item effects) plus the rest at moderate strength.
 */
export const ADVERSARIAL_DEFAULTS: AdversarialOptions = {
  worldSeed: 1,
  itemEffectSd: 6,
  interactionSd: 3,
  independentSampling: 1,
  judgeNoiseSd: 5,
  judgeRounding: 10,
  // Off by default: a judge reached over a stateless API has no memory of its previous call. The
  // calibration bench reports a "sticky judge" world of its own (--world judgeStickiness=0.1).
  judgeStickiness: 0,
  halo: 0.1,
  verbosityBias: 2,
  verbosityReferenceWords: 250,
  scaleCompression: 0.15,
  judgeBlankScore: 20,
  emptyRate: 0.03,
  refusalRate: 0.02,
  truncationRate: 0.05,
};

export const ADVERSARIAL_KNOBS = Object.keys(NO_DISTORTION) as (keyof AdversarialOptions)[];

export function adversarialOptions(partial: Partial<AdversarialOptions> | undefined): AdversarialOptions {
  return { ...NO_DISTORTION, ...partial };
}

/** True when any knob changes what the simulator says (the world seed alone changes nothing). */
export function isDistorting(o: AdversarialOptions): boolean {
  return ADVERSARIAL_KNOBS.some((k) => k !== "worldSeed" && k !== "verbosityReferenceWords" && o[k] !== NO_DISTORTION[k]);
}

/** A standard normal draw that is a pure function of its parts. */
export function hashedNormal(...parts: (string | number)[]): number {
  return normalQuantile((hashString(...parts) + 0.5) / 2 ** 32);
}

/** A uniform [0, 1) draw that is a pure function of its parts. */
export function hashedUniform(...parts: (string | number)[]): number {
  return hashString(...parts) / 2 ** 32;
}

/**
 * Shift of each trait's projection for one answer to `item` under `persona`:
 * item effect + persona × item interaction, in points at mid-scale (divided by
 * the level span, so near 50 a shift of d is d points and the extremes stay
 * bounded). Empty when both σ are 0.
 */
export function itemShift(o: AdversarialOptions, persona: string, item: string, traitKeys: readonly string[]): Record<string, number> | undefined {
  if (o.itemEffectSd === 0 && o.interactionSd === 0) return undefined;
  return Object.fromEntries(traitKeys.map((k) => {
    const points = o.itemEffectSd * hashedNormal(o.worldSeed, "item", item, k)
      + o.interactionSd * hashedNormal(o.worldSeed, "persona×item", persona, item, k);
    return [k, points / LEVEL_SPAN];
  }));
}

/** The salt for independent sampling noise, or undefined for the shared quasi-random draws. */
export function noiseSalt(o: AdversarialOptions, persona: string): string | undefined {
  return o.independentSampling ? `${o.worldSeed}\u241f${persona}` : undefined;
}

export type AnswerOutcome = "answer" | "empty" | "refusal" | "truncated";

/** Whether this answer comes back whole, empty, refused or cut short. */
export function answerOutcome(o: AdversarialOptions, persona: string, item: string, seed: number, turn: number): AnswerOutcome {
  if (o.emptyRate + o.refusalRate + o.truncationRate === 0) return "answer";
  const u = hashedUniform(o.worldSeed, "outcome", persona, item, seed, turn);
  if (u < o.emptyRate) return "empty";
  if (u < o.emptyRate + o.refusalRate) return "refusal";
  if (u < o.emptyRate + o.refusalRate + o.truncationRate) return "truncated";
  return "answer";
}

export const BARE_REFUSAL = "I'm sorry, but I can't help with that.";

/** Cuts an answer at 25–75% of its length, at a word boundary. */
export function truncateAnswer(o: AdversarialOptions, text: string, seed: number): string {
  const at = Math.floor(text.length * (0.25 + 0.5 * hashedUniform(o.worldSeed, "cut", text, seed)));
  const cut = text.slice(0, at);
  return cut.includes(" ") ? cut.slice(0, cut.lastIndexOf(" ")) : cut;
}

/** Last score per trait, for the sticky judge. One per simulator instance (provider, server, harness run). */
export type JudgeMemory = Map<string, number>;

export const POSITIVITY_TRAITS = ["warm", "empathetic", "optimistic"] as const;

export type DistortInput = {
  /** What the honest judge read from the answer, per requested key (null = not expressed). */
  raw: Readonly<Record<string, number | null>>;
  /** The honest judge's reading of the positivity traits (for the halo). */
  positivity: readonly (number | null)[];
  answer: string;
  /** Keys that are built-in traits (only they get a blank score). */
  builtIn: (key: string) => boolean;
  /** Distinguishes repeated judge calls on the same answer (request seed). */
  salt: number;
  memory?: JudgeMemory;
};

const wordCount = (text: string) => (text.match(/\S+/g) ?? []).length;

/** The distorted judge: honest reading → blank → halo → verbosity → compression → noise → clamp/round → stickiness. */
export function distortScores(o: AdversarialOptions, input: DistortInput): Record<string, number | null> {
  const known = input.positivity.filter((v): v is number => v !== null);
  const positivity = known.length ? known.reduce((s, v) => s + v, 0) / known.length : null;
  const words = wordCount(input.answer);
  const out: Record<string, number | null> = {};
  for (const [key, value] of Object.entries(input.raw)) {
    let s = value ?? (o.judgeBlankScore !== null && input.builtIn(key) ? o.judgeBlankScore : null);
    if (s === null) {
      out[key] = null;
      continue;
    }
    if (positivity !== null) s = (1 - o.halo) * s + o.halo * positivity;
    s += (o.verbosityBias * (words - o.verbosityReferenceWords)) / 100;
    s = 50 + (s - 50) * (1 - o.scaleCompression);
    if (o.judgeNoiseSd > 0) s += o.judgeNoiseSd * hashedNormal(o.worldSeed, "judge", input.answer, key, input.salt);
    s = Math.min(100, Math.max(0, s));
    s = o.judgeRounding > 1 ? Math.min(100, Math.round(s / o.judgeRounding) * o.judgeRounding) : Math.round(s);
    const previous = input.memory?.get(key);
    if (previous !== undefined && o.judgeStickiness > 0 && hashedUniform(o.worldSeed, "sticky", input.answer, key, input.salt) < o.judgeStickiness) {
      s = previous;
    }
    input.memory?.set(key, s);
    out[key] = s;
  }
  return out;
}

