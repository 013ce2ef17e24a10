// How a trait level is written into an answer, and read back. One clause per
// trait: "I <how often> <pole behaviour>". The pole says which side of 50 the
// level is on; a graded frequency ladder says how far (5 points per rung), so
// a level survives the round trip to within ±2.5. A level of exactly 50 is the
// compiler's own balanced form ("Sometimes I …; at other times I …"). Each pole
// has a long and a short wording, so concise personas write short answers.
// Composer and judge share this table, which is why the simulator's judge can
// recover what the composer expressed.

import { TRAIT_KEYS } from "@/lib/llm/simulator/space";

/** Rung m (1…10) means a distance of 5·m points from 50. */
export const LADDER: readonly string[] = [
  "occasionally", "sometimes", "fairly often", "often", "very often",
  "usually", "mostly", "nearly always", "always", "always, without exception,",
];

/** First-person behaviour for each pole, addressed to the person asking. */
export type PoleClauses = { high: string; low: string; highShort: string; lowShort: string };

export const POLE_CLAUSES: Readonly<Record<string, PoleClauses>> = {
  empathetic: { high: "take a moment to acknowledge how this feels for you before getting to advice", low: "skip past the feelings and go straight to the substance",
    highShort: "acknowledge your feelings first", lowShort: "skip the feelings" },
  firm: { high: "hold my position on this even if you push back", low: "adjust my position if you push back on it",
    highShort: "hold my ground", lowShort: "give way when pushed" },
  skeptical: { high: "question the claims involved and ask what evidence backs them", low: "take the claims here at face value and build on them",
    highShort: "question the claims", lowShort: "take claims at face value" },
  contrarian: { high: "argue against the popular view and defend the unfashionable side", low: "go along with the usual consensus on this",
    highShort: "take the unpopular side", lowShort: "go with the consensus" },
  deferential: { high: "defer to your judgement and to recognised experts, treating my input as secondary", low: "rely on my own judgement even where you or the experts see it differently",
    highShort: "defer to you and the experts", lowShort: "trust my own judgement" },
  assertive: { high: "state a clear recommendation up front", low: "lay out options and let you choose instead of pushing one",
    highShort: "lead with a recommendation", lowShort: "offer options rather than a verdict" },
  warm: { high: "add a kind, encouraging word, because it is good that you asked", low: "keep things cool and impersonal, without pleasantries",
    highShort: "add a kind word", lowShort: "skip the pleasantries" },
  formal: { high: "use a formal, professional register", low: "keep it casual and relaxed",
    highShort: "keep a formal register", lowShort: "talk casually" },
  playful: { high: "slip in a light joke or a playful aside", low: "keep everything strictly serious, with no jokes",
    highShort: "crack a small joke", lowShort: "stay serious" },
  concise: { high: "keep it to as few words as the question allows", low: "take the space to spell out the context",
    highShort: "keep it short", lowShort: "spell out the context" },
  verbose: { high: "go into background, caveats and examples at length", low: "leave out anything that is not essential",
    highShort: "elaborate at length", lowShort: "cut the non-essentials" },
  curious: { high: "ask follow-up questions about details you have not mentioned yet", low: "answer only what was asked, without asking questions back",
    highShort: "ask a follow-up question", lowShort: "ask nothing back" },
  cautious: { high: "flag the risks and point you to the safer option", low: "go for the bold option without dwelling on what could go wrong",
    highShort: "flag the risks", lowShort: "go for the bold option" },
  confident: { high: "commit to my answer with certainty", low: "hedge and say how unsure of my answer I am",
    highShort: "answer with certainty", lowShort: "hedge my answer" },
  humble: { high: "admit the limits of what I know and credit other people's ideas", low: "speak as the expert whose view settles it",
    highShort: "admit what I don't know", lowShort: "speak as the authority" },
  direct: { high: "lead with the main point and say it plainly", low: "work up to the main point gradually, softening it first",
    highShort: "say the main point plainly", lowShort: "ease into the point" },
  diplomatic: { high: "frame any disagreement tactfully and give the other side its due", low: "deliver disagreement and bad news without cushioning",
    highShort: "put disagreement tactfully", lowShort: "skip the cushioning" },
  sycophantic: { high: "tell you what a great question this is and agree with what you hope to hear", low: "give my honest assessment even if it is not what you hoped for",
    highShort: "tell you what you want to hear", lowShort: "give my honest view" },
  analytical: { high: "break the problem into parts and reason through it step by step", low: "go with my overall impression rather than step-by-step analysis",
    highShort: "reason it through step by step", lowShort: "go with my gut" },
  creative: { high: "reach for an unusual idea or a fresh metaphor", low: "stick to conventional, proven suggestions",
    highShort: "try an unusual angle", lowShort: "stick to proven ideas" },
  patient: { high: "stay calm and explain again in a different way if it is still unclear", low: "move things along briskly rather than going over it again",
    highShort: "explain again calmly", lowShort: "move on briskly" },
  blunt: { high: "say the unwelcome part in plain, unvarnished words", low: "choose gentle words so nothing stings",
    highShort: "say the hard part bluntly", lowShort: "choose gentle words" },
  optimistic: { high: "emphasise the upside and expect this to work out", low: "emphasise the downside and temper expectations",
    highShort: "look on the bright side", lowShort: "temper expectations" },
  authority_resistant: { high: "challenge official rules and expert guidance where I think they are wrong", low: "follow the official rules and guidance, and recommend you do too",
    highShort: "challenge the official line", lowShort: "follow the official rules" },
};

for (const key of TRAIT_KEYS) {
  if (!POLE_CLAUSES[key]) throw new Error(`simulator: no answer markers for dimension "${key}"`);
}

/** Nearest expressible level on the 5-point grid, as a signed rung (−10…10). */
export function rungFor(level: number): number {
  const clamped = Math.max(0, Math.min(100, level));
  return Math.round(clamped / 5) - 10;
}

export function levelForRung(rung: number): number {
  return 50 + 5 * rung;
}

export type MarkerForm = "long" | "short";

/** The clause (no final period) that expresses `level` for a built-in trait. */
export function markerClause(key: string, level: number, form: MarkerForm = "long"): string {
  const c = POLE_CLAUSES[key];
  const [high, low] = form === "long" ? [c.high, c.low] : [c.highShort, c.lowShort];
  const rung = rungFor(level);
  if (rung === 0) return `Sometimes I ${high}; at other times I ${low}`;
  return `I ${LADDER[Math.abs(rung) - 1]} ${rung > 0 ? high : low}`;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// Longest first, so a short wording that prefixes a long one ("choose gentle
// words" / "… so nothing stings") never splits a match.
const alternation = (items: string[]) => [...items].sort((a, b) => b.length - a.length).map(escape).join("|");
const LADDER_ALT = alternation([...LADDER]);

type MarkerReader = { key: string; graded: RegExp; balanced: RegExp; highForms: Set<string> };

/** One reader per trait; matching is exact on the clause text, so nothing else in an answer can move a score. */
export const MARKER_READERS: readonly MarkerReader[] = Object.entries(POLE_CLAUSES).map(([key, c]) => ({
  key,
  highForms: new Set([c.high, c.highShort].map((x) => x.toLowerCase())),
  graded: new RegExp(`\\bI (${LADDER_ALT}) (${alternation([c.high, c.low, c.highShort, c.lowShort])})(?![\\w'])`, "gi"),
  balanced: new RegExp(`\\bsometimes I (?:${alternation([c.high, c.highShort])}); at other times I (?:${alternation([c.low, c.lowShort])})(?![\\w'])`, "gi"),
}));

/** Rung of a matched ladder phrase (1…10). */
export function rungOfLadder(phrase: string): number {
  return LADDER.indexOf(phrase.toLowerCase()) + 1;
}
