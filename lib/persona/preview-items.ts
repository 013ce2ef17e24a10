import type { PersonaSpec } from "@/lib/schemas/persona";
import type { ScenarioTurn } from "@/lib/schemas/scenario";

// What the live preview answers: the persona's own scenarios when it has any
// (each after its context turns), otherwise the generic sample messages.

export type PreviewItem = { message: string; context?: ScenarioTurn[]; scenarioId?: string; note?: string };

export function previewItems(spec: Pick<PersonaSpec, "sampleMessages" | "scenarios">): { source: "scenarios" | "samples"; items: PreviewItem[] } {
  const scenarios = (spec.scenarios ?? []).filter((s) => s.message.trim());
  if (scenarios.length) {
    return {
      source: "scenarios",
      items: scenarios.map((s) => {
        const context = (s.context ?? []).filter((t) => t.content.trim());
        return { message: s.message.trim(), scenarioId: s.id, ...(context.length ? { context } : {}), ...(s.note?.trim() ? { note: s.note.trim() } : {}) };
      }),
    };
  }
  return { source: "samples", items: spec.sampleMessages.map((m) => m.trim()).filter(Boolean).map((message) => ({ message })) };
}
