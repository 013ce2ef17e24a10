import { matchArchetypes } from "@/lib/llm/simulator/archetypes";
import { cueLevel, cueOfMatch, CUE_PATTERN, wordsBefore } from "@/lib/llm/simulator/vocabulary";
import { solve } from "@/lib/llm/simulator/linalg";
import { K, levelsAt, NEUTRAL_Z, projectionForLevel, TRAIT_LOADINGS } from "@/lib/llm/simulator/space";

// From a system prompt to a position in persona space. The prompt is read for
// two kinds of evidence — words and phrases of the simulator's own vocabulary
// (with their modifiers) and character types — and the position is the ridge least-squares compromise:
//
//   z* = argmin_z  Σ_t w_t (L_t·z − atanh((y_t − 50)/45))²  +  λ‖z − z_prior‖²
//      = (Σ w_t L_t L_tᵀ + λI)⁻¹ (Σ w_t a_t L_t + λ z_prior)
//
// y_t is the requested level, z_prior the matched archetype (or the neutral
// assistant). Because every L_t spans several factors, satisfying one request
// moves unrequested traits (cross-trait pull); requests whose directions
// disagree cannot all be met at a finite cost, so they settle in between
// (compromise). λ trades request fidelity against staying a plausible character.

export type Position = {
  z: number[];
  /** Expected (median) landing 0–100 for every built-in trait. */
  traits: Record<string, number>;
  /** What the prompt asked for, per built-in trait (only traits it mentions). */
  requested: Record<string, number>;
  /** Names of the character types recognised in the prompt. */
  archetypeMatches: string[];
};

/** Ridge strength relative to one request of weight 1 (see docs/simulator.md). */
export const RIDGE_LAMBDA = 0.6;

type Evidence = Map<string, number[]>;

function add(evidence: Evidence, key: string, level: number) {
  const list = evidence.get(key) ?? [];
  list.push(level);
  evidence.set(key, list);
}

/**
 * Reads trait requests and archetypes from a prompt with the simulator's own
 * vocabulary (vocabulary.ts): every recognised word or phrase asks for a level
 * of one dimension, set by the frequency and modifier words around it; several
 * asks for one dimension average. Pure text analysis, no solving.
 */
export function readPrompt(systemPrompt: string): { requested: Record<string, number>; archetypes: ReturnType<typeof matchArchetypes> } {
  const text = systemPrompt
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/^#+ .*$/gm, " "); // section headings ("## Boundaries") are structure, not requests
  const evidence: Evidence = new Map();
  // Archetypes are matched on the whole text, and their names still count as words ("a kind grandparent").
  const archetypes = matchArchetypes(text);
  for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
    for (const m of sentence.matchAll(CUE_PATTERN)) {
      const cue = cueOfMatch(m);
      if (cue) add(evidence, cue.dim, cueLevel(cue, sentence, wordsBefore(sentence, m.index)));
    }
  }
  const requested: Record<string, number> = {};
  for (const [key, levels] of evidence) requested[key] = levels.reduce((s, x) => s + x, 0) / levels.length;
  return { requested, archetypes };
}

/** The ridge solve above, with unit weights unless `weights` gives a key its own (framing.ts: requested behaviour weighs less). */
export function solvePosition(requested: Record<string, number>, prior: readonly number[], lambda = RIDGE_LAMBDA, weights?: Readonly<Record<string, number>>): number[] {
  const A = Array.from({ length: K }, (_, i) => Array.from({ length: K }, (_, j) => (i === j ? lambda : 0)));
  const b = prior.map((p) => lambda * p);
  for (const [key, level] of Object.entries(requested)) {
    const L = TRAIT_LOADINGS[key];
    if (!L) continue;
    const w = weights?.[key] ?? 1;
    const target = projectionForLevel(level);
    for (let i = 0; i < K; i++) {
      b[i] += w * target * L[i];
      for (let j = 0; j < K; j++) A[i][j] += w * L[i] * L[j];
    }
  }
  return solve(A, b);
}

export function priorFor(archetypes: readonly { z: readonly number[] }[]): number[] {
  if (archetypes.length === 0) return [...NEUTRAL_Z];
  return Array.from({ length: K }, (_, i) => archetypes.reduce((s, arch) => s + arch.z[i], 0) / archetypes.length);
}

export function inferPosition(systemPrompt: string): Position {
  const { requested, archetypes } = readPrompt(systemPrompt ?? "");
  const z = solvePosition(requested, priorFor(archetypes));
  return { z, traits: levelsAt(z), requested, archetypeMatches: archetypes.map((x) => x.name) };
}
