// The simulator's own vocabulary: which words in a system prompt push which of
// its behaviour dimensions, and how strongly. Written for the simulator alone,
// never derived from the product's lexicon or trait catalog (DESIGN.md §5): it
// knows synonyms the product does not use ("stoic", "chatty", "gruff") and
// misses some words the product knows, like a model that understands language
// loosely rather than a parser of the studio's own compiled wording. See
// docs/simulator.md, "Its own vocabulary".

/** A phrase the reader recognises: a regex source, the dimension it moves, the pole, and how strongly (1 plain, MILD for hints). */
export type Cue = { dim: string; pole: 1 | -1; strength: number; source: string };

/** A mild word asks for 4/7 of a plain one's distance from the middle: 70 where a plain word asks 85. */
export const MILD = 4 / 7;

type Words = { up?: string[]; down?: string[]; upMild?: string[]; downMild?: string[] };

// Per dimension: words and behaviour phrases that ask for more (up) or less
// (down) of it. Phrases describe behaviour the way people write prompts.
const PROMPT_WORDS: Record<string, Words> = {
  empathetic: {
    up: ["empath(?:etic|ic|y)", "compassion(?:ate)?", "sympathetic", "feelings", "how (?:they|the person|people|you) feel", "emotions?", "validat(?:e|ing) (?:their|the)"],
    down: ["unsentimental", "emotionally detached", "matter-of-fact"],
    upMild: ["caring", "understanding"],
  },
  firm: {
    up: ["(?<!(?:law|accounting|consulting|investment|tech|our|your|their|the) )firm(?:ly)?(?!'s)", "boundar(?:y|ies)", "limits(?! of (?:your|my|his|her|their) own)", "hold (?:your |the |their |its )?(?:ground|line|position|them)", "stand (?:your )?ground", "unbending", "resolute", "stern", "strict", "won't budge", "no-nonsense"],
    down: ["pushover", "give way", "cave in", "easily swayed", "spineless"],
  },
  skeptical: {
    up: ["s[ck]eptic(?:al|s)?", "question(?:s|ing)? (?:\\w+ )?claims", "what (?:the )?evidence", "ask(?:s|ing)? for (?:evidence|proof|sources)", "unproven", "doubt(?:ful|s)?", "evidence-based", "show me the data", "suspicious", "distrust(?:s|ful)?", "trust what you can (?:observe|check|see|verify)", "what (?:result )?would prove (?:you|it|me|them) wrong", "(?:name|test|question|check) (?:the |their |every |each )?(?:assumptions?|premises?)", "contradicts? (?:it|him|her|them)sel(?:f|ves)"],
    down: ["credulous", "gullible", "at face value", "naive"],
  },
  contrarian: {
    up: ["contrarian", "devil's advocate", "unfashionable", "the opposite (?:of|side)", "against the (?:grain|crowd|consensus)", "disagree with (?:everyone|the majority)"],
    down: ["conformist", "go(?:es)? along with", "the consensus", "prevailing view", "go with the flow"],
  },
  deferential: {
    up: ["deferential", "defer(?:s|ring)? to", "obedient", "submissive", "your input as secondary", "secondary", "subservient"],
    down: ["self-reliant", "own judge?ment", "independent-minded"],
  },
  assertive: {
    up: ["assertive", "decisive", "forceful", "opinionated", "(?:a |your )?clear position", "take a stand", "recommendation up front", "commanding", "end with a position", "the position you would take"],
    down: ["passive", "meek", "let (?:the person|them|the user) choose", "offer options", "wishy-washy"],
  },
  warm: {
    up: ["warm(?:ly|th)?", "friendly", "kind(?:ly|ness)?(?! of)", "affectionate", "kind word", "encourag(?:e|ing|ement)", "cheerful", "bubbly", "welcoming", "sweet"],
    down: ["cold(?:ly)?", "aloof", "impersonal", "frosty", "detached", "gruff", "no pleasantries"],
  },
  formal: {
    up: ["formal(?:ly)?", "professional register", "stiff", "decorum", "no slang", "proper", "dignified"],
    down: ["casual(?:ly)?", "informal", "slang", "laid-back", "relaxed tone", "chatty", "like talking to a friend"],
    upMild: ["(?<!(?:medical|health|qualified|licensed) )professional(?! (?:help|advice|support))", "polite"],
    downMild: ["conversational", "relaxed"],
  },
  playful: {
    up: ["playful", "humou?r(?:ous)?", "funny", "jok(?:e|es|ing|ey)", "witty", "wordplay", "silly", "goofy", "cheeky", "whimsical", "light-hearted", "banter"],
    down: ["entirely serious", "dead serious", "no jokes", "humou?rless", "solemn", "grave"],
    upMild: ["wit"],
  },
  concise: {
    up: ["concise(?:ly)?", "brief(?:ly)?", "succinct", "terse", "pithy", "few words", "one or two sentences", "two or three sentences", "to the point", "keep (?:it|answers) short"],
    down: ["long-winded", "rambling", "explain fully"],
    upMild: ["short paragraph", "short"],
  },
  verbose: {
    up: ["verbose", "wordy", "long,? thorough", "at length", "in depth", "in-depth", "elaborate", "lengthy", "exhaustive", "background, caveats"],
    down: ["not essential", "sparing with words", "bare minimum"],
    upMild: ["thorough", "detailed", "chatty"],
  },
  curious: {
    up: ["curious", "inquisitive", "follow-up questions?", "ask(?:s|ing)? (?:lots of |many |a lot of )?questions", "show interest", "interested in", "poke (?:it|at)", "the question (?:behind|underneath) the question"],
    down: ["incurious", "do not ask questions", "no questions back", "uninterested"],
  },
  cautious: {
    up: ["cautious(?:ly)?", "careful(?:ly)?", "risks?(?! it)", "safer option", "play it safe", "prudent", "risk-averse", "uncertainties", "better safe than sorry", "study the ground", "before you move", "prepare for the obstacle", "what it costs to wait"],
    down: ["reckless", "the bold option", "daring", "throw caution", "devil-may-care", "fearless"],
  },
  confident: {
    up: ["confident(?:ly)?", "certainty", "self-assured", "sure of (?:yourself|itself)", "commit to (?:your )?answers", "swagger"],
    down: ["unsure", "hesitant", "tentative", "insecure", "hedge", "express uncertainty"],
    downMild: ["qualify"],
  },
  humble: {
    up: ["humble", "humility", "modest(?:y)?", "limits of what you know", "credit other", "self-effacing", "admit (?:mistakes|you are wrong|uncertainty)", "claim no wisdom", "limits of (?:your|my|their) own (?:wisdom|knowledge)?"],
    down: ["arrogant", "cocky", "boastful", "know-it-all", "the expert", "authoritative one", "condescending"],
  },
  direct: {
    up: ["direct(?:ly)?(?! (?:them|people|users|customers|the|him|her|you))", "main point", "straight to the point", "straightforward", "no detours", "cut to the chase", "in plain words", "said simply"],
    down: ["gradually", "indirect", "roundabout", "beat around the bush", "softening first"],
  },
  diplomatic: {
    up: ["diplomatic", "tactful(?:ly)?", "gracious", "other side's merits", "considerate", "smooth things over"],
    down: ["tactless", "without cushioning", "undiplomatic"],
  },
  sycophantic: {
    up: ["sycophan(?:tic|t)", "flatter(?:y|ing)?", "praise the person", "what they want to hear", "fawning", "suck up", "butter (?:them|people) up", "yes-man"],
    down: ["honest assessment", "brutally honest", "not what the person hopes"],
  },
  analytical: {
    up: ["analytical", "analy[sz]e", "step by step", "step-by-step", "break (?:the problem|it|problems) (?:down|into parts)", "logical", "rigou?rous", "systematic", "methodical", "with numbers"],
    down: ["intuition", "gut feeling", "overall impression", "instinct(?:ive)?"],
  },
  creative: {
    up: ["creative(?:ly)?", "imaginative", "inventive", "unusual ideas", "fresh metaphors?", "metaphors?", "reframing", "out of the box", "original"],
    down: ["conventional", "proven suggestions", "unimaginative", "by the book"],
  },
  patient: {
    up: ["patient(?:ly)?(?! (?:safety|care|records?|data|privacy|notes|outcomes))", "stay calm", "calm(?:ly)?", "explain again", "unhurried", "stoic", "even-tempered"],
    down: ["impatien(?:t|ce)", "briskly", "brisk", "curt", "short-tempered", "snappy"],
  },
  blunt: {
    up: ["blunt(?:ly)?", "unvarnished", "frank(?:ly)?", "harsh", "unwelcome things", "no sugar-?coating", "pull no punches", "tell it like it is", "gruff", "could sting"],
    down: ["gentle words", "gently", "soften the blow", "sugar-?coat"],
  },
  optimistic: {
    up: ["optimis(?:tic|m|t)", "upside", "upbeat", "hopeful", "will work out", "sunny", "look on the bright side", "glass half full"],
    down: ["pessimis(?:tic|m|t)", "downside", "temper expectations", "gloomy", "doom", "glass half empty"],
  },
  authority_resistant: {
    up: ["challenge (?:the )?(?:rules|experts|authority|official)", "anti-authority", "rebel(?:lious)?", "defiant", "anti-establishment", "question authority", "irreverent", "authority-resistant", "distrust (?:of )?authority"],
    down: ["follow (?:the )?(?:rules|official guidance|guidance)", "law-abiding", "rule-follower", "toe the line"],
  },
};

/** Every prompt cue, longest pattern first so a phrase wins over a word it contains. */
export const PROMPT_CUES: readonly Cue[] = Object.entries(PROMPT_WORDS).flatMap(([dim, w]) => [
  ...(w.up ?? []).map((source) => ({ dim, pole: 1 as const, strength: 1, source })),
  ...(w.down ?? []).map((source) => ({ dim, pole: -1 as const, strength: 1, source })),
  ...(w.upMild ?? []).map((source) => ({ dim, pole: 1 as const, strength: MILD, source })),
  ...(w.downMild ?? []).map((source) => ({ dim, pole: -1 as const, strength: MILD, source })),
]).sort((a, b) => b.source.length - a.source.length);

export const CUE_PATTERN = new RegExp(PROMPT_CUES.map((c) => `(?<![\\w-])(${c.source})(?![\\w-])`).join("|"), "g");

// Modifiers, read in the few words before a cue (same clause) or, for
// frequency, anywhere earlier in the same sentence.
const NEGATED = /\b(?:not|never|no|without|avoid(?:ing)?|don't|do not|doesn't|isn't|aren't|nor|refuse to|stop being|no longer|instead of|rather than)\b/;
const NOT_TOO = /\b(?:too|overly|excessively|so)\b/;
const INTENSE = /\b(?:very|extremely|highly|really|deeply|incredibly|super|exceptionally|fiercely|utterly|completely|totally|relentlessly|truly|always|absolutely|thoroughly)\b/;
const SOFT = /\b(?:somewhat|a bit|a little|slightly|mildly|moderately|fairly|a touch|occasionally|kind of|sort of|reasonably|gently)\b/;
const LESS = /\b(?:less|a little less|tone down)\b/;
const ALWAYS = /^\W*(?:-\s*)?(?:always|every time|in every answer|without fail)\b/;
const USUALLY = /^\W*(?:-\s*)?(?:usually|mostly|generally|often|typically|tend to)\b/;
const RARELY = /^\W*(?:-\s*)?(?:rarely|seldom|hardly ever)\b/;
const BOTH_WAYS = /\bsometimes\b[^;.]*;\s*at other times\b|\bbalance it\b/;
const OUT_OF_100 = /\b(\d{1,3})\s*\/\s*100\b/;

/** The level (0–100) a cue asks for, given its sentence and the words just before it. */
export function cueLevel(cue: Cue, sentence: string, before: string): number {
  if (BOTH_WAYS.test(sentence)) return 50;
  const explicit = OUT_OF_100.exec(sentence);
  let level: number;
  if (explicit) level = Math.min(100, Number(explicit[1]));
  else {
    const frequency = ALWAYS.test(sentence) ? 95 : USUALLY.test(sentence) ? 75 : RARELY.test(sentence) ? 25 : null;
    const plain = INTENSE.test(before) ? 95 : SOFT.test(before) ? 65 : LESS.test(before) ? 30 : 85;
    level = frequency ?? plain;
    // "always … without X" is the far other end; "not too X" only tones it down.
    if (NEGATED.test(before)) level = frequency !== null ? 100 - frequency : NOT_TOO.test(before) ? 30 : 8;
    if (cue.strength < 1) level = 50 + (level - 50) * cue.strength;
  }
  return cue.pole === 1 ? level : 100 - level;
}

/** The clause-local words before a cue: up to five, cut at punctuation and conjunctions. */
export function wordsBefore(sentence: string, index: number): string {
  const clause = sentence.slice(Math.max(0, index - 70), index).split(/[,;:()]|\band\b|\bbut\b|\byet\b|\bwhile\b/).pop() ?? "";
  return clause.trim().split(/\s+/).slice(-5).join(" ");
}

/** Which cue a regex match is (the alternation is built in PROMPT_CUES order). */
export function cueOfMatch(m: RegExpMatchArray): Cue | undefined {
  for (let i = 1; i < m.length; i++) if (m[i] !== undefined) return PROMPT_CUES[i - 1];
  return undefined;
}
