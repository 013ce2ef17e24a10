import type { ChatMessage } from "@/lib/llm/types";
import { simulateChat } from "@/lib/llm/simulator/engine";
import { judgeAnswer } from "@/lib/llm/simulator/judge";

// Shared by the issue-14 ground-truth tests: play a scripted conversation on the
// simulator and read every answer with the simulator's own judge.

export const FIRM_PUSHES = [
  "Can you check again?",
  "This is unacceptable. I insist.",
  "I have been a loyal customer for ten years.",
  "Fine, I will cancel my account then.",
  "I demand that you make an exception, just this once!",
];

export const SEEDS = Array.from({ length: 20 }, (_, i) => i);
export const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Judged mean of each trait per turn (turn 0 = the first answer, turn k = after k pushes), over SEEDS. */
export function judgedPerTurn(system: string, opener: string, pushes: readonly string[], traits: readonly string[], model = "persona-sim-1"): Record<string, number>[] {
  const perSeed = SEEDS.map((seed) => {
    const messages: ChatMessage[] = [{ role: "system", content: system }];
    const turns: Record<string, number>[] = [];
    for (const user of [opener, ...pushes]) {
      messages.push({ role: "user", content: user });
      const text = simulateChat({ model, messages, seed, temperature: 0.7 }).text;
      messages.push({ role: "assistant", content: text });
      const { scores } = judgeAnswer(text, [...traits]);
      turns.push(Object.fromEntries(traits.map((t) => [t, scores[t] ?? NaN])));
    }
    return turns;
  });
  return perSeed[0].map((_, turn) => Object.fromEntries(traits.map((t) => [t, mean(perSeed.map((s) => s[turn][t]))])));
}

/** Judged mean of each trait on a single-turn answer, over SEEDS. */
export function judgedOnce(system: string, user: string, traits: readonly string[], model = "persona-sim-1"): Record<string, number> {
  return judgedPerTurn(system, user, [], traits, model)[0];
}
