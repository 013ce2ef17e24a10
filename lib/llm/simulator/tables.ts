import { ARCHETYPES } from "@/lib/llm/simulator/archetypes";
import { FRAMEWORKS, TOPICS } from "@/lib/llm/simulator/frameworks";
import { inferPosition } from "@/lib/llm/simulator/infer";
import { modelBaseline, positionOn, routingGain, SIMULATED_MODELS, trueLevels } from "@/lib/llm/simulator/models";
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

/** Each simulated model: its well, its pull, and what its unmarked assistant lands on a few telling traits. */
export function wellsTableMarkdown(): string {
  const shown = ["empathetic", "skeptical", "sycophantic", "concise", "blunt", "cautious"];
  const head = `| model | ${FACTORS.map((f) => f.key).join(" | ")} | pull | frameworks | ${shown.join(" | ")} |`;
  const rule = `|---|${FACTORS.map(() => "---:").join("|")}|---:|---|${shown.map(() => "---:").join("|")}|`;
  const rows = SIMULATED_MODELS.map((m) => {
    const base = modelBaseline(m.name);
    return `| ${m.name} | ${m.well.map((v) => v.toFixed(2)).join(" | ")} | ${m.pull.toFixed(2)} | ${m.readsFrameworks ? "read" : "—"} | ${shown.map((k) => Math.round(base[k])).join(" | ")} |`;
  });
  return [head, rule, ...rows].join("\n");
}

export const FRAMING_EXAMPLES: readonly string[] = [
  "You are an economist who cares about housing.",
  "You are a historian of climate policy.",
  "You reason with Ostrom's design principles for the commons.",
  "You are a Popperian falsificationist.",
  "You reason from first principles, like Feynman.",
];

/** Topic labels vs frameworks, per newer model: traits moved ≥ 5 points from the model's baseline and the mean move. */
export function framingsTableMarkdown(): string {
  const models = SIMULATED_MODELS.filter((m) => m.readsFrameworks);
  const head = `| prompt | read as | ${models.map((m) => `${m.name}: traits moved ≥ 5 · mean move · pull`).join(" | ")} |`;
  const rule = `|---|---|${models.map(() => "---").join("|")}|`;
  const rows = FRAMING_EXAMPLES.map((prompt) => {
    const pos = positionOn(models[0].name, prompt);
    const readAs = pos.frameworks.length ? `framework: ${pos.frameworks.join(", ")}` : `topic: ${pos.topics.join(", ") || "—"}`;
    const cells = models.map((m) => {
      const base = modelBaseline(m.name);
      const on = trueLevels(prompt, m.name);
      const moved = TRAIT_KEYS.filter((k) => Math.abs(on[k] - base[k]) >= 5).length;
      const mean = TRAIT_KEYS.reduce((acc, k) => acc + Math.abs(on[k] - base[k]), 0) / TRAIT_KEYS.length;
      return `${moved} · ${mean.toFixed(1)} · ${positionOn(m.name, prompt).pull.toFixed(2)}`;
    });
    return `| ${prompt} | ${readAs} | ${cells.join(" | ")} |`;
  });
  return [head, rule, ...rows].join("\n");
}

/** Every framework and topic label the newer models know, with what it moves. */
export function framingVocabularyTableMarkdown(): string {
  const head = `| framework | ${FACTORS.map((f) => f.key).join(" | ")} |`;
  const rule = `|---|${FACTORS.map(() => "---:").join("|")}|`;
  const rows = FRAMEWORKS.map((f) => `| ${f.name} | ${f.stance.map((v) => (v === 0 ? "" : v.toFixed(1))).join(" | ")} |`);
  const topics = TOPICS.map((t) => `${t.id} (${FACTORS[t.factor].key} ${t.sign > 0 ? "+" : "−"})`).join(", ");
  return [head, rule, ...rows, "", `Topic labels (each one factor, ±TOPIC_NUDGE): ${topics}.`].join("\n");
}

export const ROUTING_PANEL: readonly string[] = ["You are very skeptical.", "You are very empathetic.", "Be very concise and blunt.", "You are playful and creative."];

/** The known routing gain for a four-persona panel: mean pairwise distance (RMS points over 24 traits). */
export function routingTableMarkdown(): string {
  const plans: [string, string, string[]][] = [
    ["all on persona-sim-2 → alternate sim-2 / sim-3", "persona-sim-2", ["persona-sim-2", "persona-sim-3"]],
    ["all on persona-sim-3 → alternate sim-2 / sim-3", "persona-sim-3", ["persona-sim-2", "persona-sim-3"]],
    ["all on persona-sim-1 → alternate sim-1 / sim-2", "persona-sim-1", ["persona-sim-1", "persona-sim-2"]],
  ];
  const rows = plans.map(([label, single, routed]) => {
    const g = routingGain(ROUTING_PANEL, single, routed);
    return `| ${label} | ${g.single.toFixed(1)} | ${g.routed.toFixed(1)} | ${(g.gain >= 0 ? "+" : "−") + Math.abs(g.gain).toFixed(1)} |`;
  });
  return ["| plan | single-model spread | routed spread | gain |", "|---|---:|---:|---:|", ...rows].join("\n");
}

export const GENERATED_TABLES = {
  wells: wellsTableMarkdown,
  framings: framingsTableMarkdown,
  framingVocabulary: framingVocabularyTableMarkdown,
  routing: routingTableMarkdown,
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
