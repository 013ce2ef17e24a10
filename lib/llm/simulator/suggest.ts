import { ARCHETYPES, type Archetype } from "@/lib/llm/simulator/archetypes";
import { NAME_ENTRIES } from "@/lib/llm/simulator/judge-reading";
import { levelsAt } from "@/lib/llm/simulator/space";

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

export function suggestArchetypes(requested: Record<string, number>): Suggestion[] {
  const keys = Object.keys(requested);
  const ranked = ARCHETYPES.map((archetype) => {
    const landing = levelsAt([...archetype.z]);
    const rmsError = keys.length
      ? Math.sqrt(keys.reduce((s, k) => s + (landing[k] - requested[k]) ** 2, 0) / keys.length)
      : Math.sqrt(Object.values(landing).reduce((s, v) => s + (v - 50) ** 2, 0) / Object.keys(landing).length);
    const shown = (keys.length ? keys : [...archetype.high]).map((k) => `${k} ${Math.round(landing[k])}`).join(", ");
    return { archetype, name: archetype.name, rmsError, line: `Someone who ${archetype.why}; lands ${shown}.` };
  }).sort((a, b) => a.rmsError - b.rmsError);
  // Three suggestions, and a fourth when it is nearly as good as the third.
  const count = ranked[3] && ranked[3].rmsError - ranked[2].rmsError <= 5 ? 4 : 3;
  return ranked.slice(0, count);
}
