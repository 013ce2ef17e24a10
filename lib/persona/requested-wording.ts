import type { PersonaSpec } from "@/lib/schemas/persona";
import { describeTraitTarget } from "@/lib/persona/compile";

// Nature vs requested framing (issue 14 §4). The compiled prompt states a
// trait target as what the character is ("Always state limits plainly…", under
// "How you behave"). The requested wording states the same behaviour as a
// requirement of the job, asked in context: "The role asks you to state limits
// plainly…; that is the job here, not who you are." The persona selection
// finding: behaviour requested in context implies little about the
// character's nature, so it should drag less of its cluster along.
//
// requestedSpec moves one trait's target out of traitTargets and into
// spec.requirements; compilePersona writes requirements in their own section.

/**
 * The requirement sentence for a trait at a target: exactly the compiled target's words
 * (describeTraitTarget: "Always state limits plainly…", "Usually …"), asked by the role — so the
 * pair differs in framing only, never in strength.
 */
export function requestedSentence(key: string, target: number): string {
  const line = describeTraitTarget(key, target).replace(/[.!]+$/, "");
  return `The role asks you to ${line.charAt(0).toLowerCase()}${line.slice(1)}; that is the job here, not who you are.`;
}

/** The persona with `key`'s target requested by the role instead of stated as its nature; null when `key` is not targeted. */
export function requestedSpec(spec: PersonaSpec, key: string): PersonaSpec | null {
  const target = spec.traitTargets[key];
  if (target === undefined) return null;
  const traitTargets = Object.fromEntries(Object.entries(spec.traitTargets).filter(([k]) => k !== key));
  return { ...spec, traitTargets, requirements: [...(spec.requirements ?? []), requestedSentence(key, target)] };
}
