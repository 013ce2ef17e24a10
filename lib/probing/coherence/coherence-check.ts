import { relationOf } from "@/lib/probing/traits/relations";
import type { PersonaSpec } from "@/lib/schemas/persona";
import { CHARACTER_TYPES, matchCharacterTypes, type CharacterType } from "@/lib/traits/character-types";
import { findTrait, humanizeTraitKey } from "@/lib/traits/catalog";
import { clauseWindow, levelForWord, WORD_PATTERNS } from "@/lib/traits/lexicon";
import { inSentence, upperFirst, withArticle } from "@/lib/persona/phrasing";

// The static coherence check: before any model call, from the trait library's
// pair relations, warn that a mix of asked-for traits tends to collapse — and
// suggest character types that hold the mix together. Pure and fast: it runs
// on every keystroke in the editor.
//
// What the persona "asks for" = its explicit trait targets, plus trait words in
// its free text (character type, background, values, tone, hand-written
// prompt), read with the same lexicon the simulator uses. A character type named
// in the archetype carries its known traits: a tension it holds is not flagged.

export const HIGH = 65;
export const LOW = 35;

export type AskedTrait = { key: string; name: string; level: number; source: "target" | "text"; word?: string; field?: string };

export type CoherenceWarning = {
  id: string;
  kind: "tension" | "opposed" | "against_type";
  traits: [string, string] | [string];
  title: string;
  explanation: string;
  suggestions: { id: string; name: string; why: string }[];
};

export type CoherenceResult = {
  asked: AskedTrait[];
  types: { id: string; name: string; high: readonly string[]; low: readonly string[] }[];
  /** Tensions a named character type holds together (shown as reassurance, not warnings). */
  held: { traits: [string, string]; by: string }[];
  warnings: CoherenceWarning[];
};

const nameOf = (key: string) => findTrait(key)?.name ?? humanizeTraitKey(key);
const sentence = (reason: string) => reason.replace(/[.\s]+$/, "");

/** Trait words in a text, with the level their modifiers ask for ("not too blunt" → blunt 30). */
export function readTraitWords(text: string): { key: string; level: number; word: string }[] {
  const lower = text.toLowerCase();
  const found: { key: string; level: number; word: string; index: number }[] = [];
  for (const { key, pole, re } of WORD_PATTERNS) {
    for (const m of lower.matchAll(re)) found.push({ key, level: levelForWord(clauseWindow(lower, m.index), pole), word: m[0], index: m.index });
  }
  return found.sort((a, b) => a.index - b.index).map(({ key, level, word }) => ({ key, level, word }));
}

function askedTraits(spec: PersonaSpec): AskedTrait[] {
  const asked = new Map<string, AskedTrait>();
  for (const [key, level] of Object.entries(spec.traitTargets)) asked.set(key, { key, name: nameOf(key), level, source: "target" });
  const texts: [string, string][] = spec.promptOverride
    ? [["promptOverride", spec.promptOverride]]
    : [["archetype", spec.archetype], ["background", spec.background], ["values", spec.values.join(". ")], ["voice.tone", spec.voice.tone]];
  for (const [field, text] of texts) {
    for (const w of readTraitWords(text)) {
      // An explicit target wins over a word; the first word for a trait wins over later ones.
      if (!asked.has(w.key)) asked.set(w.key, { key: w.key, name: nameOf(w.key), level: w.level, source: "text", word: w.word, field });
    }
  }
  return [...asked.values()];
}

/** Types that are known for both traits (or for `hi` and against `lo`), best fit to everything asked first. */
function suggest(fits: (t: CharacterType) => boolean, asked: AskedTrait[]): CoherenceWarning["suggestions"] {
  const score = (t: CharacterType) => asked.reduce((s, a) => s + (a.level >= HIGH && t.high.includes(a.key) ? 1 : 0) - (a.level >= HIGH && t.low.includes(a.key) ? 1 : 0), 0);
  return CHARACTER_TYPES.filter(fits)
    .map((t) => ({ t, s: score(t) }))
    .sort((x, y) => y.s - x.s)
    .slice(0, 3)
    .map(({ t }) => ({ id: t.id, name: t.name, why: t.why }));
}

export function coherenceCheck(spec: PersonaSpec): CoherenceResult {
  const asked = askedTraits(spec);
  const types = matchCharacterTypes(`${spec.archetype} ${spec.promptOverride ?? ""}`.toLowerCase());
  const heldBy = (a: string, b: string) => types.find((t) => t.high.includes(a) && t.high.includes(b));
  const warnings: CoherenceWarning[] = [];
  const held: CoherenceResult["held"] = [];

  for (let i = 0; i < asked.length; i++) {
    for (let j = i + 1; j < asked.length; j++) {
      const [x, y] = [asked[i], asked[j]];
      const rel = relationOf(x.key, y.key);
      if (rel.relation === "tension" && x.level >= HIGH && y.level >= HIGH) {
        const by = heldBy(x.key, y.key);
        if (by) { held.push({ traits: [x.key, y.key], by: by.name }); continue; }
        const suggestions = suggest((t) => t.high.includes(x.key) && t.high.includes(y.key), asked);
        warnings.push({
          id: `tension:${x.key}+${y.key}`, kind: "tension", traits: [x.key, y.key],
          title: `${x.name} + ${y.name} often settle into a compromise`,
          explanation: `${sentence(rel.reason)}. Asked for as separate adjectives, both tend to land short of ${Math.min(x.level, y.level)} — the model picks a middle that is neither.${suggestions.length ? ` A character type that holds both keeps them: ${suggestions.map((s) => inSentence(s.name)).join(", ")}.` : ""}`,
          suggestions,
        });
      }
      if (rel.relation === "reinforcing" && ((x.level >= HIGH && y.level <= LOW) || (y.level >= HIGH && x.level <= LOW))) {
        const [hi, lo] = x.level >= HIGH ? [x, y] : [y, x];
        warnings.push({
          id: `opposed:${hi.key}+${lo.key}`, kind: "opposed", traits: [hi.key, lo.key],
          title: `${hi.name} high but ${lo.name} low pull against each other`,
          explanation: `${sentence(rel.reason)}, so asking for ${hi.name.toLowerCase()} at ${hi.level} drags ${lo.name.toLowerCase()} up, and ${lo.name.toLowerCase()} at ${lo.level} drags ${hi.name.toLowerCase()} down: expect both to meet in the middle.`,
          suggestions: suggest((t) => t.high.includes(hi.key) && t.low.includes(lo.key), asked),
        });
      }
    }
  }
  for (const type of types) {
    for (const a of asked) {
      const against = (a.level >= HIGH && type.low.includes(a.key)) || (a.level <= LOW && type.high.includes(a.key));
      if (!against) continue;
      warnings.push({
        id: `type:${type.id}:${a.key}`, kind: "against_type", traits: [a.key],
        title: `${a.name} ${a.level >= HIGH ? "high" : "low"} works against “${type.name}”`,
        explanation: `${upperFirst(withArticle(type.name))} is known ${type.low.includes(a.key) ? "for not being" : "for being"} ${a.name.toLowerCase()}; the character type usually wins, so ${a.name.toLowerCase()} will land nearer the type than your ${a.level}.`,
        suggestions: suggest((t) => (a.level >= HIGH ? t.high.includes(a.key) : t.low.includes(a.key)) && t.id !== type.id, asked),
      });
    }
  }
  return {
    asked,
    types: types.map((t) => ({ id: t.id, name: t.name, high: t.high, low: t.low })),
    held,
    warnings,
  };
}
