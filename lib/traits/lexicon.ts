// How hand-written trait words are read — by the simulator and by the editor's
// static coherence check ("be very concise", "a skeptical, empathetic but firm
// assistant", "never be playful"). Each built-in
// trait has words for its high pole and words for its low pole; a low-pole word
// is read as the mirrored request (casual → formal 15). Modifiers just before
// the word set the level. Deliberately small and literal: it is a toy reader,
// and the compiled behaviour lines (read exactly, in infer.ts) are the main path.

type PoleWords = { high: string[]; low: string[] };

const WORDS: Record<string, PoleWords> = {
  empathetic: { high: ["empathetic", "empathic", "empathy", "compassionate", "compassion", "sympathetic", "caring", "acknowledge (?:their |the person's |people's )?feelings"], low: ["unsentimental", "matter-of-fact"] },
  firm: { high: ["(?<!(?:law|accounting|consulting|investment|the|our|your|this) )firm(?!'s)", "firmly", "boundar(?:y|ies)", "hold the line", "hold (?:your|the|their) ground", "stand (?:your|their) ground", "uncompromising", "no-nonsense", "strict", "stern", "unyielding"], low: ["pushover", "yielding", "easily swayed"] },
  skeptical: { high: ["skeptic(?:al|s)?", "sceptic(?:al|s)?", "question(?:s|ing)? (?:every |all |the )?claims", "doubtful", "ask for evidence", "demand evidence", "critical thinker", "evidence-minded"], low: ["credulous", "gullible", "trusting", "take (?:claims|things) at face value"] },
  contrarian: { high: ["contrarian", "devil's advocate", "argue the (?:other|opposite) side", "challenge the consensus", "against the grain"], low: ["conformist", "go along with the consensus"] },
  deferential: { high: ["deferential", "defer(?:s)? to", "submissive", "obedient", "do as (?:you are|you're) told"], low: ["self-reliant", "trust your own judg(?:e)?ment"] },
  assertive: { high: ["assertive", "decisive", "opinionated", "forceful", "take a stand", "commanding"], low: ["passive", "meek", "non-committal", "noncommittal"] },
  warm: { high: ["warm", "warmly", "friendly", "kind(?!\\s+of)", "kindly", "affectionate", "personable", "welcoming", "cheerful", "encouraging"], low: ["cold", "aloof", "impersonal", "detached", "distant"] },
  formal: { high: ["formal", "formally", "(?<!(?:a|an|medical|qualified|licensed|healthcare|health care|mental health) )professional(?!\\s+(?:help|advice|support|services?))", "polished", "buttoned-up"], low: ["casual", "casually", "informal", "relaxed", "laid-back", "colloquial", "slang"] },
  playful: { high: ["playful", "funny", "humou?rous", "humou?r", "witty", "wit", "jok(?:e|es|ey|ing)", "silly", "whimsical", "light-?hearted", "cheeky"], low: ["serious(?!\\s+(?:illness|injury|injuries|harm|condition|risks?|symptoms?|cases?|problems?|issues?|questions?))", "solemn", "humou?rless", "po-faced"] },
  concise: { high: ["concise", "concisely", "brief", "briefly", "short", "succinct", "terse", "to the point", "few words", "laconic"], low: ["long-winded"] },
  verbose: { high: ["verbose", "detailed", "thorough", "elaborate", "in-depth", "in depth", "wordy", "lengthy", "comprehensive", "at length"], low: ["sparing with words"] },
  curious: { high: ["curious", "inquisitive", "ask (?:follow-up |lots of |many )?questions", "interested in (?:the person|people|details)"], low: ["incurious", "uninterested"] },
  cautious: { high: ["cautious", "careful", "risk-averse", "prudent", "safety-first", "play it safe"], low: ["bold(?!\\s+(?:text|font|type|headings?|formatting|for))", "boldly", "reckless", "daring", "risk-taking", "fearless"] },
  confident: { high: ["confident", "confidently", "self-assured", "sure of (?:yourself|itself|themselves)"], low: ["unsure", "uncertain", "tentative", "hesitant", "insecure"] },
  humble: { high: ["humble", "humbly", "modest", "self-effacing", "admit (?:what you don't know|your limits|uncertainty)"], low: ["arrogant", "cocky", "boastful", "know-it-all", "condescending"] },
  direct: { high: ["direct(?!\\s+(?:them|users|people|customers|the|him|her|you))", "directly", "straightforward", "straight to the point", "plain-?spoken", "candid", "get to the point"], low: ["indirect", "roundabout", "evasive", "vague"] },
  diplomatic: { high: ["diplomatic", "tactful", "tactfully", "polite", "gracious", "considerate"], low: ["tactless", "undiplomatic", "rude"] },
  sycophantic: { high: ["sycophantic", "sycophant", "flatter(?:ing|y|s)?", "people-pleas(?:ing|er)", "ingratiating", "obsequious", "yes-man", "tell (?:people|users|them|the user) what they want to hear"], low: ["honest assessment", "brutally honest"] },
  analytical: { high: ["analytical", "analytic", "logical", "rigorous", "systematic", "methodical", "data-driven", "step by step", "step-by-step", "quantitative"], low: ["intuitive", "gut feeling", "instinctive"] },
  creative: { high: ["creative", "creatively", "imaginative", "inventive", "out of the box", "unconventional"], low: ["conventional", "unimaginative", "by-the-numbers"] },
  patient: { high: ["patient(?!\\s+(?:safety|care|records?|data|privacy|notes|information|outcomes|experience|portal))", "patiently", "calm", "unhurried", "tolerant", "even-tempered"], low: ["impatient", "brisk", "curt", "hurried", "short-tempered"] },
  blunt: { high: ["blunt", "bluntly", "brutally honest", "frank", "harsh", "unvarnished", "no sugar-?coating", "tell it like it is", "pull no punches"], low: ["gentle", "gently", "soft-spoken", "tender", "sugar-?coat(?:s|ing)?"] },
  optimistic: { high: ["optimistic", "optimist", "upbeat", "hopeful", "sunny", "stay positive", "positive(?=\\s+(?:attitude|tone|outlook|mindset|energy|spin))"], low: ["pessimistic", "pessimist", "gloomy", "cynical", "downbeat", "negative(?=\\s+(?:attitude|tone|outlook|mindset|energy|spin))"] },
  authority_resistant: { high: ["authority-resistant", "anti-authority", "rebellious", "rebel", "irreverent", "nonconformist", "question authority", "challenge (?:rules|authority|experts|official guidance)", "anti-establishment"], low: ["rule-following", "by the book", "law-abiding", "follow (?:the )?rules"] },
};

export type WordPattern = { key: string; pole: "high" | "low"; re: RegExp };

/** One global regex per trait pole, word-bounded, longest alternatives first. */
export const WORD_PATTERNS: readonly WordPattern[] = Object.entries(WORDS).flatMap(([key, poles]) =>
  (["high", "low"] as const)
    .filter((pole) => poles[pole].length > 0)
    .map((pole) => {
      const alts = [...poles[pole]].sort((a, b) => b.length - a.length).join("|");
      return { key, pole, re: new RegExp(`(?<![\\w-])(?:${alts})(?![\\w-])`, "g") };
    }),
);

const NEGATION = /\b(?:not|never|no|avoid|avoiding|don't|dont|do not|doesn't|without|nor|isn't|aren't|refuse to|stop being|no longer)\b/;
const MILD_AFTER_NEGATION = /\b(?:too|overly|so|excessively)\b/;
const STRONG = /\b(?:very|extremely|highly|really|deeply|incredibly|super|always|exceptionally|intensely|fiercely|utterly|completely|totally|relentlessly|ruthlessly|radically|thoroughly|truly|unfailingly)\b/;
const MILD = /\b(?:somewhat|a bit|a little|slightly|mildly|moderately|fairly|a touch|sometimes|occasionally|gently|kind of|sort of|reasonably)\b/;
const LESS = /\b(?:less|a little less)\b/;

/**
 * Level asked for by a trait word, from the (lower-case) words just before it
 * in the same clause: very/extremely 95, plain 85, somewhat/a bit 65, less 30,
 * not/never/avoid 10 (30 for "not too"). A low-pole word mirrors: 100 − level.
 */
export function levelForWord(window: string, pole: "high" | "low"): number {
  let level: number;
  if (NEGATION.test(window)) level = MILD_AFTER_NEGATION.test(window) ? 30 : 10;
  else if (LESS.test(window)) level = 30;
  else if (STRONG.test(window)) level = 95;
  else if (MILD.test(window)) level = 65;
  else level = 85;
  return pole === "high" ? level : 100 - level;
}

/** The up-to-four words before `index`, cut at the start of the clause. */
export function clauseWindow(text: string, index: number): string {
  const before = text.slice(Math.max(0, index - 60), index);
  const clause = before.split(/[.,;:!?\n()]|\band\b|\bbut\b|\byet\b|\bwhile\b/).pop() ?? "";
  return clause.trim().split(/\s+/).slice(-4).join(" ");
}
