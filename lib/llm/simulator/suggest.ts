import { BUILTIN_TRAITS } from "@/lib/traits/catalog";
import { ARCHETYPES, type Archetype } from "@/lib/llm/simulator/archetypes";
import { levelsAt } from "@/lib/llm/simulator/space";

// "What kind of person naturally has all of these traits?" The simulator
// answers by asking which known character type already LANDS the requested
// levels: the archetype whose position, read out on the requested traits, is
// closest (root-mean-square, in points) to what was asked. That is the advice
// the product gives — replace a conflicted trait list with a coherent type.

export type Suggestion = { archetype: Archetype; name: string; line: string; rmsError: number };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// Every way a trait might be written: key, key with spaces or hyphens, full
// name, and the name's first part ("Firm" of "Firm / boundary-setting").
const NAME_PATTERNS = BUILTIN_TRAITS.map((t) => {
  const variants = new Set([t.key, t.key.replace(/_/g, " "), t.key.replace(/_/g, "-"), t.name, t.name.split("/")[0].trim()]);
  const alts = [...variants].map((v) => escape(v.toLowerCase())).sort((a, b) => b.length - a.length);
  // Optional level right after the name: "firm: 85", "firm=85", "firm (85/100)", "firm — target 85", "firm high".
  return { key: t.key, re: new RegExp(`(?<![\\w-])(?:${alts.join("|")})(?![\\w-])[\\s:=(\\-–—→>]*(?:(?:target|level|at)\\s*)?(\\d{1,3}|high|low)?`, "g") };
});

/** Trait keys/names in a free-text request with optional levels (default 85 = "high"). */
export function parseTraitRequest(text: string): Record<string, number> {
  const lower = text.toLowerCase();
  const out: Record<string, number> = {};
  for (const { key, re } of NAME_PATTERNS) {
    for (const m of lower.matchAll(re)) {
      const raw = m[1];
      const level = raw === undefined || raw === "high" ? 85 : raw === "low" ? 15 : Math.min(100, Number(raw));
      // A bare mention never overrides an explicit number seen earlier.
      if (raw !== undefined || out[key] === undefined) out[key] = level;
    }
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
