import "server-only";
import { PROBE_TRAITS, TRAIT_LIBRARY_VERSION, TRAIT_RELATIONS } from "@/lib/probing/traits";
import type { TraitLibrary } from "@/lib/schemas/probe";

export function traitLibrary(): TraitLibrary {
  return {
    version: TRAIT_LIBRARY_VERSION,
    traits: PROBE_TRAITS.map((t) => ({
      key: t.key, name: t.name, description: t.description, high: t.high, low: t.low,
      items: t.probes.map((p) => ({ id: p.id, topic: p.topic, text: p.text })),
      rubric: { instruction: t.rubric.instruction, scenario: t.rubric.scenario, anchors: Object.fromEntries(Object.entries(t.rubric.anchors)) },
    })),
    relations: TRAIT_RELATIONS.map((r) => ({ ...r })),
  };
}
