import { findTrait, humanizeTraitKey } from "@/lib/traits/catalog";
import type { SuggestArchetypesBody } from "@/lib/schemas/preview";

// The words of "Suggest archetypes" (pure, so tests can read exactly what a model is asked).
// The simulator (lib/llm/simulator/suggest.ts) reads trait levels only from the part
// before PERSONA_SECTION and the persona's world only from the part after it.

/** Heads the persona's own text in the request; the simulator reads the world from what follows it. */
export const PERSONA_SECTION = "The persona so far";

/**
 * The request in words: the trait levels, then the persona's own text, so the types come
 * from its world (a refund desk's, a ward's, a newsroom's) rather than the same four for
 * every mix of traits.
 */
export function suggestionRequest(input: Pick<SuggestArchetypesBody, "traitTargets" | "archetype" | "background" | "boundaries">): string {
  const traits = Object.entries(input.traitTargets)
    .map(([k, v]) => `- ${findTrait(k)?.name ?? humanizeTraitKey(k)} (${k}): ${v}/100`)
    .join("\n");
  const archetype = input.archetype?.trim();
  const background = input.background?.trim();
  const boundaries = (input.boundaries ?? []).map((b) => b.trim()).filter(Boolean);
  const persona = [
    archetype ? `Archetype as written: ${archetype}` : null,
    background ? `Background: ${background}` : null,
    boundaries.length ? `Boundaries:\n${boundaries.map((b) => `- ${b}`).join("\n")}` : null,
  ].filter(Boolean);
  return [
    `What kind of person would naturally show all of these traits at these levels (0 = not at all, 100 = extremely)?\n${traits}`,
    persona.length
      ? "Suggest 3 or 4 specific character types from this persona's own world (the same field, setting and people served), each with one line on why the traits fit together in that person."
      : "Suggest 3 or 4 specific character types, each with one line on why the traits fit together in that person.",
    ...(persona.length ? [`${PERSONA_SECTION} (its world; not a list of traits):\n${persona.join("\n")}`] : []),
  ].join("\n\n");
}

