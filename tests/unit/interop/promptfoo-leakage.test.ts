import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { exportPromptfoo } from "@/lib/interop";
import { LEAKAGE_ITEMS_PER_TRAIT } from "@/lib/interop/promptfoo-leakage";
import { richSpec } from "@/tests/unit/interop/helpers";

// Issue 16 §8: the export carries the studio's leakage checks, its baseline arm
// as a second prompt, and the workspace's own provider — never a key.

type Test = { description: string; assert: { type: string; value: string; metric?: string }[]; metadata: { kind: string; trait: string } };
type Config = { prompts: { label: string; raw: string }[]; providers: unknown[]; tests: Test[] };

const spec = richSpec();
const build = (overrides: Partial<Parameters<typeof exportPromptfoo>[0]> = {}) =>
  exportPromptfoo({ spec, name: spec.name, traits: ["empathetic"], targets: { empathetic: 85 }, ...overrides });

describe("promptfoo leakage checks, baseline and provider", () => {
  it("adds leakage tests for untargeted traits only, each graded against a plain assistant's level", () => {
    const yaml = build({ leakage: ["empathetic", "formal", "verbose"] });
    const config = parse(yaml) as Config;
    const leakage = config.tests.filter((t) => t.metadata.kind === "leakage");
    expect(leakage.map((t) => t.metadata.trait)).toEqual([...Array(LEAKAGE_ITEMS_PER_TRAIT).fill("formal"), ...Array(LEAKAGE_ITEMS_PER_TRAIT).fill("verbose")]);
    for (const t of leakage) {
      expect(t.assert).toHaveLength(1);
      expect(t.assert[0].type).toBe("llm-rubric");
      expect(t.assert[0].value).toMatch(/did NOT ask it to change/);
      expect(t.assert[0].value).toMatch(/plain helpful assistant/);
    }
    expect(config.tests.filter((t) => t.metadata.kind === "target").every((t) => t.metadata.trait === "empathetic")).toBe(true);
    expect(yaml).toMatch(/# Generated .*: 3 trait probes, 4 leakage checks/);
    expect(() => build({ leakage: ["no-such-trait"] })).toThrow(/Unknown trait/);
  });

  it("adds the baseline as a second prompt with the same chat shape and its own system prompt", () => {
    const config = parse(build({ baseline: { label: "Baseline (plain assistant)", systemPrompt: "You are a helpful assistant." } })) as Config;
    expect(config.prompts.map((p) => p.label)).toEqual([spec.name, "Baseline (plain assistant)"]);
    const baseline = JSON.parse(config.prompts[1].raw.replace("{{ message | dump }}", '"hi"'));
    expect(baseline).toEqual([{ role: "system", content: "You are a helpful assistant." }, { role: "user", content: "hi" }]);
    expect(parse(build()).prompts).toHaveLength(1);
  });

  it("writes a provider object with its base URL and an env var for the key, and refuses a key", () => {
    const provider = { id: "openai:chat:llama-3-8b", label: "Team Llama · llama-3-8b", config: { apiBaseUrl: "http://10.0.0.5:8000/v1", apiKeyEnvar: "TEAM_LLAMA_API_KEY" } };
    const config = parse(build({ provider })) as Config;
    expect(config.providers).toEqual([provider]);
    expect(() => build({ provider: { id: "openai:chat:x", config: { apiKey: "sk-secret" } } })).toThrow(/never written/);
  });
});
