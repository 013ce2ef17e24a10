import { ARCHETYPES, type Archetype } from "@/lib/llm/simulator/archetypes";
import { NAME_ENTRIES } from "@/lib/llm/simulator/judge-reading";
import { levelsAt } from "@/lib/llm/simulator/space";
import { domainsOfArchetype, readDomains, type Domain } from "@/lib/llm/simulator/domains";

// "What kind of person naturally has all of these traits?" The simulator
// answers by asking which known character type already LANDS the requested
// levels: the archetype whose position, read out on the requested traits, is
// closest (root-mean-square, in points) to what was asked. That is the advice
// the product gives — replace a conflicted trait list with a coherent type.

export type Suggestion = { archetype: Archetype; name: string; line: string; rmsError: number };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// Every name the simulator knows for a dimension (judge-reading.ts), longest
// first, with an optional level right after it: "firm: 85", "firm=85",
// "firm (85/100)", "Firm (firm): 85/100", "firm — target 85", "firm high".
const NAMES = [...NAME_ENTRIES].sort((a, b) => b[0].length - a[0].length);
const NAME_RE = new RegExp(
  `(?<![\\p{L}'])(${NAMES.map(([n]) => escape(n).replace(/ /g, "[ _-]")).join("|")})(?![\\p{L}'])[\\s:=()\\-–—→>]*(?:(?:target|level|at)\\s*)?(\\d{1,3}|high|low)?`,
  "gu",
);
const DIM_OF = new Map(NAMES.map(([n, dim]) => [n, dim]));

/** Dimensions named in a free-text request, with optional levels (default 85 = "high"). */
export function parseTraitRequest(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of text.toLowerCase().matchAll(NAME_RE)) {
    const key = DIM_OF.get(m[1].replace(/[_-]/g, " "));
    if (!key) continue;
    const raw = m[2];
    const level = raw === undefined || raw === "high" ? 85 : raw === "low" ? 15 : Math.min(100, Number(raw));
    // A bare mention never overrides an explicit number seen earlier.
    if (raw !== undefined || out[key] === undefined) out[key] = level;
  }
  return out;
}

/**
 * A type from outside the persona's world ranks as if it landed this many points (RMS)
 * further from the request: a close fit from elsewhere can still win over a poor one
 * from the same world, but among comparable fits the persona's own world comes first.
 */
export const OTHER_WORLD_PENALTY = 30;

export function suggestArchetypes(requested: Record<string, number>, domains: readonly Domain[] = []): Suggestion[] {
  const keys = Object.keys(requested);
  // The persona's main worlds: the strongest one, and the next when it is there too.
  const home = new Set(domains.slice(0, 2));
  const ranked = ARCHETYPES.map((archetype) => {
    const landing = levelsAt([...archetype.z]);
    const rmsError = keys.length
      ? Math.sqrt(keys.reduce((s, k) => s + (landing[k] - requested[k]) ** 2, 0) / keys.length)
      : Math.sqrt(Object.values(landing).reduce((s, v) => s + (v - 50) ** 2, 0) / Object.keys(landing).length);
    const away = home.size > 0 && !domainsOfArchetype(archetype).some((d) => home.has(d));
    const shown = (keys.length ? keys : [...archetype.high]).map((k) => `${k} ${Math.round(landing[k])}`).join(", ");
    return { archetype, name: archetype.name, rmsError, rank: rmsError + (away ? OTHER_WORLD_PENALTY : 0), line: `Someone who ${archetype.why}; lands ${shown}.` };
  }).sort((a, b) => a.rank - b.rank || a.rmsError - b.rmsError);
  // Three suggestions, and a fourth when it is nearly as good as the third.
  const count = ranked[3] && ranked[3].rank - ranked[2].rank <= 5 ? 4 : 3;
  return ranked.slice(0, count).map(({ rank: _rank, ...s }) => s);
}

/** Where the persona's own text starts in a suggestion request (lib/services/preview/suggest-archetypes.ts writes it). */
export const PERSONA_SECTION = "The persona so far";

/**
 * A whole request as the service words it: trait levels first, then the persona's own
 * text (archetype, background, boundaries). Traits are read only from the first part,
 * so "firm about refunds" in a boundary never counts as a requested level; the world is
 * read only from the second.
 */
export function suggestFromRequest(text: string): Suggestion[] {
  const at = text.indexOf(PERSONA_SECTION);
  const traits = at >= 0 ? text.slice(0, at) : text;
  const persona = at >= 0 ? text.slice(at + PERSONA_SECTION.length) : "";
  return suggestArchetypes(parseTraitRequest(traits), persona ? readDomains(persona) : []);
}
