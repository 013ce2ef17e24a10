import "server-only";
import { SCENARIO_TRAIT_KEY } from "@/lib/probing/scenario-landing";
import type { ProbeAnswer } from "@/lib/schemas/probe";
import { frozenScenarios, type RunConfig } from "@/lib/services/probes/run-config";

/**
 * Answers to the run's scenarios carry which scenario they answer — its number
 * (itemIndex + 1), id and context turns — from the run's frozen list, so the
 * answers view can say "Scenario 3 · …" and show the conversation before it.
 * The message itself is already on the answer (what was sent).
 */
export function withScenarios(answers: ProbeAnswer[], rawConfig: string): ProbeAnswer[] {
  if (!answers.some((a) => a.traitKey === SCENARIO_TRAIT_KEY)) return answers;
  const frozen = frozenScenarios(JSON.parse(rawConfig) as RunConfig);
  return answers.map((a) => {
    const s = a.traitKey === SCENARIO_TRAIT_KEY ? frozen[a.itemIndex] : undefined;
    return s ? { ...a, scenario: { number: a.itemIndex + 1, id: s.id, context: (s.context ?? []).map((t) => ({ role: t.role, content: t.content })) } } : a;
  });
}
