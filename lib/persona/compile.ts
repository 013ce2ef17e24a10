import { findTrait, humanizeTraitKey } from "@/lib/traits/catalog";
import type { PersonaSpec, VoiceLength, VoiceRegister } from "@/lib/schemas/persona";
import { traitBand } from "@/lib/persona/target-scale";
import { asComplement } from "@/lib/persona/phrasing";

// Compiles a PersonaSpec into a system prompt. Pure and deterministic: the same
// spec always yields the same text, so versions, diffs and probe caches can key
// on it. The archetype comes first because it is what selects the position in
// persona space; trait targets follow as observable behaviour, never as bare
// adjectives ("be empathetic" invites a caricature; "name the feeling before
// advising" is something the model can do and a judge can see).

export type CompiledPrompt = { prompt: string; source: "compiled" | "override" };

// The five bands (and the range of targets each instruction covers) live in target-scale.ts.
export { traitBand, type TraitBand } from "@/lib/persona/target-scale";

export function describeTraitTarget(key: string, target: number): string {
  const trait = findTrait(key);
  const band = traitBand(target);
  if (!trait) {
    const name = humanizeTraitKey(key).toLowerCase();
    const level = {
      always_high: "very strongly", usually_high: "clearly", balanced: "moderately",
      usually_low: "only a little", always_low: "not at all",
    }[band];
    return `Show the trait "${name}" ${level} (${target}/100) in what you say and do.`;
  }
  switch (band) {
    case "always_high": return `Always ${trait.high}.`;
    case "usually_high": return `Usually ${trait.high}.`;
    case "balanced": return `Balance it: sometimes ${trait.high}; at other times ${trait.low}.`;
    case "usually_low": return `Usually ${trait.low}.`;
    case "always_low": return `Always ${trait.low}.`;
  }
}

const REGISTER_TEXT: Record<VoiceRegister, string> = {
  casual: "casual, like talking to a friend",
  conversational: "conversational and natural",
  neutral: "neutral and plain",
  professional: "professional and clear",
  formal: "formal and precise",
};

const LENGTH_TEXT: Record<VoiceLength, string> = {
  terse: "one or two sentences",
  brief: "a short paragraph",
  moderate: "a few paragraphs at most",
  detailed: "as long as a thorough answer needs",
};

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function withPeriod(s: string): string {
  const t = s.trim();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
}

// The display name (spec.name) is the team's label for the persona ("Support agent — firm
// about refunds") and never reaches the prompt; the character is named only when the
// designer gives it a name of its own.
function opening(spec: PersonaSpec): string | null {
  const name = spec.characterName?.trim() ?? "";
  const archetype = asComplement(spec.archetype.trim().replace(/[.]+$/, ""));
  if (name && archetype) return `You are ${name}: ${archetype}.`;
  if (name) return `You are ${name}.`;
  if (archetype) return `You are ${archetype}.`;
  return null;
}

/** Trait lines, strongest preference first, then alphabetical for stability. */
function behaviourLines(targets: Record<string, number>): string[] {
  return Object.entries(targets)
    .sort(([ka, a], [kb, b]) => Math.abs(b - 50) - Math.abs(a - 50) || ka.localeCompare(kb))
    .map(([key, target]) => describeTraitTarget(key, target));
}

export function compilePersona(spec: PersonaSpec): CompiledPrompt {
  if (spec.promptOverride && spec.promptOverride.trim()) {
    return { prompt: spec.promptOverride.trim(), source: "override" };
  }
  const first = opening(spec);
  const sections: string[] = first ? [first] : [];

  if (spec.background.trim()) sections.push(`## Who you are\n${spec.background.trim()}`);

  // Half-typed entries (blank lines, empty examples) never reach the prompt.
  const values = spec.values.map((v) => v.trim()).filter(Boolean);
  const boundaries = spec.boundaries.map((b) => b.trim()).filter(Boolean);
  const examples = spec.examples.filter((e) => e.user.trim() && e.assistant.trim());

  if (values.length) {
    sections.push(`## What you care about\n${values.map((v) => `- ${withPeriod(capitalise(v))}`).join("\n")}`);
  }

  const voice = [
    `- Register: ${REGISTER_TEXT[spec.voice.register]}.`,
    spec.voice.tone.trim() ? `- Tone: ${withPeriod(spec.voice.tone)}` : null,
    `- Length: ${LENGTH_TEXT[spec.voice.length]}.`,
  ].filter(Boolean);
  sections.push(`## How you speak\n${voice.join("\n")}`);

  const behaviour = behaviourLines(spec.traitTargets);
  if (behaviour.length) {
    sections.push(`## How you behave\nIn every answer, in ways the person can notice:\n${behaviour.map((b) => `- ${b}`).join("\n")}`);
  }

  // Requirements of the role (issue 14 §4): asked of the character in context, not stated as its nature.
  const requirements = (spec.requirements ?? []).map((r) => r.trim()).filter(Boolean);
  if (requirements.length) {
    sections.push(`## What this job asks of you\n${requirements.map((r) => `- ${withPeriod(capitalise(r))}`).join("\n")}`);
  }

  if (boundaries.length) {
    sections.push(`## Boundaries\n${boundaries.map((b) => `- ${withPeriod(capitalise(b))}`).join("\n")}`);
  }

  if (examples.length) {
    const ex = examples
      .map((e, i) => `Example ${i + 1}\nUser: ${e.user.trim()}\nYou: ${e.assistant.trim()}`)
      .join("\n\n");
    sections.push(`## Example exchanges\nThese show your voice; do not repeat them word for word.\n\n${ex}`);
  }

  sections.push("Stay in character for the whole conversation.");
  return { prompt: sections.join("\n\n"), source: "compiled" };
}
