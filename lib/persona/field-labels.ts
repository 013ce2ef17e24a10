import { findTrait, humanizeTraitKey } from "@/lib/traits/catalog";
import type { PersonaSpec } from "@/lib/schemas/persona";

// Human names of spec fields, for comment anchors and the activity trail.

export const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: "Name", characterName: "Character name", archetype: "Character type", background: "Background", values: "Values", voice: "Voice",
  "voice.register": "Register", "voice.tone": "Tone", "voice.length": "Answer length", boundaries: "Boundaries",
  traitTargets: "Trait targets", examples: "Example exchanges", notes: "Notes", sampleMessages: "Sample messages",
  scenarios: "Scenarios", requirements: "Role requirements", pressureScripts: "Pressure scripts",
  promptOverride: "Prompt override",
};

/** "archetype" → "Character type"; "traitTargets.firm" → "Target: Firm"; unknown paths → null. */
export function fieldLabel(path: string): string | null {
  if (FIELD_LABELS[path]) return FIELD_LABELS[path];
  const target = /^traitTargets\.([a-z][a-z0-9_]{1,39})$/.exec(path);
  if (target) return `Target: ${findTrait(target[1])?.name ?? humanizeTraitKey(target[1])}`;
  return null;
}

/** Top-level fields whose value differs between two specs, as labels, in spec order. */
export function changedFields(before: PersonaSpec, after: PersonaSpec): string[] {
  const keys = Object.keys(after) as (keyof PersonaSpec)[];
  return keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).map((k) => FIELD_LABELS[k] ?? k);
}
