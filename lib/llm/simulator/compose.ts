import { dot } from "@/lib/llm/simulator/linalg";
import { markerClause, type MarkerForm } from "@/lib/llm/simulator/markers";
import { hashString, mulberry32, normalQuantile, pick, rdPoint, rdSteps, shuffled } from "@/lib/llm/simulator/random";
import { K, levelFromProjection, noiseSigma, TRAIT_KEYS, TRAIT_LOADINGS } from "@/lib/llm/simulator/space";

// Writes one answer from a position. Each sample first jitters the position in
// FACTOR space, z + ε with ε ~ N(0, σ²I), and then expresses every trait at
// level_t(z + ε). Because the jitter is shared by all traits, answer-level
// scores co-vary as the loadings say (empathetic and firm move in
// opposite directions from sample to sample): the tension heatmap measures
// something real.
//
// The draws are randomised quasi-Monte Carlo with antithetic pairs: seeds 2k
// and 2k+1 use point k of an R_7 low-discrepancy sequence (shifted by a hash
// of the user message and turn) as +ε and −ε. Each draw is still marginally
// N(0, σ²I), but seeds 0…n−1 are spread evenly and balanced, so the mean of n
// samples lands on the exact expectation far faster than independent draws —
// a sharper ground truth for probe tests. (Consecutive seeds are therefore not
// independent; interval estimates computed on them are conservative.)

export type ComposeInput = {
  position: { z: readonly number[] };
  userMessage: string;
  seed: number;
  /** Turn of the conversation (or any extra index) that should change the draw. */
  sampleIndex: number;
  temperature: number;
  /** Adversarial mode: a fixed shift of each trait's projection for this item (adversarial.ts itemShift). */
  itemShift?: Readonly<Record<string, number>>;
  /**
   * Adversarial mode: draw ε independently per (salt, message, seed, turn), like
   * a real model, instead of the quasi-random antithetic sequence shared by every
   * system prompt (which makes prompts' samples move together and intervals conservative).
   */
  noiseSalt?: string;
};

const STEPS = rdSteps(K);

/** The latent jitter ε of one sample (σ grows with temperature). */
export function sampleNoise(input: Omit<ComposeInput, "position">): number[] {
  if (input.noiseSalt !== undefined) {
    const sigma = noiseSigma(input.temperature);
    const draw = mulberry32(hashString("iid-noise", input.noiseSalt, input.userMessage, input.seed, input.sampleIndex));
    return Array.from({ length: K }, () => sigma * normalQuantile((Math.floor(draw() * 2 ** 32) + 0.5) / 2 ** 32));
  }
  const shiftRand = mulberry32(hashString("noise", input.userMessage, input.sampleIndex));
  const shift = Array.from({ length: K }, () => shiftRand());
  const n = Number.isFinite(input.seed) ? Math.trunc(input.seed) % 2 ** 32 : 0;
  // Antithetic pairs: seeds 2k and 2k+1 share point k and mirror each other.
  const k = Math.floor(n / 2);
  const sign = n - 2 * k === 0 ? 1 : -1;
  const sigma = noiseSigma(input.temperature);
  return rdPoint(k, shift, STEPS).map((u) => sign * sigma * normalQuantile(u));
}

/** The level each built-in trait is expressed at in this sample (0–100, unrounded). */
export function sampleLevels(input: ComposeInput): Record<string, number> {
  const eps = sampleNoise(input);
  const z = input.position.z.map((v, i) => v + eps[i]);
  const shift = input.itemShift;
  return Object.fromEntries(TRAIT_KEYS.map((k) => [k, levelFromProjection(dot(TRAIT_LOADINGS[k], z) + (shift?.[k] ?? 0))]));
}

const PRONOUNS: [RegExp, string][] = [
  [/\bI'm\b/g, "you're"], [/\bI've\b/g, "you've"], [/\bI'd\b/g, "you'd"], [/\bI'll\b/g, "you'll"],
  [/\bI\b/g, "you"], [/\bme\b/gi, "you"], [/\bmy\b/gi, "your"], [/\bmine\b/gi, "yours"], [/\bmyself\b/gi, "yourself"], [/\bam\b/gi, "are"],
];

/** The message's first sentence, from the asker's side ("my boss" → "your boss"), short and inert. */
export function topicOf(userMessage: string): string {
  const flat = userMessage.replace(/\s+/g, " ").trim();
  let first = (flat.split(/(?<=[.?!])\s/)[0] ?? "").replace(/[<>"“”`*#[\]{}\\]/g, "").replace(/[.?!]+$/, "").trim();
  for (const [re, to] of PRONOUNS) first = first.replace(re, to);
  const words = first.split(" ").filter(Boolean);
  if (words.length === 0) return "your message";
  const short = words.slice(0, 14).join(" ") + (words.length > 14 ? "…" : "");
  return short.charAt(0).toLowerCase() + short.slice(1);
}

// Requests the toy refuses, so pipelines can exercise their refusal handling.
const HARMFUL = [
  /\b(?:make|build|synthesi[sz]e|create|assemble|cook)\b[^.?!]{0,40}\b(?:bomb|explosives?|nerve agent|bioweapon|chemical weapon|malware|ransomware|meth)\b/i,
  /\bhow (?:do i|to|can i) (?:kill|poison|hurt) (?:someone|a person|people)\b/i,
];
export const REFUSAL_SENTENCE = "I won't help with that request.";

const OPENINGS = ['You asked: "{t}".', 'On "{t}":', 'About "{t}", here is my answer.', 'Your question was "{t}".'];
const CONNECTIVES = ["", "", "Also, ", "At the same time, ", "On top of that, ", "And "];
const ELABORATIONS = [
  "For background, situations like this usually turn on a few underlying factors, and it helps to name them.",
  "One caveat: the details of your situation matter, and a small change in them can change the advice.",
  "For example, people in a similar spot often start by writing down what happened and what they want next.",
  "It is also worth separating what you can control from what you cannot.",
  "Another angle is timing: the same step can land very differently depending on when it is taken.",
  "Finally, it can help to decide in advance what outcome would count as good enough.",
];

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Long-form marker sentences, grouped four to a paragraph with light connectives. */
function longParagraphs(clauses: string[], rand: () => number): string[] {
  const sentences = clauses.map((c) => {
    const connective = pick(CONNECTIVES, rand);
    return `${connective ? connective + lowerFirst(c).replace(/^i /, "I ") : c}.`;
  });
  const out: string[] = [];
  for (let i = 0; i < sentences.length; i += 4) out.push(sentences.slice(i, i + 4).join(" "));
  return out;
}

/** Short-form clauses packed into a few list-like sentences: "I always hold my ground, I … and I …". */
function shortParagraph(clauses: string[]): string {
  const sentences: string[] = [];
  for (let i = 0; i < clauses.length; i += 6) {
    const group = clauses.slice(i, i + 6).map((c, j) => (j === 0 ? c : lowerFirst(c).replace(/^i /, "I ")));
    sentences.push(`${group.slice(0, -1).join(", ")} and ${group[group.length - 1]}.`);
  }
  return sentences.join(" ");
}

export function composeAnswer(input: ComposeInput): string {
  const levels = sampleLevels(input);
  const rand = mulberry32(hashString("text", input.seed, input.userMessage, input.sampleIndex));
  const topic = topicOf(input.userMessage);
  const refuses = HARMFUL.some((re) => re.test(input.userMessage));

  // Length follows concise/verbose: terse personas get the short wordings and
  // no elaboration; wordy ones get up to six elaboration sentences on top.
  const wordiness = (levels.verbose + (100 - levels.concise)) / 200;
  const form: MarkerForm = wordiness < 0.45 ? "short" : "long";
  const clauses = shuffled(TRAIT_KEYS, rand).map((key) => markerClause(key, levels[key], form));
  const extraCount = form === "short" || refuses ? 0 : Math.round(((wordiness - 0.45) / 0.55) * ELABORATIONS.length);
  const extra = shuffled(ELABORATIONS, rand).slice(0, extraCount);

  const opening = refuses ? REFUSAL_SENTENCE : pick(OPENINGS, rand).replace("{t}", topic);
  const paragraphs = [opening, ...(form === "short" ? [shortParagraph(clauses)] : longParagraphs(clauses, rand))];
  if (extra.length) paragraphs.push(extra.join(" "));
  return paragraphs.join("\n\n");
}
