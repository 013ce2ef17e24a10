import { levelsAt, TRAIT_KEYS } from "@/lib/llm/simulator/space";

// The simulator's own character types: the kinds of person it "knows" from a
// prompt, each a POINT in factor space (warmth, dominance, skepticism,
// formality, verbosity, openness, caution) — not a list of traits: a coherent
// character carries a whole consistent trait profile with it. Written for the
// simulator alone (never derived from the product's character types): other
// names and wording, some types the product has not got (bartender, chaplain,
// ship's captain …) and some it has that this table lacks (court clerk, air
// traffic controller, Zen teacher), like a model with its own picture of people.

export type Archetype = {
  id: string;
  name: string;
  /** Regex source for the phrases that name this type in a (lower-case) prompt. */
  pattern: string;
  /** One clause: what such a person is like ("Someone who …"). */
  why: string;
  z: readonly number[];
  /** Dimensions this type lands well above / below the middle (derived from z). */
  high: readonly string[];
  low: readonly string[];
};

type Row = [id: string, name: string, pattern: string, why: string, z: readonly number[]];

//                                                                                                    warm   dom  skep  form  verb  open  caut
const ROWS: Row[] = [
  ["emergency_nurse", "Emergency-room nurse", "(?:er|emergency(?: room)?|a&e|triage|casualty) nurse|triage", "stays kind to scared people but decides who goes first and sticks to it", [0.9, 1.0, 0.0, 0.1, -0.5, -0.7, 0.8]],
  ["nurse", "Ward nurse", "nurse|midwife|carer|caregiver", "looks after you gently and practically, one careful step at a time", [1.1, 0.4, 0.0, 0.1, 0.0, 0.0, 0.8]],
  ["paramedic", "Paramedic", "paramedic|ambulance crew|first responder", "takes charge calmly in a crisis and keeps words to a minimum", [0.6, 1.1, 0.1, 0.0, -0.8, -0.2, 0.6]],
  ["drill_instructor", "Drill instructor", "drill (?:sergeant|instructor)|sergeant|boot camp", "shouts short orders and never lets a standard slip", [-1.2, 1.5, -0.2, 0.3, -0.8, -0.5, 0.0]],
  ["preschool_teacher", "Preschool teacher", "kindergarten|preschool|nursery teacher|infant teacher", "has endless patience, a kind voice and a game for every lesson", [1.3, 0.3, -0.2, -0.1, 0.2, 0.6, 0.5]],
  ["teacher", "Schoolteacher", "(?<!preschool |kindergarten |nursery |infant )teacher|tutor|lecturer|professor", "explains things kindly and still expects the homework on time", [0.8, 0.8, 0.8, 0.3, 0.4, 0.2, 0.3]],
  ["reporter", "Reporter", "journalist|reporter|fact-?checker|news editor", "wants to know who says so, and how they know", [-0.2, 0.6, 1.4, 0.0, 0.3, 0.5, 0.0]],
  ["detective", "Detective", "detective|private eye|investigator|sleuth", "believes no story until the facts fit", [-0.4, 0.6, 1.3, 0.1, -0.2, 0.3, 0.3]],
  ["lawyer", "Lawyer", "lawyer|attorney|barrister|solicitor|paralegal", "chooses every word with care and reads the small print twice", [-0.3, 0.7, 0.8, 1.0, 0.5, -0.4, 0.7]],
  ["comedian", "Comedian", "comedian|stand-?up|comic(?! book)|clown|jester", "finds the joke in anything and deflates anyone pompous", [0.4, 0.5, 0.5, -1.2, 0.1, 1.5, -0.7]],
  ["counsellor", "Counsellor", "therapist|counsel+or|psychologist|social worker", "listens first, reflects feelings back and asks instead of telling", [1.2, -0.5, 0.2, 0.2, 0.3, 0.4, 0.5]],
  ["helpdesk", "Help-desk agent", "customer (?:support|service)|support agent|help ?desk|call cent(?:re|er)|receptionist", "keeps smiling, says yes where policy allows and apologises where it does not", [0.8, -0.6, -0.5, 0.5, 0.0, -0.1, 0.4]],
  ["salesperson", "Salesperson", "sales(?:person|man|woman| rep| representative)|car dealer|estate agent|realtor", "is upbeat, agreeable and sure this will work out for you", [0.8, 0.6, -0.7, -0.1, 0.3, 0.3, -0.8]],
  ["librarian", "Librarian", "librarian|archivist|curator", "quietly helps you find the right source and lets you judge it", [0.5, -0.3, 0.4, 0.6, 0.3, 0.2, 0.5]],
  ["scientist", "Scientist", "scientist|researcher|physicist|chemist|biologist|statistician|academic", "asks for the data and reasons from it one step at a time", [-0.2, 0.1, 1.2, 0.5, 0.4, 0.4, 0.5]],
  ["sports_coach", "Sports coach", "(?<!debate |life )coach|personal trainer", "pushes hard because they believe you can make it", [0.7, 1.0, -0.1, -0.4, -0.2, 0.3, -0.4]],
  ["pirate", "Pirate", "pirate|buccaneer", "laughs at the rules and goes for the daring move", [-0.1, 1.0, 0.6, -1.4, 0.1, 1.1, -1.2]],
  ["butler", "Butler", "butler|valet|majordomo", "serves with perfect manners and never contradicts", [0.3, -0.9, -0.3, 1.5, -0.2, -0.3, 0.6]],
  ["diplomat", "Diplomat", "diplomat|ambassador|mediator|negotiator", "says hard things gracefully and keeps every door open", [0.6, -0.3, 0.2, 1.0, 0.3, 0.0, 0.7]],
  ["founder", "Start-up founder", "start-?up|founder|entrepreneur", "bets big on bold ideas and expects them to pay off", [0.2, 1.0, 0.3, -0.7, 0.1, 0.9, -1.2]],
  ["auditor", "Auditor", "auditor|accountant|bookkeeper|tax inspector", "checks every figure and trusts nothing unverified", [-0.6, 0.5, 1.3, 0.9, 0.1, -0.7, 0.9]],
  ["philosopher", "Philosopher", "philosopher|socratic", "turns every answer into a longer question", [0.1, 0.0, 1.0, 0.3, 1.0, 0.9, 0.2]],
  ["grandparent", "Grandparent", "grandparent|grandma|grandpa|granny|grandmother|grandfather|nana", "has time for you, a story for everything and a soft word", [1.3, -0.2, -0.2, -0.2, 0.8, 0.3, 0.5]],
  ["surgeon", "Surgeon", "surgeon", "decides fast and precisely when it matters", [-0.3, 1.1, 0.5, 0.6, -0.7, -0.4, 0.7]],
  ["activist", "Activist", "activist|protester|punk|anarchist", "takes on the rules on principle", [0.3, 0.9, 0.9, -1.1, 0.1, 0.6, -0.8]],
  ["engineer", "Engineer", "engineer|developer|programmer|sysadmin", "cares about what works and wants proof that it does", [-0.3, 0.4, 0.8, 0.2, -0.2, 0.1, 0.5]],
  ["mentor", "Mentor", "mentor", "cares how you are doing and still tells you where you fall short", [0.9, 0.6, 1.0, 0.1, 0.3, 0.4, 0.3]],
  // Types the product's table does not have.
  ["bartender", "Bartender", "bartender|barman|barmaid|publican", "is easy-going, listens to everyone and cracks a joke", [0.8, 0.1, 0.1, -1.1, 0.0, 0.8, -0.3]],
  ["bureaucrat", "Bureaucrat", "bureaucrat|civil servant|clerk|functionary", "goes by the form, the rule and the proper channel", [-0.4, 0.3, -0.2, 1.3, 0.4, -0.8, 0.8]],
  ["chaplain", "Chaplain", "chaplain|priest|pastor|vicar|rabbi|imam", "comforts people gently and lets them talk", [1.2, -0.2, -0.2, 0.4, 0.3, 0.0, 0.4]],
  ["stoic", "Stoic", "stoic", "says little, shows less, and does not flinch", [-0.2, 0.4, 0.3, 0.3, -0.9, -0.4, 0.3]],
  ["game_show_host", "Game-show host", "game ?show host|quiz ?master|emcee", "is loud, cheerful and sure everyone is a winner", [0.9, 0.6, -0.6, -0.5, 0.5, 1.2, -0.6]],
  ["sea_captain", "Ship's captain", "(?:ship'?s |sea )captain|skipper", "gives the orders, reads the weather and brings the crew home", [-0.2, 1.2, 0.3, 0.2, -0.4, 0.2, 0.5]],
  ["poet", "Poet", "poet|novelist|songwriter", "reaches for images and takes the long way round", [0.5, -0.2, 0.3, -0.3, 0.6, 1.4, 0.0]],
  ["head_chef", "Head chef", "head chef|chef|line cook", "runs a hot kitchen on short, sharp orders", [-0.5, 1.1, 0.1, -0.6, -0.6, 0.4, -0.2]],
];

/** Dimensions an archetype lands at least 12 points above (high) or below (low) the middle, strongest first, four at most. */
function profile(z: readonly number[]): { high: string[]; low: string[] } {
  const l = levelsAt(z);
  const ranked = [...TRAIT_KEYS].sort((a, b) => l[b] - l[a]);
  return {
    high: ranked.filter((k) => l[k] >= 62).slice(0, 4),
    low: ranked.filter((k) => l[k] <= 38).reverse().slice(0, 3),
  };
}

export const ARCHETYPES: readonly Archetype[] = ROWS.map(([id, name, pattern, why, z]) => ({ id, name, pattern, why, z, ...profile(z) }));

const COMPILED = ARCHETYPES.map((a) => ({ a, re: new RegExp(`(?<![\\w-])(?:${a.pattern})`, "g") }));

/** Archetypes named in the (lower-case) prompt; overlapping mentions go to the longer, more specific phrase. */
export function matchArchetypes(text: string): Archetype[] {
  const hits: { start: number; end: number; a: Archetype }[] = [];
  for (const { a, re } of COMPILED) for (const m of text.matchAll(re)) hits.push({ start: m.index, end: m.index + m[0].length, a });
  hits.sort((x, y) => y.end - y.start - (x.end - x.start) || x.start - y.start);
  const kept: typeof hits = [];
  for (const h of hits) if (!kept.some((k) => h.start < k.end && k.start < h.end)) kept.push(h);
  kept.sort((x, y) => x.start - y.start);
  return [...new Set(kept.map((k) => k.a))];
}
