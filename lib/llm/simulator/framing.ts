import { dot } from "@/lib/llm/simulator/linalg";
import { simulatedModel } from "@/lib/llm/simulator/models";
import { priorFor, readPrompt, RIDGE_LAMBDA, solvePosition } from "@/lib/llm/simulator/infer";
import { levelFromProjection, NEUTRAL_Z, projectionForLevel, TRAIT_KEYS, TRAIT_LOADINGS } from "@/lib/llm/simulator/space";

// Nature vs requested framing (issue 14 §4–5, the persona selection finding):
// a behaviour presented as what the character IS ("You are firm.") is read as
// evidence about the character, so the ridge solve moves the whole position and
// drags the trait's cluster along; the same behaviour REQUESTED of the role in
// context ("The company asks you to be firm; that is the job here, not who you
// are.") is a task, not a nature. Here a requested trait enters the ridge solve
// with weight ROLE_WEIGHT (a role still colours the character a little) and the
// rest of its gap is closed as a per-trait expression shift (ROLE_FILL of the
// remaining projection gap) that moves that trait alone. So the targeted trait
// lands near its request either way, and requested framing leaks less.
//
// A sentence is requested-framed when it carries one of the simulator's own role
// cues; a sentence with a disowning cue ("not who you are") also frames the
// sentence before it when it asks for nothing itself. Prompts without a cue never come here (engine unchanged).

export const ROLE_CUES: readonly string[] = [
  "asks you to", "ask you to", "asked to", "is asked of you", "requires you to", "policy requires", "the role requires",
  "required by the role", "the job here", "the job requires", "your job here is", "not who you are", "not your nature", "not your character",
];
const DISOWNING = ["not who you are", "not your nature", "not your character", "the job here"];
const ASKING = ROLE_CUES.filter((c) => !DISOWNING.includes(c));

/** Requested evidence weighs this much in the ridge solve (nature evidence: 1). */
export const ROLE_WEIGHT = 0.25;
/** Share of a requested trait's remaining gap closed as a trait-only expression shift. */
export const ROLE_FILL = 0.6;

const SENTENCE = /(?<=[.!?])\s+|\n+/;
const hasCue = (s: string, cues: readonly string[]) => {
  const t = s.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  return cues.some((c) => t.includes(c));
};

/** The prompt split into its nature sentences and its requested-framed sentences; null when nothing is requested-framed. */
export function splitFraming(systemPrompt: string): { nature: string; role: string } | null {
  const sentences = (systemPrompt ?? "").split(SENTENCE);
  const role = sentences.map((s) => hasCue(s, ROLE_CUES));
  // A sentence that only disowns ("That is the job here, not who you are.") frames the one before it.
  const onlyDisowns = (s: string) => hasCue(s, DISOWNING) && !hasCue(s, ASKING) && Object.keys(readPrompt(s).requested).length === 0;
  sentences.forEach((s, i) => { if (i > 0 && onlyDisowns(s)) role[i - 1] = true; });
  if (!role.some(Boolean)) return null;
  return {
    nature: sentences.filter((_, i) => !role[i]).join("\n"),
    role: sentences.filter((_, i) => role[i]).join("\n"),
  };
}

export type FramedPosition = {
  z: number[];
  /** Landing per built-in trait, role shifts included. */
  traits: Record<string, number>;
  requested: Record<string, number>;
  /** Traits asked for as a role requirement. */
  roleKeys: string[];
  /** Per-trait projection shift carried by the role (added to the expression like an item shift). */
  roleShift: Record<string, number>;
  archetypeMatches: string[];
};

/**
 * Where a prompt with requested-framed sentences lands on a model: character
 * types from the whole prompt, nature requests at weight 1, requested ones at
 * ROLE_WEIGHT, the model's well and pull as in models.ts (named frameworks are
 * not read here: a limit), then the role shift. Null without role cues.
 */
export function framedPosition(modelName: string, systemPrompt: string): FramedPosition | null {
  const split = splitFraming(systemPrompt);
  if (!split) return null;
  const model = simulatedModel(modelName);
  const well = model?.well ?? NEUTRAL_Z;
  const pull = model?.pull ?? 0;
  const { archetypes } = readPrompt(systemPrompt);
  const nature = readPrompt(split.nature).requested;
  const roleAsked = readPrompt(split.role).requested;
  const roleKeys = Object.keys(roleAsked).filter((k) => !(k in nature));
  const requested = { ...nature, ...Object.fromEntries(roleKeys.map((k) => [k, roleAsked[k]])) };
  const weights = Object.fromEntries(roleKeys.map((k) => [k, ROLE_WEIGHT]));
  const prior = archetypes.length ? priorFor(archetypes) : [...well];
  const read = solvePosition(requested, prior, RIDGE_LAMBDA, weights);
  const z = read.map((v, i) => well[i] + (1 - pull) * (v - well[i]));
  const roleShift: Record<string, number> = {};
  for (const k of roleKeys) {
    if (TRAIT_LOADINGS[k]) roleShift[k] = ROLE_FILL * (projectionForLevel(requested[k]) - dot(TRAIT_LOADINGS[k], z));
  }
  const traits = Object.fromEntries(TRAIT_KEYS.map((k) => [k, levelFromProjection(dot(TRAIT_LOADINGS[k], z) + (roleShift[k] ?? 0))]));
  return { z, traits, requested, roleKeys, roleShift, archetypeMatches: archetypes.map((a) => a.name) };
}
