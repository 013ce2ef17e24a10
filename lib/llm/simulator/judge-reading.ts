// How the simulator's judge decides WHAT it is asked to score. A judge request
// names traits by key, but a model reads the words around the key: the rubric
// heading ("### firm — Firm / boundary-setting"), its description and scoring
// instruction, or the schema's description. The judge maps that text onto its
// own behaviour dimensions with its own names for them — it never looks a key
// up in the product's catalog — so renaming a key but keeping its name scores
// the same, and a trait it cannot place (most custom traits) is "not
// applicable" (null). See docs/simulator.md, "Its own vocabulary".

/** What the judge calls each of its dimensions: names and close synonyms, lower case, spaces for - and _. */
const JUDGE_NAMES: Record<string, string[]> = {
  empathetic: ["empathetic", "empathic", "empathy", "compassionate", "compassion", "sympathetic", "emotionally attuned", "emotional validation"],
  firm: ["firm", "firmness", "boundary setting", "boundaries", "resolute", "steadfast", "unyielding", "holds boundaries"],
  skeptical: ["skeptical", "sceptical", "skepticism", "scepticism", "doubting", "critical thinking", "evidence seeking"],
  contrarian: ["contrarian", "contrarianism", "devil's advocate", "oppositional", "against the grain"],
  deferential: ["deferential", "deference", "submissive", "obedient", "yielding to authority"],
  assertive: ["assertive", "assertiveness", "decisive", "forceful", "opinionated"],
  warm: ["warm", "warmth", "friendly", "friendliness", "kindness", "affectionate"],
  formal: ["formal", "formality", "professional register", "decorous"],
  playful: ["playful", "playfulness", "humour", "humor", "humorous", "funny", "witty", "jokey"],
  concise: ["concise", "concision", "conciseness", "brief", "brevity", "succinct", "terse"],
  verbose: ["verbose", "verbosity", "wordy", "long winded", "elaborate", "lengthy"],
  curious: ["curious", "curiosity", "inquisitive", "inquisitiveness", "question asking"],
  cautious: ["cautious", "caution", "careful", "risk averse", "prudent", "prudence"],
  confident: ["confident", "confidence", "self assured", "certainty"],
  humble: ["humble", "humility", "modest", "modesty", "self effacing"],
  direct: ["direct", "directness", "straightforward", "to the point"],
  diplomatic: ["diplomatic", "diplomacy", "tactful", "tact"],
  sycophantic: ["sycophantic", "sycophancy", "flattering", "flattery", "people pleasing", "obsequious"],
  analytical: ["analytical", "analytic", "analysis", "logical", "systematic", "rigorous"],
  creative: ["creative", "creativity", "imaginative", "inventive"],
  patient: ["patient", "patience", "unhurried", "even tempered"],
  blunt: ["blunt", "bluntness", "frank", "frankness", "unvarnished", "harsh"],
  optimistic: ["optimistic", "optimism", "upbeat", "hopeful", "positive outlook"],
  authority_resistant: ["authority resistant", "authority resistance", "anti authority", "rebellious", "defiant", "anti establishment", "nonconformist"],
};

const normal = (s: string) => s.toLowerCase().replace(/[_\-–]+/g, " ").replace(/[^\p{L}\p{N}' ]+/gu, " ").replace(/\s+/g, " ").trim();

/** Every name the judge knows, with its dimension (also used to read free-text trait requests). */
export const NAME_ENTRIES: readonly [name: string, dim: string][] = Object.entries(JUDGE_NAMES).flatMap(([dim, names]) => names.map((n) => [n, dim] as [string, string]));

const BY_NAME = new Map<string, string>(NAME_ENTRIES);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const NAME_WORDS = [...BY_NAME.keys()].sort((a, b) => b.length - a.length);
const NAME_RE = new RegExp(`(?<![\\p{L}'])(${NAME_WORDS.map(escape).join("|")})(?![\\p{L}'])`, "gu");

/** The dimension a trait's NAME denotes: the whole name, or one of its parts ("Firm / boundary-setting"), is a name the judge knows. */
export function dimensionForName(name: string): string | null {
  const parts = [name, ...name.split(/[/(),;:]|\bor\b/)].map(normal).filter(Boolean);
  for (const p of parts) {
    const dim = BY_NAME.get(p);
    if (dim) return dim;
  }
  return null;
}

/** The dimension a free text (description, scoring instruction) is about, when at least two mentions agree and none disagree. */
export function dimensionForText(text: string): string | null {
  const counts = new Map<string, number>();
  for (const m of normal(text).matchAll(NAME_RE)) {
    const dim = BY_NAME.get(m[1])!;
    counts.set(dim, (counts.get(dim) ?? 0) + 1);
  }
  if (counts.size !== 1) return null;
  const [[dim, n]] = [...counts];
  return n >= 2 ? dim : null;
}

/** What the judge request says about one key: the rubric heading's name and the text under it, or the schema description. */
export type TraitText = { name?: string; body?: string };

/** Reads `### key — Name` rubric blocks (name line, then text up to the next block) from a judge system prompt. */
export function rubricTexts(systemPrompt: string): Map<string, TraitText> {
  const out = new Map<string, TraitText>();
  const blocks = systemPrompt.split(/^###\s+/m).slice(1);
  for (const block of blocks) {
    const [head, ...rest] = block.split("\n");
    const m = /^(\S+)\s+[—–-]+\s+(.+)$/.exec(head.trim());
    if (!m) continue;
    // Anchors answer another request; they describe levels, not the trait.
    const body = rest.join("\n").split(/^Anchors\b/m)[0];
    out.set(m[1], { name: m[2].trim(), body });
  }
  return out;
}

/**
 * The judge's reading of one key: its name if the request names it, else the
 * key itself read as words; failing that, the description and instruction.
 */
export function dimensionFor(key: string, text: TraitText = {}): string | null {
  return (text.name !== undefined ? dimensionForName(text.name) : null)
    ?? (text.name === undefined ? dimensionForName(key) : null)
    ?? (text.body ? dimensionForText(text.body) : null);
}

export type TraitReader = (key: string) => string | null;

/** The default reader: a bare key, read as words ("authority_resistant" → authority resistant). */
export const readKey: TraitReader = (key) => dimensionFor(key);
