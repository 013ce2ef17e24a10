// Small English rules for the sentences the studio writes about a character type:
// "a" or "an", and a type name in running text without losing its acronyms
// ("ER triage nurse" → "an ER triage nurse", never "a er triage nurse").

/** Words that start with a vowel letter but a consonant sound, and the reverse. */
const CONSONANT_SOUND = /^(?:uni(?!n)|use|usu|ura|uro|eu|ewe|one(?![a-z])|once)/i;
const VOWEL_SOUND = /^(?:hour|honest|honou?r|heir)/i;
/** Letters whose spoken name starts with a vowel sound, for acronyms read letter by letter (an MRI, an ER, a UX). */
const VOWEL_LETTER_NAME = /^[AEFHILMNORSX]/;

const isAcronym = (word: string) => /^[A-Z][A-Z0-9&]+s?$/.test(word.replace(/[^A-Za-z0-9&]/g, ""));

/** "a" or "an" for the word a phrase starts with. */
export function indefiniteArticle(phrase: string): "a" | "an" {
  const word = phrase.trim().split(/\s+/)[0] ?? "";
  if (!word) return "a";
  if (isAcronym(word)) return VOWEL_LETTER_NAME.test(word) ? "an" : "a";
  if (VOWEL_SOUND.test(word)) return "an";
  if (CONSONANT_SOUND.test(word)) return "a";
  return /^[aeiou]/i.test(word) ? "an" : "a";
}

/** A type name for the middle of a sentence: lower case except acronyms ("ER triage nurse" stays, "Stand-up comedian" → "stand-up comedian"). */
export function inSentence(name: string): string {
  return name
    .split(/(\s+)/)
    .map((w) => (isAcronym(w) ? w : w.toLowerCase()))
    .join("");
}

export const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "an ER triage nurse", "an investigative journalist", "a paramedic". */
export function withArticle(name: string): string {
  const text = inSentence(name.trim());
  return `${indefiniteArticle(text)} ${text}`;
}

const DETERMINER = /^(?:a|an|the|one|someone|somebody|my|your|our|their|his|her|this|that)(?:\s|$)/i;

/**
 * An archetype as the complement of "You are …": kept as written when it already starts
 * with a determiner ("a veteran …", "The ship's cook" → "the ship's cook"); a bare type
 * gets its article ("Investigative journalist who …" → "an investigative journalist who …");
 * a proper name is left alone ("Sherlock Holmes as an old man").
 */
export function asComplement(archetype: string): string {
  const text = archetype.trim();
  if (!text) return text;
  const [first, second] = text.split(/\s+/);
  if (DETERMINER.test(text)) return isAcronym(first) ? text : first.toLowerCase() + text.slice(first.length);
  const capitalised = /^\p{Lu}/u.test(first) && !isAcronym(first);
  // Two capitalised words in a row read as a name ("Sherlock Holmes", "Captain Ahab").
  if (capitalised && second && /^\p{Lu}/u.test(second)) return text;
  const body = capitalised ? first.toLowerCase() + text.slice(first.length) : text;
  return `${indefiniteArticle(body)} ${body}`;
}
