import { describe, expect, it } from "vitest";
import { diffSpecs } from "@/lib/persona/diff";
import { emptySpec } from "@/lib/schemas/persona";
import type { Scenario } from "@/lib/schemas/scenario";

const withScenario = (sc: Scenario) => ({ ...emptySpec("Refunds"), scenarios: [sc] });

describe("version diff · scenario checks", () => {
  it("shows an added check on the scenario, with its label and rule", () => {
    const before = withScenario({ id: "s1", message: "Refund me" });
    const after = withScenario({ id: "s1", message: "Refund me", checks: [{ id: "c1", type: "contains", value: "30-day", label: "mentions the 30-day policy" }, { id: "c2", type: "max_length", value: 600 }] });
    const [change, ...rest] = diffSpecs(before, after);
    expect(rest).toEqual([]);
    expect(change).toMatchObject({ path: "scenarios.s1", kind: "changed", before: "User: Refund me" });
    expect(change.after).toBe('User: Refund me\nCheck: mentions the 30-day policy — contains "30-day"\nCheck: at most 600 characters');
  });
});
