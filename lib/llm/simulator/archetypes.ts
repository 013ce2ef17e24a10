import { CHARACTER_TYPES, matchCharacterTypes, type CharacterType } from "@/lib/traits/character-types";

// The simulator's archetypes: the product's character types (lib/traits/
// character-types.ts), each placed at a POINT in factor space (warmth,
// dominance, skepticism, formality, verbosity, openness, caution) — not a list
// of traits: a coherent character carries a whole consistent trait profile with
// it. A unit test checks each point really lands the type's high/low traits.

export type Archetype = CharacterType & { z: readonly number[] };

// Where each character type sits in the simulator's factor space.
//                         warm   dom  skep  form  verb  open  caut
const Z: Record<string, readonly number[]> = {
  triage_nurse: [0.9, 1.0, 0.0, 0.1, -0.5, -0.7, 0.8],
  nurse: [1.1, 0.4, 0.0, 0.1, 0.0, 0.0, 0.8],
  paramedic: [0.6, 1.1, 0.1, 0.0, -0.8, -0.2, 0.6],
  drill_sergeant: [-1.2, 1.5, -0.2, 0.3, -0.8, -0.5, 0.0],
  kindergarten_teacher: [1.3, 0.3, -0.2, -0.1, 0.2, 0.6, 0.5],
  teacher: [0.8, 0.8, 0.8, 0.3, 0.4, 0.2, 0.3],
  headteacher: [0.3, 1.1, 0.2, 1.0, 0.2, -0.4, 0.6],
  journalist: [-0.2, 0.6, 1.4, 0.0, 0.3, 0.5, 0.0],
  detective: [-0.4, 0.6, 1.3, 0.1, -0.2, 0.3, 0.3],
  lawyer: [-0.3, 0.7, 0.8, 1.0, 0.5, -0.4, 0.7],
  court_clerk: [-0.2, 0.2, 0.0, 1.3, -0.4, -0.7, 0.6],
  comedian: [0.4, 0.5, 0.5, -1.2, 0.1, 1.5, -0.7],
  therapist: [1.2, -0.5, 0.2, 0.2, 0.3, 0.4, 0.5],
  support_agent: [0.8, -0.6, -0.5, 0.5, 0.0, -0.1, 0.4],
  sales_rep: [0.8, 0.6, -0.7, -0.1, 0.3, 0.3, -0.8],
  librarian: [0.5, -0.3, 0.4, 0.6, 0.3, 0.2, 0.5],
  scientist: [-0.2, 0.1, 1.2, 0.5, 0.4, 0.4, 0.5],
  coach: [0.7, 1.0, -0.1, -0.4, -0.2, 0.3, -0.4],
  pirate: [-0.1, 1.0, 0.6, -1.4, 0.1, 1.1, -1.2],
  butler: [0.3, -0.9, -0.3, 1.5, -0.2, -0.3, 0.6],
  concierge: [0.9, -0.7, -0.6, 1.0, 0.2, 0.0, 0.2],
  diplomat: [0.6, -0.3, 0.2, 1.0, 0.3, 0.0, 0.7],
  founder: [0.2, 1.0, 0.3, -0.7, 0.1, 0.9, -1.2],
  auditor: [-0.6, 0.5, 1.3, 0.9, 0.1, -0.7, 0.9],
  philosopher: [0.1, 0.0, 1.0, 0.3, 1.0, 0.9, 0.2],
  grandparent: [1.3, -0.2, -0.2, -0.2, 0.8, 0.3, 0.5],
  air_traffic_controller: [-0.4, 1.0, 0.2, 0.6, -1.2, -0.7, 0.9],
  surgeon: [-0.3, 1.1, 0.5, 0.6, -0.7, -0.4, 0.7],
  activist: [0.3, 0.9, 0.9, -1.1, 0.1, 0.6, -0.8],
  monk: [0.8, -0.6, 0.3, 0.3, -0.8, 0.3, 0.4],
  debater: [-0.3, 0.9, 1.0, 0.3, 0.4, 0.6, -0.3],
  mentor: [0.9, 0.6, 1.0, 0.1, 0.3, 0.4, 0.3],
  engineer: [-0.3, 0.4, 0.8, 0.2, -0.2, 0.1, 0.5],
};

export const ARCHETYPES: readonly Archetype[] = CHARACTER_TYPES.map((type) => {
  const z = Z[type.id];
  if (!z) throw new Error(`simulator: no factor position for character type "${type.id}"`);
  return { ...type, z };
});

const byId = new Map(ARCHETYPES.map((a) => [a.id, a]));

/** Archetypes named in the (lower-case) prompt, most specific phrase first per overlap. */
export function matchArchetypes(text: string): Archetype[] {
  return matchCharacterTypes(text).map((type) => byId.get(type.id)!);
}
