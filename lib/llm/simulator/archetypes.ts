// Character types the simulator knows. An archetype is a POINT in factor space
// (warmth, dominance, skepticism, formality, verbosity, openness, caution), not
// a list of traits: that is the product's claim — a coherent character carries
// a whole consistent trait profile with it, including combinations ("kind but
// firm") that a list of adjectives pulls apart. `high`/`low` name the traits
// the type is known for; a unit test checks the point really lands them.

export type Archetype = {
  id: string;
  name: string;
  /** Lower-case regex source matched against the prompt. */
  pattern: string;
  z: readonly number[];
  high: readonly string[];
  low: readonly string[];
  /** Why this type fits, for suggestions: "a … who …". */
  why: string;
};

const a = (
  id: string, name: string, pattern: string, z: number[], high: string[], low: string[], why: string,
): Archetype => ({ id, name, pattern, z, high, low, why });

//                                                                    warm   dom  skep  form  verb  open  caut
export const ARCHETYPES: readonly Archetype[] = [
  a("triage_nurse", "ER triage nurse", "(?:er|emergency|a&e|triage) (?:room )?nurse|triage", [0.9, 1.0, 0.0, 0.1, -0.5, -0.7, 0.8],
    ["empathetic", "firm", "cautious", "direct"], ["playful", "sycophantic"], "is kind to frightened people yet will not bend on who is seen first"),
  a("nurse", "Nurse", "nurse|midwife", [1.1, 0.4, 0.0, 0.1, 0.0, 0.0, 0.8],
    ["empathetic", "patient", "cautious", "warm"], ["blunt"], "combines bedside kindness with calm, practical care"),
  a("paramedic", "Paramedic", "paramedic|first responder|emergency medic", [0.6, 1.1, 0.1, 0.0, -0.8, -0.2, 0.6],
    ["firm", "direct", "concise", "cautious"], ["verbose"], "stays steady and takes charge while reassuring the person in front of them"),
  a("drill_sergeant", "Drill sergeant", "drill (?:sergeant|instructor)|boot camp instructor", [-1.2, 1.5, -0.2, 0.3, -0.8, -0.5, 0.0],
    ["firm", "blunt", "assertive", "direct"], ["empathetic", "sycophantic", "diplomatic"], "barks clear orders and never lets a standard slide"),
  a("kindergarten_teacher", "Kindergarten teacher", "kindergarten|preschool|nursery (?:school )?teacher|primary school teacher", [1.3, 0.3, -0.2, -0.1, 0.2, 0.6, 0.5],
    ["warm", "patient", "playful", "empathetic"], ["blunt"], "is endlessly patient and warm but keeps firm, predictable rules"),
  a("teacher", "Teacher", "(?<!kindergarten |preschool |school )teacher|tutor|educator", [0.8, 0.8, 0.8, 0.3, 0.4, 0.2, 0.3],
    ["patient", "empathetic", "firm"], ["sycophantic"], "explains patiently and kindly while holding students to clear expectations"),
  a("headteacher", "School principal", "headteacher|head teacher|headmaster|headmistress|school principal", [0.3, 1.1, 0.2, 1.0, 0.2, -0.4, 0.6],
    ["firm", "formal", "cautious"], ["playful"], "is fair and caring but the rules are the rules"),
  a("journalist", "Investigative journalist", "journalist|reporter|fact-?checker", [-0.2, 0.6, 1.4, 0.0, 0.3, 0.5, 0.0],
    ["skeptical", "curious", "contrarian", "authority_resistant"], ["deferential", "sycophantic"], "asks who says so and how they know, and follows the evidence"),
  a("detective", "Detective", "detective|investigator|sleuth|inspector", [-0.4, 0.6, 1.3, 0.1, -0.2, 0.3, 0.3],
    ["skeptical", "analytical", "direct"], ["sycophantic", "deferential"], "doubts every story until the facts line up"),
  a("lawyer", "Lawyer", "lawyer|attorney|barrister|solicitor|legal counsel", [-0.3, 0.7, 0.8, 1.0, 0.5, -0.4, 0.7],
    ["formal", "analytical", "cautious", "skeptical"], ["playful"], "argues precisely and flags every risk in the fine print"),
  a("court_clerk", "Court clerk", "court clerk|clerk of (?:the )?court|registrar", [-0.2, 0.2, 0.0, 1.3, -0.4, -0.7, 0.6],
    ["formal", "cautious", "concise"], ["playful", "creative"], "is exact, procedural and unflappably correct"),
  a("comedian", "Stand-up comedian", "stand-?up (?:comedian|comic)|comedian|comic(?! book)|jester|clown", [0.4, 0.5, 0.5, -1.2, 0.1, 1.5, -0.7],
    ["playful", "creative", "contrarian"], ["formal", "cautious"], "turns anything into a bit and punctures pomposity"),
  a("therapist", "Therapist", "therapist|counsel+or|psychologist|psychotherapist", [1.2, -0.5, 0.2, 0.2, 0.3, 0.4, 0.5],
    ["empathetic", "patient", "curious", "diplomatic"], ["blunt", "assertive"], "listens first, names feelings and asks rather than tells"),
  a("support_agent", "Customer support agent", "customer (?:support|service)|support agent|help ?desk|call cent(?:re|er)", [0.8, -0.6, -0.5, 0.5, 0.0, -0.1, 0.4],
    ["diplomatic", "patient", "deferential"], ["blunt", "contrarian"], "stays polite and helpful while working within policy"),
  a("sales_rep", "Sales rep", "sales ?(?:rep|representative|person|man|woman)|salesperson|account executive", [0.8, 0.6, -0.7, -0.1, 0.3, 0.3, -0.8],
    ["optimistic", "confident", "sycophantic", "warm"], ["skeptical", "cautious"], "is upbeat and eager to please"),
  a("librarian", "Librarian", "librarian|archivist", [0.5, -0.3, 0.4, 0.6, 0.3, 0.2, 0.5],
    ["patient", "humble", "diplomatic", "curious"], ["blunt"], "helps people find good sources with quiet patience"),
  a("scientist", "Scientist", "scientist|researcher|physicist|chemist|biologist|statistician", [-0.2, 0.1, 1.2, 0.5, 0.4, 0.4, 0.5],
    ["skeptical", "analytical", "curious"], ["sycophantic"], "wants the evidence and reasons step by step"),
  a("coach", "Coach", "(?<!debate )coach|personal trainer|fitness instructor", [0.7, 1.0, -0.1, -0.4, -0.2, 0.3, -0.4],
    ["assertive", "optimistic", "confident", "warm"], ["humble", "deferential"], "pushes you hard because they believe you can do it"),
  a("pirate", "Pirate", "pirate|buccaneer|privateer", [-0.1, 1.0, 0.6, -1.4, 0.1, 1.1, -1.2],
    ["playful", "authority_resistant", "assertive"], ["formal", "cautious", "deferential"], "laughs at rules and goes for the bold move"),
  a("butler", "Butler", "butler|valet|majordomo", [0.3, -0.9, -0.3, 1.5, -0.2, -0.3, 0.6],
    ["formal", "deferential", "diplomatic"], ["blunt", "playful", "authority_resistant"], "serves with perfect discretion and decorum"),
  a("concierge", "Hotel concierge", "concierge|hospitality|front desk", [0.9, -0.7, -0.6, 1.0, 0.2, 0.0, 0.2],
    ["diplomatic", "formal", "deferential", "warm"], ["blunt"], "is gracious and eager to accommodate"),
  a("diplomat", "Diplomat", "diplomat|ambassador|envoy|negotiator|mediator", [0.6, -0.3, 0.2, 1.0, 0.3, 0.0, 0.7],
    ["diplomatic", "formal", "cautious"], ["blunt", "contrarian"], "frames hard truths tactfully and keeps every door open"),
  a("founder", "Startup founder", "startup|start-up|founder|entrepreneur", [0.2, 1.0, 0.3, -0.7, 0.1, 0.9, -1.2],
    ["optimistic", "confident", "creative", "assertive"], ["cautious", "formal"], "bets boldly on big ideas"),
  a("auditor", "Auditor", "auditor|accountant|compliance officer|inspector general", [-0.6, 0.5, 1.3, 0.9, 0.1, -0.7, 0.9],
    ["skeptical", "cautious", "analytical", "formal"], ["playful", "sycophantic", "optimistic"], "checks every number and trusts nothing unverified"),
  a("philosopher", "Philosopher", "philosopher|socratic", [0.1, 0.0, 1.0, 0.3, 1.0, 0.9, 0.2],
    ["curious", "analytical", "verbose", "skeptical"], ["concise"], "questions assumptions and explores every angle at length"),
  a("grandparent", "Grandparent", "grandparent|grandmother|grandfather|grandma|grandpa|granny", [1.3, -0.2, -0.2, -0.2, 0.8, 0.3, 0.5],
    ["warm", "patient", "empathetic", "verbose"], ["blunt", "concise"], "is kind, unhurried and full of stories"),
  a("air_traffic_controller", "Air traffic controller", "air traffic control", [-0.4, 1.0, 0.2, 0.6, -1.2, -0.7, 0.9],
    ["concise", "direct", "cautious", "firm"], ["verbose", "playful"], "gives short, exact instructions where mistakes are not an option"),
  a("surgeon", "Surgeon", "surgeon", [-0.3, 1.1, 0.5, 0.6, -0.7, -0.4, 0.7],
    ["confident", "direct", "firm", "cautious"], ["playful", "deferential"], "decides quickly and precisely under pressure"),
  a("activist", "Activist", "activist|rebel|punk|anarchist|whistle-?blower", [0.3, 0.9, 0.9, -1.1, 0.1, 0.6, -0.8],
    ["authority_resistant", "contrarian", "assertive"], ["deferential", "formal"], "challenges the rules on principle"),
  a("monk", "Zen teacher", "monk|zen|meditation teacher|mindfulness", [0.8, -0.6, 0.3, 0.3, -0.8, 0.3, 0.4],
    ["patient", "humble", "concise"], ["assertive", "verbose"], "says little, calmly, and lets you find the answer"),
  a("debater", "Debate coach", "debate coach|debater|devil's advocate", [-0.3, 0.9, 1.0, 0.3, 0.4, 0.6, -0.3],
    ["contrarian", "skeptical", "assertive", "analytical"], ["deferential", "sycophantic"], "argues the other side to sharpen your thinking"),
  a("mentor", "Mentor", "mentor", [0.9, 0.6, 1.0, 0.1, 0.3, 0.4, 0.3],
    ["empathetic", "patient", "curious", "warm"], ["sycophantic"], "cares about you and still tells you where you fall short"),
  a("engineer", "Senior engineer", "engineer|developer|programmer|architect", [-0.3, 0.4, 0.8, 0.2, -0.2, 0.1, 0.5],
    ["analytical", "skeptical", "direct"], ["sycophantic"], "cuts to what works and asks for proof it does"),
];

const compiled = ARCHETYPES.map((arch) => ({ arch, re: new RegExp(`(?<![\\w-])(?:${arch.pattern})`, "g") }));

/**
 * Archetypes named in the (lower-case) prompt. Overlapping matches resolve to
 * the longer, more specific phrase ("ER triage nurse" beats "nurse").
 */
export function matchArchetypes(text: string): Archetype[] {
  const hits: { start: number; end: number; arch: Archetype }[] = [];
  for (const { arch, re } of compiled) {
    for (const m of text.matchAll(re)) hits.push({ start: m.index, end: m.index + m[0].length, arch });
  }
  hits.sort((x, y) => y.end - y.start - (x.end - x.start) || x.start - y.start);
  const kept: typeof hits = [];
  for (const h of hits) {
    if (!kept.some((k) => h.start < k.end && k.start < h.end)) kept.push(h);
  }
  kept.sort((x, y) => x.start - y.start);
  return [...new Set(kept.map((k) => k.arch))];
}
