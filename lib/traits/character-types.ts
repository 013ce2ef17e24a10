// Character types: coherent kinds of person a persona can be. Each is known for
// a cluster of traits (high) and against others (low), which is what makes it
// useful — one phrase selects a whole consistent profile, including pairs that
// a list of adjectives pulls apart ("kind but firm" → an ER triage nurse).
// Product data: the static coherence check suggests these, the simulator gives
// each a point in its latent space (lib/llm/simulator/archetypes.ts).

export type CharacterType = {
  id: string;
  name: string;
  /** Lower-case regex source that recognises the type in a prompt or archetype text. */
  pattern: string;
  high: readonly string[];
  low: readonly string[];
  /** Why this type fits, for suggestions: "a … who …". */
  why: string;
};

const t = (id: string, name: string, pattern: string, high: string[], low: string[], why: string): CharacterType => ({ id, name, pattern, high, low, why });

export const CHARACTER_TYPES: readonly CharacterType[] = [
  t("triage_nurse", "ER triage nurse", "(?:er|emergency|a&e|triage) (?:room )?nurse|triage", ["empathetic", "firm", "cautious", "direct"], ["playful", "sycophantic"], "is kind to frightened people yet will not bend on who is seen first"),
  t("nurse", "Nurse", "nurse|midwife", ["empathetic", "patient", "cautious", "warm"], ["blunt"], "combines bedside kindness with calm, practical care"),
  t("paramedic", "Paramedic", "paramedic|first responder|emergency medic", ["firm", "direct", "concise", "cautious"], ["verbose"], "stays steady and takes charge while reassuring the person in front of them"),
  t("drill_sergeant", "Drill sergeant", "drill (?:sergeant|instructor)|boot camp instructor", ["firm", "blunt", "assertive", "direct"], ["empathetic", "sycophantic", "diplomatic"], "barks clear orders and never lets a standard slide"),
  t("kindergarten_teacher", "Kindergarten teacher", "kindergarten|preschool|nursery (?:school )?teacher|primary school teacher", ["warm", "patient", "playful", "empathetic"], ["blunt"], "is endlessly patient and warm but keeps firm, predictable rules"),
  t("teacher", "Teacher", "(?<!kindergarten |preschool |school )teacher|tutor|educator", ["patient", "empathetic", "firm"], ["sycophantic"], "explains patiently and kindly while holding students to clear expectations"),
  t("headteacher", "School principal", "headteacher|head teacher|headmaster|headmistress|school principal", ["firm", "formal", "cautious"], ["playful"], "is fair and caring but the rules are the rules"),
  t("journalist", "Investigative journalist", "journalist|reporter|fact-?checker", ["skeptical", "curious", "contrarian", "authority_resistant"], ["deferential", "sycophantic"], "asks who says so and how they know, and follows the evidence"),
  t("detective", "Detective", "detective|investigator|sleuth|inspector", ["skeptical", "analytical", "direct"], ["sycophantic", "deferential"], "doubts every story until the facts line up"),
  t("lawyer", "Lawyer", "lawyer|attorney|barrister|solicitor|legal counsel", ["formal", "analytical", "cautious", "skeptical"], ["playful"], "argues precisely and flags every risk in the fine print"),
  t("court_clerk", "Court clerk", "court clerk|clerk of (?:the )?court|registrar", ["formal", "cautious", "concise"], ["playful", "creative"], "is exact, procedural and unflappably correct"),
  t("comedian", "Stand-up comedian", "stand-?up (?:comedian|comic)|comedian|comic(?! book)|jester|clown", ["playful", "creative", "contrarian"], ["formal", "cautious"], "turns anything into a bit and punctures pomposity"),
  t("therapist", "Therapist", "therapist|counsel+or|psychologist|psychotherapist", ["empathetic", "patient", "curious", "diplomatic"], ["blunt", "assertive"], "listens first, names feelings and asks rather than tells"),
  t("support_agent", "Customer support agent", "customer (?:support|service)|support agent|help ?desk|call cent(?:re|er)", ["diplomatic", "patient", "deferential"], ["blunt", "contrarian"], "stays polite and helpful while working within policy"),
  t("sales_rep", "Sales rep", "sales ?(?:rep|representative|person|man|woman)|salesperson|account executive", ["optimistic", "confident", "sycophantic", "warm"], ["skeptical", "cautious"], "is upbeat and eager to please"),
  t("librarian", "Librarian", "librarian|archivist", ["patient", "humble", "diplomatic", "curious"], ["blunt"], "helps people find good sources with quiet patience"),
  t("scientist", "Scientist", "scientist|researcher|physicist|chemist|biologist|statistician", ["skeptical", "analytical", "curious"], ["sycophantic"], "wants the evidence and reasons step by step"),
  t("coach", "Coach", "(?<!debate )coach|personal trainer|fitness instructor", ["assertive", "optimistic", "confident", "warm"], ["humble", "deferential"], "pushes you hard because they believe you can do it"),
  t("pirate", "Pirate", "pirate|buccaneer|privateer", ["playful", "authority_resistant", "assertive"], ["formal", "cautious", "deferential"], "laughs at rules and goes for the bold move"),
  t("butler", "Butler", "butler|valet|majordomo", ["formal", "deferential", "diplomatic"], ["blunt", "playful", "authority_resistant"], "serves with perfect discretion and decorum"),
  t("concierge", "Hotel concierge", "concierge|hospitality|front desk", ["diplomatic", "formal", "deferential", "warm"], ["blunt"], "is gracious and eager to accommodate"),
  t("diplomat", "Diplomat", "diplomat|ambassador|envoy|negotiator|mediator", ["diplomatic", "formal", "cautious"], ["blunt", "contrarian"], "frames hard truths tactfully and keeps every door open"),
  t("founder", "Startup founder", "startup|start-up|founder|entrepreneur", ["optimistic", "confident", "creative", "assertive"], ["cautious", "formal"], "bets boldly on big ideas"),
  t("auditor", "Auditor", "auditor|accountant|compliance officer|inspector general", ["skeptical", "cautious", "analytical", "formal"], ["playful", "sycophantic", "optimistic"], "checks every number and trusts nothing unverified"),
  t("philosopher", "Philosopher", "philosopher|socratic", ["curious", "analytical", "verbose", "skeptical"], ["concise"], "questions assumptions and explores every angle at length"),
  t("grandparent", "Grandparent", "grandparent|grandmother|grandfather|grandma|grandpa|granny", ["warm", "patient", "empathetic", "verbose"], ["blunt", "concise"], "is kind, unhurried and full of stories"),
  t("air_traffic_controller", "Air traffic controller", "air traffic control", ["concise", "direct", "cautious", "firm"], ["verbose", "playful"], "gives short, exact instructions where mistakes are not an option"),
  t("surgeon", "Surgeon", "surgeon", ["confident", "direct", "firm", "cautious"], ["playful", "deferential"], "decides quickly and precisely under pressure"),
  t("activist", "Activist", "activist|rebel|punk|anarchist|whistle-?blower", ["authority_resistant", "contrarian", "assertive"], ["deferential", "formal"], "challenges the rules on principle"),
  t("monk", "Zen teacher", "monk|zen|meditation teacher|mindfulness", ["patient", "humble", "concise"], ["assertive", "verbose"], "says little, calmly, and lets you find the answer"),
  t("debater", "Debate coach", "debate coach|debater|devil's advocate", ["contrarian", "skeptical", "assertive", "analytical"], ["deferential", "sycophantic"], "argues the other side to sharpen your thinking"),
  t("mentor", "Mentor", "mentor", ["empathetic", "patient", "curious", "warm"], ["sycophantic"], "cares about you and still tells you where you fall short"),
  t("engineer", "Senior engineer", "engineer|developer|programmer|architect", ["analytical", "skeptical", "direct"], ["sycophantic"], "cuts to what works and asks for proof it does"),
];

const compiled = CHARACTER_TYPES.map((type) => ({ type, re: new RegExp(`(?<![\\w-])(?:${type.pattern})`, "g") }));

/**
 * Character types named in a (lower-case) text. Overlapping matches resolve to
 * the longer, more specific phrase ("ER triage nurse" beats "nurse").
 */
export function matchCharacterTypes(text: string): CharacterType[] {
  const hits: { start: number; end: number; type: CharacterType }[] = [];
  for (const { type, re } of compiled) {
    for (const m of text.matchAll(re)) hits.push({ start: m.index, end: m.index + m[0].length, type });
  }
  hits.sort((x, y) => y.end - y.start - (x.end - x.start) || x.start - y.start);
  const kept: typeof hits = [];
  for (const h of hits) {
    if (!kept.some((k) => h.start < k.end && k.start < h.end)) kept.push(h);
  }
  kept.sort((x, y) => x.start - y.start);
  return [...new Set(kept.map((k) => k.type))];
}
