import { describe, expect, it } from "vitest";
import { diffPrompts, diffSpecs } from "@/lib/persona/diff";
import { emptySpec, type PersonaSpec } from "@/lib/schemas/persona";

function spec(overrides: Partial<PersonaSpec> = {}): PersonaSpec {
  return { ...emptySpec("Nurse Ada"), archetype: "a veteran ER triage nurse", traitTargets: { empathetic: 80 }, ...overrides };
}

describe("diffSpecs", () => {
  it("reports nothing for identical specs, whatever the trait order", () => {
    expect(diffSpecs(spec(), spec())).toEqual([]);
    const a = spec({ traitTargets: { empathetic: 80, firm: 20 } });
    const b = spec({ traitTargets: { firm: 20, empathetic: 80 } });
    expect(diffSpecs(a, b)).toEqual([]);
  });

  it("reports a changed archetype with before, after and word parts", () => {
    const [change, ...rest] = diffSpecs(spec(), spec({ archetype: "a veteran ICU nurse" }));
    expect(rest).toEqual([]);
    expect(change).toMatchObject({
      path: "archetype", label: "Archetype", kind: "changed",
      before: "a veteran ER triage nurse", after: "a veteran ICU nurse",
    });
    // The word parts rebuild both texts, and only the differing words are marked.
    expect(change.parts.filter((p) => !p.added).map((p) => p.value).join("")).toBe(change.before);
    expect(change.parts.filter((p) => !p.removed).map((p) => p.value).join("")).toBe(change.after);
    expect(change.parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual(["ICU"]);
    expect(change.parts.find((p) => !p.added && !p.removed && p.value.includes("veteran"))).toBeDefined();
  });

  it("reports an added trait target as 'added' and a removed one as 'removed'", () => {
    const changes = diffSpecs(
      spec({ traitTargets: { empathetic: 80 } }),
      spec({ traitTargets: { firm: 70 } }),
    );
    expect(changes).toEqual([
      expect.objectContaining({ path: "traitTargets.empathetic", label: "Trait target · Empathetic", kind: "removed", before: "80", after: null }),
      expect.objectContaining({ path: "traitTargets.firm", kind: "added", before: null, after: "70" }),
    ]);
  });

  it("reports a changed trait target level", () => {
    expect(diffSpecs(spec(), spec({ traitTargets: { empathetic: 30 } }))).toEqual([
      expect.objectContaining({ path: "traitTargets.empathetic", kind: "changed", before: "80", after: "30" }),
    ]);
  });

  it("lists changes in form order (name before archetype before traits before notes)", () => {
    const changes = diffSpecs(spec(), spec({ name: "Ada", notes: "new", traitTargets: { empathetic: 10 }, archetype: "x" }));
    expect(changes.map((c) => c.path)).toEqual(["name", "archetype", "traitTargets.empathetic", "notes"]);
  });
});

describe("diffPrompts", () => {
  it("counts added and removed lines", () => {
    const d = diffPrompts("one\ntwo\nthree\n", "one\nTWO\nthree\nfour\n");
    expect(d.linesAdded).toBe(2);
    expect(d.linesRemoved).toBe(1);
  });

  it("gives back both texts from its parts", () => {
    const a = "You are Ada.\n\n## How you speak\n- Brief.";
    const b = "You are Ada: a nurse.\n\n## How you speak\n- Brief.";
    const { parts } = diffPrompts(a, b);
    expect(parts.filter((p) => !p.added).map((p) => p.value).join("")).toBe(a);
    expect(parts.filter((p) => !p.removed).map((p) => p.value).join("")).toBe(b);
  });

  it("reports zero lines for identical prompts", () => {
    expect(diffPrompts("same\ntext", "same\ntext")).toMatchObject({ linesAdded: 0, linesRemoved: 0 });
  });
});
