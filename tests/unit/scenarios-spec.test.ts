import { describe, expect, it } from "vitest";
import { exportStudioJson, importStudioJson } from "@/lib/interop/studio-json";
import { compilePersona } from "@/lib/persona/compile";
import { diffSpecs } from "@/lib/persona/diff";
import { normalizeSpec, serializeSpec } from "@/lib/persona/normalize";
import { previewItems } from "@/lib/persona/preview-items";
import { emptySpec, personaSpecSchema, type PersonaSpec } from "@/lib/schemas/persona";
import { newScenarioId } from "@/lib/schemas/scenario";

const base: PersonaSpec = { ...emptySpec("Refund desk"), archetype: "a support agent, firm about refund policy" };
const withScenarios: PersonaSpec = {
  ...base,
  scenarios: [
    { id: "s1", message: "UNIQUE-MESSAGE-47 refund me", note: "UNIQUE-NOTE-47", context: [{ role: "user", content: "UNIQUE-TURN-47" }], tags: ["refund"] },
  ],
};

describe("scenarios in the spec", () => {
  it("never reach the compiled prompt", () => {
    const prompt = compilePersona(withScenarios).prompt;
    expect(prompt).toBe(compilePersona(base).prompt);
    expect(prompt).not.toMatch(/UNIQUE-/);
  });

  it("survive normalisation, so a saved draft keeps them", () => {
    const stored = personaSpecSchema.parse(JSON.parse(serializeSpec(withScenarios)));
    expect(stored.scenarios).toEqual(withScenarios.scenarios);
    // Key order is fixed, so the same content is the same bytes.
    const reordered = { ...withScenarios, scenarios: [{ tags: ["refund"], note: "UNIQUE-NOTE-47", context: withScenarios.scenarios[0].context, message: "UNIQUE-MESSAGE-47 refund me", id: "s1" }] };
    expect(serializeSpec(reordered)).toBe(serializeSpec(withScenarios));
    expect(normalizeSpec(base).scenarios).toEqual([]);
  });

  it("show up in a version diff, one entry per scenario", () => {
    const changes = diffSpecs(base, withScenarios);
    expect(changes.map((c) => [c.path, c.label, c.kind])).toEqual([["scenarios.s1", "Scenario 1", "added"]]);
    expect(changes[0].after).toContain("Good answer: UNIQUE-NOTE-47");
  });

  it("travel with a Persona Studio export", () => {
    const file = JSON.stringify(exportStudioJson({ name: "Refund desk", spec: withScenarios, exportedAt: "2026-12-01T00:00:00.000Z" }));
    expect(importStudioJson(file).spec.scenarios).toEqual(withScenarios.scenarios);
  });

  it("get short ids that avoid the taken ones", () => {
    let n = 0;
    const rolls = [0.5, 0.5, 0.25];
    const first = newScenarioId(new Set(), () => rolls[n++]);
    const second = newScenarioId(new Set([first]), () => rolls[n++]);
    expect(first).toMatch(/^s[0-9a-z]{6}$/);
    expect(second).not.toBe(first);
  });
});

describe("previewItems (what the live preview answers)", () => {
  it("answers the scenarios, after their context turns, instead of the sample messages", () => {
    const spec = { ...withScenarios, scenarios: [...withScenarios.scenarios, { id: "s2", message: "  ", note: "blank, skipped" }] };
    expect(previewItems(spec)).toEqual({
      source: "scenarios",
      items: [{ message: "UNIQUE-MESSAGE-47 refund me", scenarioId: "s1", context: [{ role: "user", content: "UNIQUE-TURN-47" }], note: "UNIQUE-NOTE-47" }],
    });
  });

  it("falls back to the sample messages when there are no scenarios", () => {
    expect(previewItems({ ...base, sampleMessages: ["Hi", " "] })).toEqual({ source: "samples", items: [{ message: "Hi" }] });
  });
});
