import { InteropError, parseWith } from "@/lib/interop/errors";
import { compilePersona } from "@/lib/persona/compile";
import { emptySpec, personaSpecSchema, type PersonaSpec } from "@/lib/schemas/persona";

// A hand-written system prompt becomes a persona whose promptOverride is that
// prompt. Nothing is inferred from it but a name: no archetype, no trait
// targets. Guessing those silently would make the studio's measurements
// compare against targets nobody set.

export const DEFAULT_IMPORTED_NAME = "Imported prompt";
const MAX_PROMPT = personaSpecSchema.shape.promptOverride.unwrap().maxLength ?? 20000;
const MAX_NAME = personaSpecSchema.shape.name.maxLength ?? 120;

// "You are going to …", "You are now …" describe a task, not who the persona is.
const NOT_A_NAME = /^(?:going|now|here|about|not|to|being|acting|tasked|responsible|able|allowed|given|expected|required|supposed|free|currently|also|always|never|very|so|in|on|at|helping|working)\b/i;

/**
 * "You are Zoë, a …" → "Zoë"; "You are a helpful assistant." → "Helpful assistant".
 * The first such phrase that reads like a name; null when none does.
 */
export function nameFromPrompt(prompt: string): string | null {
  for (const match of prompt.matchAll(/\b(?:your name is|you are|you're)\s+([^.,:;!?\n(]+)/gi)) {
    const phrase = match[1]
      .replace(/^(?:called|named)\s+/i, "")
      .replace(/^(?:a|an|the)\s+/i, "")
      .split(/\s+(?:who|that|which|and|with|from|for)\s+/i)[0]
      .trim();
    if (!phrase || NOT_A_NAME.test(phrase) || phrase.length > 60 || phrase.split(/\s+/).length > 6) continue;
    return phrase.charAt(0).toUpperCase() + phrase.slice(1);
  }
  return null;
}

export function importPlainPrompt(text: string, name?: string): PersonaSpec {
  if (typeof text !== "string") throw new InteropError("prompt", "The prompt must be text");
  const prompt = text.replace(/^\uFEFF/, "").trim();
  if (!prompt) throw new InteropError("prompt", "The prompt is empty");
  if (prompt.length > MAX_PROMPT) {
    throw new InteropError("prompt", `The prompt has ${prompt.length} characters; a prompt override has at most ${MAX_PROMPT}`);
  }
  const given = name?.trim();
  if (given !== undefined && given.length > MAX_NAME) {
    throw new InteropError("name", `The name has ${given.length} characters; a persona name has at most ${MAX_NAME}`);
  }
  const chosen = given || nameFromPrompt(prompt) || DEFAULT_IMPORTED_NAME;
  return parseWith(personaSpecSchema, { ...emptySpec(chosen), promptOverride: prompt }, "spec");
}

/** The system prompt the studio would send: the override when set, else the compiled spec. */
export function exportPlainPrompt(spec: PersonaSpec): string {
  return compilePersona(parseWith(personaSpecSchema, spec, "spec")).prompt;
}
