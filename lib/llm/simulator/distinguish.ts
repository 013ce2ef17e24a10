import { inferPosition } from "@/lib/llm/simulator/infer";
import { judgeAnswer } from "@/lib/llm/simulator/judge";
import { hashString } from "@/lib/llm/simulator/random";
import { TRAIT_KEYS } from "@/lib/llm/simulator/space";

// The simulated judge of blind distinguishability (issue 13 §4; docs/simulator.md
// §13). Shown one answer and two panel members' descriptions, it says which
// member wrote the answer the way a judge model could: it reads the answer's
// behaviour with its own judge (the trait levels it can hear in the text) and
// each description the way the simulator reads a persona prompt (infer.ts: the
// position that description asks for), and picks the description whose
// position is closer — with noise, so two members that land at the same place
// are attributed at chance and clearly different members well above it.
//
// It is an adversary, not an oracle: nothing in an answer names its author (the
// composer writes trait clauses, no identity), and the judge never sees the
// members' system prompts, models or keys — only what the product's request
// shows. The descriptions are read as persona-sim-1 reads a prompt (no well):
// the judge cannot know which model a member sat on.

/**
 * The first line of the product's distinguish request (lib/probing/judge/distinguish-prompt.ts
 * DISTINGUISH_MARKER). Copied, not imported: the simulator may not import the
 * product's judge; tests/unit/simulator/distinguish.test.ts checks they agree.
 */
export const DISTINGUISH_MARKER = "You are a blind attribution judge for a persona panel.";

/**
 * Choice temperature in RMS level points: P(A) = 1 / (1 + exp((d_A − d_B) / τ)).
 * A real judge does not see a persona's expected landing, only one noisy answer;
 * τ = 3 makes a 3-point difference in fit a 73/27 call and a 10-point one ~97/3.
 */
export const DISTINGUISH_TAU = 3;

export function isDistinguishRequest(systemPrompt: string): boolean {
  return systemPrompt.trimStart().split("\n", 1)[0].trim() === DISTINGUISH_MARKER;
}

/** Text between the first `<tag>` and the first `</tag>` after it ("" when absent); the product escapes these tags inside data. */
function between(text: string, tag: string): string {
  const open = text.indexOf(`<${tag}>`);
  if (open === -1) return "";
  const start = open + tag.length + 2;
  const close = text.indexOf(`</${tag}>`, start);
  return close === -1 ? text.slice(start) : text.slice(start, close);
}

/** The answer: between the first `<answer>` and the LAST `</answer>` (as the trait judge reads it). */
function answerOf(text: string): string {
  const open = text.indexOf("<answer>");
  const close = text.lastIndexOf("</answer>");
  return open === -1 || close < open ? "" : text.slice(open + "<answer>".length, close);
}

/** RMS distance in level points between the answer's readable levels and a description's landing; null when the answer expresses nothing. */
export function fitDistance(answerLevels: Readonly<Record<string, number | null>>, description: string): number | null {
  const landing = inferPosition(description).traits;
  const keys = TRAIT_KEYS.filter((k) => answerLevels[k] != null);
  if (keys.length === 0) return null;
  return Math.sqrt(keys.reduce((s, k) => s + (answerLevels[k]! - landing[k]) ** 2, 0) / keys.length);
}

export type DistinguishVerdict = { author: "A" | "B"; confidence: number };

/** The verdict on one distinguish request (the last user message); deterministic per request. */
export function judgeDistinguish(userText: string, seed = 0): DistinguishVerdict {
  const a = between(userText, "member_a");
  const b = between(userText, "member_b");
  const levels = judgeAnswer(answerOf(userText), TRAIT_KEYS).scores;
  const dA = fitDistance(levels, a);
  const dB = fitDistance(levels, b);
  // An answer it cannot read (empty, a bare refusal): a coin flip, said as one.
  const pA = dA === null || dB === null ? 0.5 : 1 / (1 + Math.exp((dA - dB) / DISTINGUISH_TAU));
  const u = hashString("distinguish", userText, seed) / 2 ** 32;
  const author = u < pA ? "A" : "B";
  const confidence = Math.round(Math.max(pA, 1 - pA) * 100) / 100;
  return { author, confidence };
}
