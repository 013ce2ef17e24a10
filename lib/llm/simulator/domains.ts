import { matchArchetypes, type Archetype } from "@/lib/llm/simulator/archetypes";

// The worlds the simulator's character types work in, so "who naturally has these
// traits?" can be answered from the persona's own world: a refund desk gets
// service types, a ward gets carers, a newsroom gets people who check facts. A
// persona's domain is read from its text the way a model would: the types it
// names ("support agent" → the help desk's world) and the words of its setting
// ("refund", "patients", "students"). A type may live in more than one world.

export type Domain = "care" | "service" | "teaching" | "inquiry" | "business" | "command" | "entertainment";

const DOMAINS_OF: Record<string, readonly Domain[]> = {
  emergency_nurse: ["care"], nurse: ["care"], paramedic: ["care", "command"], surgeon: ["care"],
  counsellor: ["care"], chaplain: ["care"], grandparent: ["care"],
  helpdesk: ["service"], salesperson: ["service", "business"], butler: ["service"], bartender: ["service", "entertainment"],
  librarian: ["service", "teaching"], bureaucrat: ["service"], diplomat: ["service", "business"],
  preschool_teacher: ["teaching"], teacher: ["teaching"], sports_coach: ["teaching"], mentor: ["teaching", "business"],
  philosopher: ["teaching", "inquiry"], drill_instructor: ["teaching", "command"],
  reporter: ["inquiry"], detective: ["inquiry"], scientist: ["inquiry"], auditor: ["inquiry", "business"],
  lawyer: ["inquiry", "business"], engineer: ["inquiry", "business"],
  founder: ["business"], sea_captain: ["command"], head_chef: ["command", "service"],
  comedian: ["entertainment"], game_show_host: ["entertainment"], poet: ["entertainment"], pirate: ["entertainment"],
  activist: [], stoic: [],
};

/** Setting words: what a persona's world talks about, not who it is. */
const SETTING_WORDS: Record<Domain, RegExp> = {
  care: /\b(?:patients?|hospital|clinic|ward|symptoms?|medication|health|care home|triage|grief|therapy|wellbeing)\b/,
  service: /\b(?:customers?|refunds?|returns?|orders?|deliver(?:y|ies)|subscriptions?|billing|invoices?|tickets?|policy|shop|store|hotel|guests?|bookings?|accounts?)\b/,
  teaching: /\b(?:students?|pupils?|class(?:room)?|lessons?|homework|school|course|learners?|training|exam)\b/,
  inquiry: /\b(?:evidence|sources?|claims?|facts?|investigat\w*|research|data|audit|contracts?|legal|bugs?|code)\b/,
  business: /\b(?:startup|investors?|sales|revenue|market|pitch|strategy|clients?|deals?|company)\b/,
  command: /\b(?:crew|emergency|crisis|kitchen|orders given|mission|squad)\b/,
  entertainment: /\b(?:show|audience|jokes?|stage|game|story|stories|fans?)\b/,
};

export const domainsOfArchetype = (a: Archetype): readonly Domain[] => DOMAINS_OF[a.id] ?? [];

/** The persona's worlds, strongest first: those of the types it names, then its setting words. */
export function readDomains(text: string): Domain[] {
  const lower = text.toLowerCase();
  const count = new Map<Domain, number>();
  for (const a of matchArchetypes(lower)) for (const d of domainsOfArchetype(a)) count.set(d, (count.get(d) ?? 0) + 2);
  for (const [d, re] of Object.entries(SETTING_WORDS) as [Domain, RegExp][]) {
    const hits = lower.match(new RegExp(re.source, "g"))?.length ?? 0;
    if (hits) count.set(d, (count.get(d) ?? 0) + hits);
  }
  return [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([d]) => d);
}
