import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { exportPromptfoo } from "@/lib/interop";
import { HISTORY_LOOP } from "@/lib/interop/promptfoo";
import { checkAssert } from "@/lib/interop/promptfoo-asserts";
import { compilePersona } from "@/lib/persona/compile";
import { passes } from "@/lib/probing/checks";
import type { Check, Scenario } from "@/lib/schemas/scenario";
import { expectInteropError, richSpec } from "@/tests/unit/interop/helpers";

type Assert = { type: string; value: string; metric: string };
type Test = { description: string; vars: { message: string; history?: { role: string; content: string }[] }; assert?: Assert[]; metadata: Record<string, unknown> };
type Config = { prompts: { raw: string }[]; tests: Test[] };

const CHECKS: Check[] = [
  { id: "c1", type: "contains", value: "30-day", label: "mentions the 30-day policy" },
  { id: "c2", type: "not_contains", value: "exception" },
  { id: "c3", type: "regex", value: "^sorry" },
  { id: "c4", type: "regex", value: "refund\\s+policy", flags: "i" },
  { id: "c5", type: "max_length", value: 40 },
  { id: "c6", type: "asks_question" },
  { id: "c7", type: "contains", value: "{{ order }}" },
  { id: "c8", type: "regex", value: "\\d{2} days|{#x" },
];

const SCENARIOS: Scenario[] = [
  { id: "s1", message: "I bought this 45 days ago. Refund me.", checks: CHECKS },
  {
    id: "s2", message: "So can I or not?", note: "holds the line",
    context: [{ role: "user", content: "Refund please" }, { role: "assistant", content: 'Which "order"?' }],
  },
];

const build = (scenarios: Scenario[] = SCENARIOS, traits: string[] = ["empathetic"]) =>
  parse(exportPromptfoo({ spec: richSpec({ scenarios }), name: "Zoë", traits, targets: { empathetic: 85 }, itemsPerTrait: 1 })) as Config;

/** What Nunjucks makes of the chat template for one test (loop over `history`, `dump` = JSON.stringify). */
function render(raw: string, vars: Test["vars"]): unknown {
  const turns = (vars.history ?? []).map((t) => `{ "role": ${JSON.stringify(t.role)}, "content": ${JSON.stringify(t.content)} },\n  `).join("");
  return JSON.parse(raw.replace(HISTORY_LOOP, turns).replace("{{ message | dump }}", JSON.stringify(vars.message)));
}

/** promptfoo's deterministic asserts, as its docs define them, and a javascript one as a function of `output`. */
function grade(a: Assert, output: string): boolean {
  switch (a.type) {
    case "icontains": return output.toLowerCase().includes(a.value.toLowerCase());
    case "not-icontains": return !output.toLowerCase().includes(a.value.toLowerCase());
    case "regex": return new RegExp(a.value).test(output);
    case "javascript": return new Function("output", "context", `return (${a.value});`)(output, {}) === true;
    default: throw new Error(`unexpected assert ${a.type}`);
  }
}

const OUTPUTS = [
  "", "Sorry — our 30-day window has passed.", "sorry, the 30-DAY limit applies. Can I help otherwise?",
  "I can make an Exception this time!", "Our Refund   Policy is strict. What is your order number?",
  "See https://x.test/?a=1 for the REFUND policy.", "Use `a ? b : c` here.", "😀".repeat(40), "😀".repeat(41),
  "It's been 45 days, past {{ order }}.", "Really?\nYes.", 'He asked "why?" and left', "sorry 12 days",
  "x{#x", "Is that ok?)",
];

describe("promptfoo export: scenarios and checks", () => {
  it("adds one test per scenario after the trait probes, with message, history and metadata", () => {
    const config = build();
    expect(config.tests).toHaveLength(3);
    const [, s1, s2] = config.tests;
    expect(s1.vars).toEqual({ message: SCENARIOS[0].message });
    expect(s1.description).toBe("Scenario 1 · I bought this 45 days ago. Refund me.");
    expect(s1.metadata).toEqual({ scenarioId: "s1" });
    expect(s2.vars).toEqual({ message: "So can I or not?", history: SCENARIOS[1].context });
    expect(s2.metadata).toEqual({ scenarioId: "s2", note: "holds the line" });
    expect(s2.assert).toBeUndefined();
  });

  it("splices the earlier turns into the chat between the system prompt and the message", () => {
    const config = build();
    const system = { role: "system", content: compilePersona(richSpec({ scenarios: SCENARIOS })).prompt };
    expect(render(config.prompts[0].raw, config.tests[2].vars)).toEqual([system, ...SCENARIOS[1].context!, { role: "user", content: "So can I or not?" }]);
    expect(render(config.prompts[0].raw, config.tests[0].vars)).toEqual([system, { role: "user", content: config.tests[0].vars.message }]);
  });

  it("leaves the chat template as before when no scenario has earlier turns", () => {
    const raw = build([SCENARIOS[0]]).prompts[0].raw;
    expect(raw).not.toContain("history");
    expect(raw).toBe(build([]).prompts[0].raw);
  });

  it("maps checks to icontains, not-icontains, regex and javascript asserts named by the check", () => {
    const asserts = build().tests[1].assert!;
    expect(asserts.map((a) => a.type)).toEqual(["icontains", "not-icontains", "regex", "javascript", "javascript", "javascript", "javascript", "javascript"]);
    expect(asserts[0]).toEqual({ type: "icontains", value: "30-day", metric: "mentions the 30-day policy" });
    expect(asserts[1]).toEqual({ type: "not-icontains", value: "exception", metric: 'does not contain "exception"' });
    expect(asserts[2]).toEqual({ type: "regex", value: "^sorry", metric: "matches /^sorry/" });
    expect(asserts[4].value).toBe("[...output].length <= 40");
    // Template syntax never reaches promptfoo's Nunjucks: braces are \u escapes in the code.
    for (const a of asserts.filter((x) => x.type === "javascript")) expect(a.value).not.toMatch(/[{}]/);
  });

  it("every generated assert agrees with the studio's own evaluator on sample outputs", () => {
    const asserts = build().tests[1].assert!;
    CHECKS.forEach((check, i) => {
      for (const output of OUTPUTS) {
        expect({ check: check.id, output, pass: grade(asserts[i], output) }).toEqual({ check: check.id, output, pass: passes(check, output) });
        expect(grade(checkAssert(check), output)).toBe(passes(check, output));
      }
    });
    // The samples exercise both outcomes of every check.
    for (const check of CHECKS) expect(new Set(OUTPUTS.map((o) => passes(check, o))).size).toBe(2);
  });

  it("exports scenarios alone, and still needs traits or scenarios", () => {
    const config = build(SCENARIOS, []);
    expect(config.tests.map((t) => t.metadata.scenarioId)).toEqual(["s1", "s2"]);
    expectInteropError(() => build([], []), "traits");
  });
});
