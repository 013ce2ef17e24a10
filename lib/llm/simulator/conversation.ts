import type { ChatMessage } from "@/lib/llm/types";
import { framedPosition } from "@/lib/llm/simulator/framing";
import { positionOn, simulatedModel } from "@/lib/llm/simulator/models";
import { applyPressure, readPushes, type Push } from "@/lib/llm/simulator/pressure";
import { levelFromProjection, NEUTRAL_Z, TRAIT_KEYS, TRAIT_LOADINGS } from "@/lib/llm/simulator/space";
import { dot } from "@/lib/llm/simulator/linalg";

// Where a persona answers from at this point of a conversation (issue 14):
// the system prompt's position on the model (models.ts), read with framing
// (framing.ts) when it has requested-framed sentences, then moved by the pushes
// in the user turns so far (pressure.ts). Without framing cues and pushes this is
// exactly positionOn(model, system) and no shift — single-turn answers are unchanged.

export type ConversationPosition = {
  z: readonly number[];
  /** Per-trait expression shift carried by a requested role (framing.ts); undefined when none. */
  shift?: Readonly<Record<string, number>>;
  /** What the prompt asked for (for self-report). */
  requested: Readonly<Record<string, number>>;
  pushes: Push[];
};

export function conversationPosition(modelName: string, system: string, messages: readonly ChatMessage[]): ConversationPosition {
  const framed = framedPosition(modelName, system);
  const base = framed ?? positionOn(modelName, system);
  const shift = framed && Object.keys(framed.roleShift).length ? framed.roleShift : undefined;
  const pushes = readPushes(messages);
  const well = simulatedModel(modelName)?.well ?? NEUTRAL_Z;
  const z = applyPressure(base.z, pushes, { systemPrompt: system, well, loadings: TRAIT_LOADINGS, shift });
  return { z, shift, requested: base.requested, pushes };
}

/** Noise-free landing of every built-in trait at this point of the conversation (ground truth for tests and benches). */
export function conversationLevels(modelName: string, system: string, messages: readonly ChatMessage[]): Record<string, number> {
  const { z, shift } = conversationPosition(modelName, system, messages);
  return Object.fromEntries(TRAIT_KEYS.map((k) => [k, levelFromProjection(dot(TRAIT_LOADINGS[k], z) + (shift?.[k] ?? 0))]));
}
