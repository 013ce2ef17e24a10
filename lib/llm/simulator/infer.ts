import { BUILTIN_TRAITS } from "@/lib/traits/catalog";
import { matchArchetypes } from "@/lib/llm/simulator/archetypes";
import { clauseWindow, levelForWord, WORD_PATTERNS } from "@/lib/traits/lexicon";
import { solve } from "@/lib/llm/simulator/linalg";
import { K, levelsAt, NEUTRAL_Z, projectionForLevel, TRAIT_LOADINGS } from "@/lib/llm/simulator/space";

// From a system prompt to a position in persona space. The prompt is read for
// three kinds of evidence — compiled behaviour lines, plain trait words, and
// character types — and the position is the ridge least-squares compromise:
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

const BAND_LINES = BUILTIN_TRAITS.flatMap((t) => [
  // Balanced first: it contains both poles and must not be read as two lines.
  { key: t.key, level: 50, text: `balance it: sometimes ${t.high}; at other times ${t.low}.` },
  { key: t.key, level: 95, text: `always ${t.high}.` },
  { key: t.key, level: 75, text: `usually ${t.high}.` },
  { key: t.key, level: 25, text: `usually ${t.low}.` },
  { key: t.key, level: 5, text: `always ${t.low}.` },
]).map((line) => ({ ...line, text: line.text.toLowerCase() }));

// The compiler's voice lines (lib/persona/compile.ts); a unit test compiles
// every register and length so a wording change there shows up here.
const VOICE_LINES: { re: RegExp; key: string; level: number }[] = [
  { re: /^- register: casual, like talking to a friend\.$/m, key: "formal", level: 15 },
  { re: /^- register: conversational and natural\.$/m, key: "formal", level: 30 },
  { re: /^- register: professional and clear\.$/m, key: "formal", level: 70 },
  { re: /^- register: formal and precise\.$/m, key: "formal", level: 90 },
  { re: /^- length: one or two sentences\.$/m, key: "concise", level: 90 },
  { re: /^- length: a short paragraph\.$/m, key: "concise", level: 70 },
  { re: /^- length: as long as a thorough answer needs\.$/m, key: "verbose", level: 80 },
];
const NEUTRAL_VOICE = /^- (?:register: neutral and plain|length: a few paragraphs at most)\.$/gm;

type Evidence = Map<string, number[]>;

function add(evidence: Evidence, key: string, level: number) {
  const list = evidence.get(key) ?? [];
  list.push(level);
  evidence.set(key, list);
}

function blank(text: string, start: number, length: number): string {
  return text.slice(0, start) + " ".repeat(length) + text.slice(start + length);
}

/** Reads trait requests and archetypes from a prompt (pure text analysis, no solving). */
export function readPrompt(systemPrompt: string): { requested: Record<string, number>; archetypes: ReturnType<typeof matchArchetypes> } {
  let text = systemPrompt.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
  const evidence: Evidence = new Map();

  // (a) Compiled behaviour lines, read exactly, then blanked so their wording
  // ("feelings", "firm", …) is not read a second time as plain trait words.
  for (const line of BAND_LINES) {
    for (let i = text.indexOf(line.text); i !== -1; i = text.indexOf(line.text, i + 1)) {
      add(evidence, line.key, line.level);
      text = blank(text, i, line.text.length);
    }
  }
  for (const v of VOICE_LINES) {
    const m = v.re.exec(text);
    if (m) {
      add(evidence, v.key, v.level);
      text = blank(text, m.index, m[0].length);
    }
  }
  text = text
    .replace(NEUTRAL_VOICE, " ")
    .replace(/^#+ .*$/gm, " ") // section headings ("## Boundaries") are structure, not requests
    .replace(/^- show the trait ".*$/gm, " "); // custom traits: nothing built-in to read

  // (b) Archetypes are matched before trait words so their own names count too
  // ("a kind grandparent": kind is still a request for warmth).
  const archetypes = matchArchetypes(text);

  // (c) Plain trait words with modifiers.
  for (const { key, pole, re } of WORD_PATTERNS) {
    for (const m of text.matchAll(re)) add(evidence, key, levelForWord(clauseWindow(text, m.index), pole));
  }

  const requested: Record<string, number> = {};
  for (const [key, levels] of evidence) requested[key] = levels.reduce((s, x) => s + x, 0) / levels.length;
  return { requested, archetypes };
}

/** The ridge solve above, with unit weights. */
export function solvePosition(requested: Record<string, number>, prior: readonly number[], lambda = RIDGE_LAMBDA): number[] {
  const A = Array.from({ length: K }, (_, i) => Array.from({ length: K }, (_, j) => (i === j ? lambda : 0)));
  const b = prior.map((p) => lambda * p);
  for (const [key, level] of Object.entries(requested)) {
    const L = TRAIT_LOADINGS[key];
    if (!L) continue;
    const target = projectionForLevel(level);
    for (let i = 0; i < K; i++) {
      b[i] += target * L[i];
      for (let j = 0; j < K; j++) A[i][j] += L[i] * L[j];
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
