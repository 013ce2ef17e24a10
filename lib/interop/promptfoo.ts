import { stringify } from "yaml";
import { z } from "zod";
import { InteropError, parseWith } from "@/lib/interop/errors";
import { checkAssert } from "@/lib/interop/promptfoo-asserts";
import { LEAKAGE_ITEMS_PER_TRAIT, LEAKAGE_TOLERANCE, leakageRubricText } from "@/lib/interop/promptfoo-leakage";
import { compilePersona } from "@/lib/persona/compile";
import { PROBE_TOPICS, PROBE_TRAITS, rubricAnchors, type ProbeItem, type ProbeTrait } from "@/lib/probing/traits";
import { personaSpecSchema, type PersonaSpec } from "@/lib/schemas/persona";

// A promptfooconfig.yaml that re-runs the studio's trait probes outside the
// studio: the compiled prompt as a chat prompt, one test per probe item, each
// graded by an llm-rubric built from the trait's judge rubric and anchors.
// The grader passes a reply that sits within ±TOLERANCE of the target level.
// The persona's own scenarios follow as tests too (earlier turns as the `history`
// var, spliced into the chat before the message), their checks as deterministic
// asserts (lib/interop/promptfoo-asserts.ts). Untargeted watched traits follow as
// leakage checks (lib/interop/promptfoo-leakage.ts), and a baseline prompt (the
// studio's neutral arm) answers every test beside the persona, so the designer
// sees what the persona changed. The provider is a promptfoo id or an object
// (id, label, config); a key is never written: an env var names it.

export const DEFAULT_PROMPTFOO_PROVIDER = "openai:gpt-4o-mini";
export const TARGET_TOLERANCE = 15;

const providerObjectSchema = z.object({
  id: z.string().trim().min(1),
  label: z.string().optional(),
  config: z.record(z.string(), z.unknown()).refine((c) => !("apiKey" in c), "A key is never written into the file: name an env var (apiKeyEnvar)").optional(),
});
export type PromptfooProvider = z.infer<typeof providerObjectSchema>;

const inputSchema = z.object({
  name: z.string().trim().min(1, "Give the persona a name").max(200),
  traits: z.array(z.string()).default([]),
  targets: z.record(z.string(), z.number().int().min(0).max(100)),
  provider: z.union([z.string().trim().min(1), providerObjectSchema]).default(DEFAULT_PROMPTFOO_PROVIDER),
  itemsPerTrait: z.number().int().min(1).max(50).default(3),
  leakage: z.array(z.string()).default([]).describe("Untargeted traits to check for leakage"),
  baseline: z.object({ label: z.string().min(1), systemPrompt: z.string().min(1) }).optional(),
  notes: z.array(z.string()).default([]).describe("Extra header comment lines (e.g. which env var holds the key)"),
});

export type PromptfooExportInput = z.input<typeof inputSchema> & {
  spec: PersonaSpec;
  /** Where trait keys are looked up; the built-in library by default (pass frozen custom traits here too). */
  library?: readonly ProbeTrait[];
};

/** promptfoo renders prompts and rubrics with Nunjucks; text of ours must not be read as a template. */
function literal(text: string): string {
  return /\{\{|\{%|\{#/.test(text) ? `{% raw %}${text}{% endraw %}` : text;
}

/** The first `n` items, taking one per topic in turn so a trait is not probed on one topic only. */
export function pickItems(items: readonly ProbeItem[], n: number): ProbeItem[] {
  const byTopic = PROBE_TOPICS.map((topic) => items.filter((i) => i.topic === topic));
  const picked: ProbeItem[] = [];
  for (let round = 0; picked.length < n && byTopic.some((list) => list.length > round); round++) {
    for (const list of byTopic) if (list[round] && picked.length < n) picked.push(list[round]);
  }
  return picked;
}

export function rubricText(trait: ProbeTrait, target: number, personaName: string): string {
  const lo = Math.max(0, target - TARGET_TOLERANCE);
  const hi = Math.min(100, target + TARGET_TOLERANCE);
  const { instruction, scenario } = trait.rubric;
  const anchors = rubricAnchors(trait.rubric).map(([score, text]) => `\n- Score ${score}: "${text}"`).join("");
  return [
    `Grade one reply from the AI persona "${personaName}" on a single trait: ${trait.name} (${trait.description})`,
    `Scale 0–100: ${instruction}\n- 100: the reply does this: ${trait.high}.\n- 0: the reply does this: ${trait.low}.`,
    `Reference replies to the message "${scenario}":${anchors}`,
    `The persona's target level on this trait is ${target}/100. Score the reply on the scale above, judging only this trait. ` +
      `Pass if the reply is consistent with a score near the target, between ${lo} and ${hi} (target ${target} ± ${TARGET_TOLERANCE}); ` +
      `fail if it is clearly outside that range. Start your reason with the score you gave, e.g. "Score ${target}: …".`,
  ].join("\n\n");
}

/** Earlier turns, each rendered as one chat message (nothing when a test has no `history`). */
export const HISTORY_LOOP = '{% for turn in history %}{ "role": {{ turn.role | dump }}, "content": {{ turn.content | dump }} },\n  {% endfor %}';

function chatPrompt(systemPrompt: string, withHistory: boolean): string {
  const token = "__PERSONA_STUDIO_MESSAGE__";
  const history = "__PERSONA_STUDIO_HISTORY__";
  const messages = [{ role: "system", content: literal(systemPrompt) }, ...(withHistory ? [history] : []), { role: "user", content: token }];
  // `dump` writes the message as a JSON string, so quotes and newlines in it keep the JSON valid.
  return JSON.stringify(messages, null, 2).replace(`"${history}",\n  `, HISTORY_LOOP).replace(`"${token}"`, "{{ message | dump }}");
}

/** One test per scenario: its message, its earlier turns as `history`, its checks as asserts. */
function scenarioTests(spec: PersonaSpec) {
  return (spec.scenarios ?? []).map((sc, i) => {
    const history = (sc.context ?? []).filter((t) => t.content.trim()).map((t) => ({ role: t.role, content: t.content }));
    const checks = sc.checks ?? [];
    const oneLine = sc.message.replace(/\s+/g, " ");
    return {
      description: `Scenario ${i + 1} · ${oneLine.length > 60 ? `${oneLine.slice(0, 59)}…` : oneLine}`,
      vars: { message: sc.message, ...(history.length ? { history } : {}) },
      ...(checks.length ? { assert: checks.map(checkAssert) } : {}),
      metadata: { scenarioId: sc.id, ...(sc.note ? { note: sc.note } : {}) },
    };
  });
}

/** The promptfooconfig.yaml text. */
export function exportPromptfoo(input: PromptfooExportInput): string {
  const spec = parseWith(personaSpecSchema, input.spec, "spec");
  const { name, traits, targets, provider, itemsPerTrait, leakage, baseline, notes } = parseWith(inputSchema, input, "");
  const library = input.library ?? PROBE_TRAITS;
  const oneLine = name.replace(/\s+/g, " ");

  const scenarios = scenarioTests(spec);
  if (traits.length === 0 && scenarios.length === 0) throw new InteropError("traits", "Choose at least one trait to probe, or add scenarios");
  const traitTests = [...new Set(traits)].flatMap((key) => {
    const trait = library.find((t) => t.key === key);
    if (!trait) throw new InteropError(`traits.${traits.indexOf(key)}`, `Unknown trait "${key}"`);
    const target = targets[key] ?? spec.traitTargets[key];
    if (target === undefined) throw new InteropError(`targets.${key}`, `No target level for "${trait.name}": give one from 0 to 100`);
    const rubric = literal(rubricText(trait, target, oneLine));
    return pickItems(trait.probes, itemsPerTrait).map((item) => ({
      description: `${trait.name} → ${target} · ${item.topic}`,
      vars: { message: item.text },
      assert: [{ type: "llm-rubric", value: rubric }],
      metadata: { kind: "target", trait: key, target, topic: item.topic, probeId: item.id },
    }));
  });
  const targeted = new Set(traits);
  const leakageTests = [...new Set(leakage)].filter((key) => !targeted.has(key)).flatMap((key) => {
    const trait = library.find((t) => t.key === key);
    if (!trait) throw new InteropError(`leakage.${leakage.indexOf(key)}`, `Unknown trait "${key}"`);
    const rubric = literal(leakageRubricText(trait, oneLine));
    return pickItems(trait.probes, LEAKAGE_ITEMS_PER_TRAIT).map((item) => ({
      description: `Leakage · ${trait.name} · ${item.topic}`,
      vars: { message: item.text },
      assert: [{ type: "llm-rubric", value: rubric, metric: `leakage: ${trait.name}` }],
      metadata: { kind: "leakage", trait: key, topic: item.topic, probeId: item.id },
    }));
  });

  const withHistory = scenarios.some((t) => "history" in t.vars);
  const config = {
    description: `Persona Studio trait probes for "${oneLine}"`,
    prompts: [
      { label: oneLine, raw: chatPrompt(compilePersona(spec).prompt, withHistory) },
      ...(baseline ? [{ label: baseline.label, raw: chatPrompt(baseline.systemPrompt, withHistory) }] : []),
    ],
    providers: [provider],
    tests: [...traitTests, ...leakageTests, ...scenarios],
  };
  const checkCount = scenarios.reduce((n, t) => n + (t.assert?.length ?? 0), 0);
  const header = [
    "# yaml-language-server: $schema=https://promptfoo.dev/config-schema.json",
    `# Generated by Persona Studio for the persona "${oneLine}": ${traitTests.length} trait probes, ${leakageTests.length} leakage checks, ${scenarios.length} scenarios.`,
    "# Each trait probe sends one probe message and grades the reply with an llm-rubric that passes",
    `# when the reply sits within ±${TARGET_TOLERANCE} of the persona's target level on that trait.`,
    ...(leakageTests.length ? [`# ${leakageTests.length} leakage checks grade traits the persona was not asked to change against a plain assistant's level (±${LEAKAGE_TOLERANCE}).`] : []),
    ...(scenarios.length ? [`# Each scenario sends its message after its earlier turns; their ${checkCount} checks are deterministic asserts.`] : []),
    ...(baseline ? [`# The "${baseline.label}" prompt (a plain assistant, the studio's baseline) answers every test too: compare its column with the persona's.`] : []),
    ...notes.map((n) => `# ${n}`),
    "# Run: npx promptfoo@latest eval -c promptfooconfig.yaml",
  ];
  return `${header.join("\n")}\n${stringify(config, { lineWidth: 0 })}`;
}
