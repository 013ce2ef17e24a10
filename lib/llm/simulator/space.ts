import { dot, norm } from "@/lib/llm/simulator/linalg";

// The simulator's persona space: a position z ∈ R^K over K latent factors, and
// a loading direction L_t per built-in trait. A trait's expressed level is a
// squashed projection of the position onto its direction, so every trait moves
// whenever the position moves: that is cross-trait inference. Two traits are
// correlated exactly as much as their directions are aligned (the cosine), both
// in what a prompt pulls along and in how sampled answers co-vary.
// See docs/simulator.md for the full model.

export type Factor = { key: string; name: string; description: string };

export const FACTORS: readonly Factor[] = [
  { key: "warmth", name: "Warmth", description: "Attends to the person and their feelings; friendly, gentle." },
  { key: "dominance", name: "Dominance", description: "Takes charge: states positions, holds them, does not yield." },
  { key: "skepticism", name: "Skepticism / independence", description: "Questions claims, consensus and authority." },
  { key: "formality", name: "Formality", description: "Professional register, structure, decorum." },
  { key: "verbosity", name: "Verbosity", description: "Length and elaboration of answers." },
  { key: "openness", name: "Openness / playfulness", description: "Humour, imagination, exploration." },
  { key: "caution", name: "Caution", description: "Attention to risk, hedging, the safe option." },
];

export const K = FACTORS.length;

// The behaviours the simulator can express, each a loading direction over the
// factors. They are the simulator's own list (it imports nothing from the
// product's catalog): plain English names, which happen to match the library's
// 24 built-in traits so a probe's landing can be compared with the latent truth
// — but prompts reach them only through the simulator's own vocabulary
// (vocabulary.ts) and judges only through its own reading of trait names
// (judge-reading.ts). Authored loadings (columns in FACTORS order), then fitted
// once so that the cosines hit the science the studio measures: empathetic≈warm≈patient; firm and blunt
// sit on dominance with negative warmth (empathetic–firm ≈ −0.44, a tension);
// skeptical→contrarian→authority_resistant (+0.60, +0.70); sycophantic and
// deferential oppose skeptical and assertive; concise–verbose −0.90;
// formal–playful −0.50; creative≈playful≈curious. Rows are normalised below,
// so only directions matter; the printed table in docs/simulator.md is checked
// against this by a unit test.
const RAW_LOADINGS: Record<string, readonly number[]> = {
  //                     warm   dom   skep  form  verb  open  caut
  empathetic:          [ 0.97,-0.02,-0.08,-0.13, 0.14,-0.09, 0.08],
  warm:                [ 0.88, 0.14,-0.11,-0.16,-0.11, 0.37, 0.15],
  patient:             [ 0.72,-0.21, 0.08, 0.07, 0.25,-0.05, 0.60],
  firm:                [-0.47, 0.82,-0.02, 0.12, 0.16,-0.03, 0.25],
  blunt:               [-0.56, 0.45, 0.19,-0.48,-0.31, 0.28, 0.19],
  skeptical:           [-0.03, 0.07, 0.96, 0.04, 0.06,-0.12, 0.23],
  contrarian:          [-0.07, 0.26, 0.75,-0.11, 0.03, 0.49,-0.32],
  authority_resistant: [ 0.11, 0.10, 0.67,-0.60, 0.06, 0.00,-0.40],
  deferential:         [ 0.07,-0.72,-0.47, 0.37,-0.14, 0.20, 0.24],
  sycophantic:         [ 0.46,-0.42,-0.65,-0.08, 0.37, 0.12,-0.17],
  assertive:           [ 0.07, 0.97, 0.17, 0.10,-0.03, 0.05,-0.10],
  formal:              [-0.11, 0.15,-0.06, 0.95,-0.13,-0.15, 0.14],
  playful:             [ 0.31,-0.03,-0.11,-0.37,-0.21, 0.81,-0.23],
  concise:             [ 0.02, 0.09, 0.06, 0.26,-0.96,-0.02,-0.02],
  verbose:             [ 0.02, 0.07,-0.10,-0.02, 0.96, 0.22, 0.11],
  curious:             [ 0.35,-0.10, 0.57, 0.07, 0.19, 0.71, 0.01],
  cautious:            [ 0.07,-0.02, 0.05, 0.24, 0.05,-0.03, 0.96],
  confident:           [ 0.26, 0.67,-0.02, 0.30,-0.01,-0.04,-0.62],
  humble:              [ 0.38,-0.67, 0.47,-0.17,-0.07,-0.08, 0.39],
  direct:              [ 0.01, 0.62, 0.11,-0.34,-0.68,-0.03, 0.13],
  diplomatic:          [ 0.62,-0.27, 0.18, 0.65, 0.17, 0.10, 0.22],
  analytical:          [-0.31,-0.01, 0.61, 0.52, 0.51,-0.01, 0.09],
  creative:            [-0.11, 0.06, 0.04,-0.22, 0.22, 0.94, 0.02],
  optimistic:          [ 0.41, 0.15,-0.45, 0.12,-0.03, 0.44,-0.64],
};

/** The simulator's behaviour dimensions, in the order of every table, matrix and answer draw. */
export const TRAIT_KEYS: readonly string[] = [
  "empathetic", "firm", "skeptical", "contrarian", "deferential", "assertive", "warm", "formal", "playful", "concise", "verbose",
  "curious", "cautious", "confident", "humble", "direct", "diplomatic", "sycophantic", "analytical", "creative", "patient", "blunt",
  "optimistic", "authority_resistant",
];

/** Unit-length loading direction per built-in trait. */
export const TRAIT_LOADINGS: Readonly<Record<string, readonly number[]>> = Object.fromEntries(
  TRAIT_KEYS.map((key) => {
    const raw = RAW_LOADINGS[key];
    if (!raw || raw.length !== K) throw new Error(`simulator: missing loadings for trait "${key}"`);
    const n = norm(raw);
    return [key, raw.map((x) => x / n)];
  }),
);

/** Implied correlation of two built-in traits (cosine of their directions); null for unknown keys. */
export function traitCorrelation(a: string, b: string): number | null {
  const la = TRAIT_LOADINGS[a];
  const lb = TRAIT_LOADINGS[b];
  return la && lb ? dot(la, lb) : null;
}

export function correlationMatrix(): { keys: string[]; values: number[][] } {
  const keys = [...TRAIT_KEYS];
  return { keys, values: keys.map((a) => keys.map((b) => dot(TRAIT_LOADINGS[a], TRAIT_LOADINGS[b]))) };
}

// Level mapping: level_t(z) = 50 + 45·tanh(L_t·z). The ±45 range (5…95) keeps
// answers off the hard ends, where a judge could not tell "very" from "always".
export const LEVEL_MID = 50;
export const LEVEL_SPAN = 45;

export function levelFromProjection(p: number): number {
  return LEVEL_MID + LEVEL_SPAN * Math.tanh(p);
}

export function traitLevel(key: string, z: readonly number[]): number {
  return levelFromProjection(dot(TRAIT_LOADINGS[key], z));
}

export function levelsAt(z: readonly number[]): Record<string, number> {
  return Object.fromEntries(TRAIT_KEYS.map((k) => [k, traitLevel(k, z)]));
}

/** Inverse of the level mapping, clipped so 0/100 requests stay finite (|p| ≤ atanh 0.95 ≈ 1.83). */
export const REQUEST_CLIP = 0.95;
export function projectionForLevel(level: number): number {
  const x = Math.max(-REQUEST_CLIP, Math.min(REQUEST_CLIP, (level - LEVEL_MID) / LEVEL_SPAN));
  return Math.atanh(x);
}

/**
 * Where "You are a helpful assistant." sits: a little warm, formal, wordy and
 * careful, a little yielding — the familiar assistant register, kept small
 * enough that every trait's baseline stays within 50 ± 12.
 */
export const NEUTRAL_Z: readonly number[] = [0.15, -0.1, 0.0, 0.1, 0.12, 0.0, 0.12];

export function baselineLevels(): Record<string, number> {
  return levelsAt(NEUTRAL_Z);
}

/** Per-sample spread of the position in factor space; grows with temperature. */
export function noiseSigma(temperature: number): number {
  const t = Math.max(0, Math.min(2, Number.isFinite(temperature) ? temperature : 1));
  return 0.15 + 0.35 * t;
}

/**
 * Exact mean landing at a temperature: E[50 + 45·tanh(L·z + σu)], u ~ N(0,1)
 * (L is unit length, so L·ε ~ N(0, σ²)). Simpson's rule over u ∈ [−6, 6].
 * Position.traits is the noise-free (median) landing; this is the mean, which
 * tanh pulls slightly toward 50 at high temperature.
 */
export function expectedLanding(z: readonly number[], temperature: number): Record<string, number> {
  const sigma = noiseSigma(temperature);
  const steps = 120;
  const h = 12 / steps;
  const out: Record<string, number> = {};
  for (const key of TRAIT_KEYS) {
    const m = dot(TRAIT_LOADINGS[key], z);
    let acc = 0;
    for (let i = 0; i <= steps; i++) {
      const u = -6 + i * h;
      const weight = i === 0 || i === steps ? 1 : i % 2 ? 4 : 2;
      acc += weight * Math.tanh(m + sigma * u) * Math.exp(-0.5 * u * u);
    }
    out[key] = LEVEL_MID + (LEVEL_SPAN * acc * h) / 3 / Math.sqrt(2 * Math.PI);
  }
  return out;
}
