import { describe, expect, it } from "vitest";
import { simulateChat } from "@/lib/llm/simulator/engine";
import { descriptionFrom, draftTrait } from "@/lib/llm/simulator/trait-draft";
import { parseJsonOutput } from "@/lib/llm/types";
import { PROBE_TOPICS } from "@/lib/probing/traits/types";
import { traitDraftOutputSchema } from "@/lib/schemas/custom-trait";

describe("the simulator's trait drafts", () => {
  it("answers a trait_draft request with a draft the API schema accepts, built from the fenced description", () => {
    const res = simulateChat({
      model: "persona-sim-1",
      messages: [{ role: "system", content: "You write traits." }, { role: "user", content: "Draft a trait:\n<description>Admits uncertainty openly.</description>" }],
      responseFormat: { type: "json_schema", name: "trait_draft", schema: {} },
    });
    const draft = traitDraftOutputSchema.parse(parseJsonOutput(res.text));
    expect(draft).toMatchObject({ name: "Admits uncertainty openly", key: "admits_uncertainty_openly", description: "Admits uncertainty openly." });
    expect(draft.high).toContain("admits uncertainty openly");
  });

  it("spreads 12 items over the six topics, two each, and anchors the rubric at 0, 50 and 100", () => {
    const draft = draftTrait("Uses sports metaphors to explain things");
    expect(draft.items).toHaveLength(12);
    for (const topic of PROBE_TOPICS) expect(draft.items.filter((i) => i.topic === topic)).toHaveLength(2);
    expect(Object.keys(draft.rubric.anchors).sort()).toEqual(["0", "100", "50"]);
    expect(draft.rubric.scenario).toBe(draft.items[0].text);
  });

  it("is deterministic and never proposes a built-in key", () => {
    expect(draftTrait("Firm")).toEqual(draftTrait("Firm"));
    expect(draftTrait("Firm").key).toBe("firm_custom");
    expect(draftTrait("42 ways to say no").key).toMatch(/^[a-z][a-z0-9_]{1,39}$/);
  });

  it("reads the whole message when there is no fence", () => {
    expect(descriptionFrom("  Talks   like a pirate ")).toBe("Talks like a pirate");
  });
});
