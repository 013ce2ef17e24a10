import { NEUTRAL_PROMPT, parseRunArmsWithPrompts } from "@/lib/probing/arms";
import type { RunArm as RunArmSpec } from "@/lib/schemas/probe";

// The arms a probe run answers: the persona, the neutral baseline, and any
// extra arms stored on the run (ProbeRun.arms: single-trait controls "A alone",
// "B alone"; range-check levels). Each arm answers the same probe items under
// its own system prompt, with its own sampling state; ProbeAnswer.kind names it.

export { NEUTRAL_PROMPT };

export type ExtraArm = RunArmSpec;
export type RunArm = { kind: string; systemPrompt: string; traits: readonly string[] };

/** Extra arms from the run's JSON (lib/probing/arms.ts: the one parser the report uses too). */
export const parseExtraArms = parseRunArmsWithPrompts;

/** Persona first, then baseline, then the extra arms; an arm's traits default to every watched trait. */
export function runArms(run: { systemPrompt: string; arms?: string | null }, watched: readonly string[]): RunArm[] {
  return [
    { kind: "persona", systemPrompt: run.systemPrompt, traits: watched },
    { kind: "baseline", systemPrompt: NEUTRAL_PROMPT, traits: watched },
    ...parseExtraArms(run.arms).map((a) => ({
      kind: a.kind, systemPrompt: a.systemPrompt, traits: a.traits ? watched.filter((k) => a.traits!.includes(k)) : watched,
    })),
  ];
}
