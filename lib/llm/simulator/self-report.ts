import { dot } from "@/lib/llm/simulator/linalg";
import { dimensionForName } from "@/lib/llm/simulator/judge-reading";
import { hashString, mulberry32, normalQuantile } from "@/lib/llm/simulator/random";
import { levelFromProjection, TRAIT_LOADINGS } from "@/lib/llm/simulator/space";

// Self-report (issue 14 §3, §5): asked to rate itself on a trait in character,
// a persona answers with a number that tracks what its prompt ASKED for more
// closely than what it does. Behaviour sits where the ridge compromise, the
// well and any pressure put it; the self-image is mostly the request:
//
//     reported = SELF_REQUEST_WEIGHT · requested + (1 − SELF_REQUEST_WEIGHT) · behaviour + noise
//
// (behaviour alone when the prompt did not ask for that trait), noise ~ N(0, SELF_NOISE²)
// in points, drawn from a hash of the message, seed and turn; rounded, 0–100.
//
// A self-rating request, in the simulator's own words: a 0–100 scale ("on a
// scale of 0 to 100", "from 0 to 100", "0-100", "out of 100") or "rate
// yourself", together with a trait the judge can name ("how firm are you").

export const SELF_REQUEST_WEIGHT = 0.8;
export const SELF_NOISE = 4;

const SCALE = /\bscale of 0\s*(?:to|-|–)\s*100\b|\bfrom 0\s*(?:to|-|–)\s*100\b|\b0\s*[-–]\s*100\b|\bout of 100\b|\brate yourself\b|\brate your own\b/;

/** The built-in trait a self-rating request asks about, or null when the message is not one. */
export function readSelfReportRequest(userText: string): string | null {
  const text = userText.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  if (!SCALE.test(text)) return null;
  const how = /\bhow ([\p{L}' -]{2,40}?) (?:are|would) you\b/u.exec(text);
  if (how) {
    const dim = dimensionForName(how[1]) ?? dimensionForName(how[1].split(" ").at(-1) ?? "");
    if (dim) return dim;
  }
  const words = text.split(/[^\p{L}']+/u).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const dim = (i + 1 < words.length ? dimensionForName(`${words[i]} ${words[i + 1]}`) : null) ?? dimensionForName(words[i]);
    if (dim) return dim;
  }
  return null;
}

export type SelfReportInput = {
  trait: string;
  z: readonly number[];
  shift?: Readonly<Record<string, number>>;
  requested: Readonly<Record<string, number>>;
  userMessage: string;
  seed: number;
  sampleIndex: number;
};

/** The noise-free behaviour level of a trait at a position (with any role shift). */
export function behaviourLevel(trait: string, z: readonly number[], shift?: Readonly<Record<string, number>>): number {
  return levelFromProjection(dot(TRAIT_LOADINGS[trait], z) + (shift?.[trait] ?? 0));
}

/** The number the persona gives for itself (see the header). */
export function selfReport(input: SelfReportInput): number {
  const behaviour = behaviourLevel(input.trait, input.z, input.shift);
  const asked = input.requested[input.trait];
  const centre = asked === undefined ? behaviour : SELF_REQUEST_WEIGHT * asked + (1 - SELF_REQUEST_WEIGHT) * behaviour;
  const draw = mulberry32(hashString("self-report", input.userMessage, input.seed, input.sampleIndex));
  const u = (Math.floor(draw() * 2 ** 32) + 0.5) / 2 ** 32;
  return Math.round(Math.min(100, Math.max(0, centre + SELF_NOISE * normalQuantile(u))));
}

/** The sentence that opens a self-rating answer. */
export const selfReportSentence = (n: number) => `I'd put myself at ${n} out of 100.`;
