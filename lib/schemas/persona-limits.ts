import type { z } from "zod";
import { personaSpecSchema, voiceSchema } from "@/lib/schemas/persona";

// The composer's visible limits, read from the one PersonaSpec schema so the counters,
// the autosave check and the API can never disagree.

const spec = personaSpecSchema.shape;

/** The `.max(n)` of a zod array, or undefined. */
function arrayMax(schema: z.ZodArray): number | undefined {
  for (const check of schema._zod.def.checks ?? []) {
    const def = check._zod.def as { check?: string; maximum?: number };
    if (def.check === "max_length" && typeof def.maximum === "number") return def.maximum;
  }
  return undefined;
}

const required = (n: number | null | undefined, what: string): number => {
  if (typeof n !== "number") throw new Error(`personaSpecSchema has no limit for ${what}`);
  return n;
};

export const SPEC_LIMITS = {
  name: required(spec.name.maxLength, "name"),
  characterName: required(spec.characterName.unwrap().maxLength, "characterName"),
  archetype: required(spec.archetype.maxLength, "archetype"),
  background: required(spec.background.maxLength, "background"),
  tone: required(voiceSchema.shape.tone.maxLength, "voice.tone"),
  notes: required(spec.notes.maxLength, "notes"),
  promptOverride: required(spec.promptOverride.unwrap().maxLength, "promptOverride"),
  value: required(spec.values.element.maxLength, "values item"),
  values: required(arrayMax(spec.values), "values"),
  boundary: required(spec.boundaries.element.maxLength, "boundaries item"),
  boundaries: required(arrayMax(spec.boundaries), "boundaries"),
  requirement: required(spec.requirements.unwrap().element.maxLength, "requirements item"),
  requirements: required(arrayMax(spec.requirements.unwrap()), "requirements"),
} as const;
