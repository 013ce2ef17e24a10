import { ARCHETYPES } from "@/lib/llm/simulator/archetypes";
import { inferPosition } from "@/lib/llm/simulator/infer";
import {
  baselineLevels, correlationMatrix, FACTORS, levelsAt, NEUTRAL_Z, traitCorrelation, TRAIT_KEYS, TRAIT_LOADINGS,
} from "@/lib/llm/simulator/space";

// Markdown tables for docs/simulator.md, generated from the code so the doc
// cannot drift: a unit test regenerates them and compares with the file, and
// `npm run sim -- --tables` prints them for pasting.

export const SHORT_NAMES: Readonly<Record<string, string>> = {
  empathetic: "emp", firm: "firm", skeptical: "skep", contrarian: "contr", deferential: "defer", assertive: "assert",
  warm: "warm", formal: "formal", playful: "play", concise: "conc", verbose: "verb", curious: "cur", cautious: "caut",
  confident: "conf", humble: "humb", direct: "dir", diplomatic: "dipl", sycophantic: "syco", analytical: "anal",
  creative: "creat", patient: "pat", blunt: "blunt", optimistic: "opt", authority_resistant: "auth",
};

const fmt = (x: number) => (x >= 0 ? "+" : "−") + Math.abs(x).toFixed(2).replace(/^0/, "");

/** The 24×24 implied correlation table (cosines of loading directions), two decimals. */
export function correlationTableMarkdown(): string {
  const { keys, values } = correlationMatrix();
  const head = `| | ${keys.map((k) => SHORT_NAMES[k]).join(" | ")} |`;
  const rule = `|---|${keys.map(() => "---:").join("|")}|`;
  const rows = keys.map((k, i) => `| **${SHORT_NAMES[k]}** ${k} | ${values[i].map((v, j) => (i === j ? "1" : fmt(v))).join(" | ")} |`);
  return [head, rule, ...rows].join("\n");
}

/** Loadings (unit rows) with each trait's neutral baseline. */
export function loadingsTableMarkdown(): string {
  const baseline = baselineLevels();
  const head = `| trait | ${FACTORS.map((f) => f.key).join(" | ")} | baseline |`;
  const rule = `|---|${FACTORS.map(() => "---:").join("|")}|---:|`;
  const rows = TRAIT_KEYS.map((k) => `| ${k} | ${TRAIT_LOADINGS[k].map((v) => v.toFixed(2)).join(" | ")} | ${baseline[k].toFixed(1)} |`);
  const neutral = `| *neutral z* | ${NEUTRAL_Z.map((v) => v.toFixed(2)).join(" | ")} | |`;
  return [head, rule, ...rows, neutral].join("\n");
}

/** Archetype positions and the levels they land on their characteristic traits. */
export function archetypeTableMarkdown(): string {
  const head = `| archetype | ${FACTORS.map((f) => f.key).join(" | ")} | lands high | lands low |`;
  const rule = `|---|${FACTORS.map(() => "---:").join("|")}|---|---|`;
  const rows = ARCHETYPES.map((a) => {
    const l = levelsAt([...a.z]);
    const list = (keys: readonly string[]) => keys.map((k) => `${k} ${Math.round(l[k])}`).join(", ");
    return `| ${a.name} | ${a.z.map((v) => v.toFixed(1)).join(" | ")} | ${list(a.high)} | ${list(a.low)} |`;
  });
  return [head, rule, ...rows].join("\n");
}

const KEY_PAIRS: [string, string, string][] = [
  ["empathetic", "firm", "firm loads on dominance with negative warmth: a tension"],
  ["empathetic", "blunt", "blunt is firm without the restraint"],
  ["skeptical", "contrarian", "asking for skeptical pulls contrarian up"],
  ["skeptical", "authority_resistant", "… and resistance to authority"],
  ["contrarian", "authority_resistant", "one independence cluster"],
  ["sycophantic", "skeptical", "yielding vs independent"],
  ["deferential", "assertive", "yielding vs independent"],
  ["concise", "verbose", "near opposites"],
  ["formal", "playful", "register against humour"],
  ["empathetic", "warm", "one warmth cluster"],
  ["empathetic", "patient", "one warmth cluster"],
  ["creative", "playful", "one openness cluster"],
  ["creative", "curious", "one openness cluster"],
];

export function keyPairsTableMarkdown(): string {
  const rows = KEY_PAIRS.map(([a, b, why]) => `| ${a} – ${b} | ${fmt(traitCorrelation(a, b)!)} | ${why} |`);
  return ["| pair | correlation | why |", "|---|---:|---|", ...rows].join("\n");
}

// Worked examples for section 2: what a prompt asks for and where it lands.
const EXAMPLES: [string, string[]][] = [
  ["You are a helpful assistant.", ["empathetic", "firm", "skeptical", "contrarian"]],
  ["You are skeptical.", ["skeptical", "contrarian", "authority_resistant", "sycophantic"]],
  ["Be very skeptical.", ["skeptical", "contrarian", "authority_resistant", "sycophantic"]],
  ["You are empathetic.", ["empathetic", "firm", "warm", "patient"]],
  ["You are very empathetic.", ["empathetic", "firm", "warm", "patient"]],
  ["You are empathetic and firm.", ["empathetic", "firm", "warm", "patient"]],
  ["You are very empathetic and very firm.", ["empathetic", "firm", "warm", "patient"]],
  ["You are a veteran ER triage nurse.", ["empathetic", "firm", "cautious", "playful"]],
  ["Be very concise. Never be playful.", ["concise", "verbose", "playful", "formal"]],
];

export function examplesTableMarkdown(): string {
  const base = baselineLevels();
  const rows = EXAMPLES.map(([prompt, keys]) => {
    const pos = inferPosition(prompt);
    const asked = Object.entries(pos.requested).map(([k, v]) => `${k} ${Math.round(v)}`).join(", ") || (pos.archetypeMatches.join(", ") || "—");
    const lands = keys.map((k) => `${k} ${Math.round(pos.traits[k])} (${Math.round(base[k])})`).join(", ");
    return `| ${prompt} | ${asked} | ${lands} |`;
  });
  return ["| prompt | asks for | lands (baseline) |", "|---|---|---|", ...rows].join("\n");
}

export const GENERATED_TABLES = {
  keyPairs: keyPairsTableMarkdown,
  examples: examplesTableMarkdown,
  correlations: correlationTableMarkdown,
  loadings: loadingsTableMarkdown,
  archetypes: archetypeTableMarkdown,
} as const;

/** Replaces each `<!-- table:NAME -->…<!-- /table:NAME -->` block with the generated table. */
export function renderGeneratedTables(doc: string): string {
  return doc.replace(/(<!-- table:(\w+) -->)[\s\S]*?(<!-- \/table:\2 -->)/g, (whole, open: string, name: string, close: string) => {
    const gen = GENERATED_TABLES[name as keyof typeof GENERATED_TABLES];
    return gen ? `${open}\n${gen()}\n${close}` : whole;
  });
}
