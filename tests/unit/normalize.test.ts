import { describe, expect, it } from "vitest";
import { normalizeSpec, serializeSpec, slugify } from "@/lib/persona/normalize";
import { emptySpec } from "@/lib/schemas/persona";

describe("normalizeSpec / serializeSpec", () => {
  it("stores the same content as the same bytes, whatever the trait order", () => {
    const a = { ...emptySpec("Ada"), traitTargets: { warm: 70, empathetic: 80, firm: 20 } };
    const b = { ...emptySpec("Ada"), traitTargets: { firm: 20, empathetic: 80, warm: 70 } };
    expect(serializeSpec(a)).toBe(serializeSpec(b));
    expect(Object.keys(normalizeSpec(a).traitTargets)).toEqual(["empathetic", "firm", "warm"]);
  });

  it("keeps every field and drops unknown ones", () => {
    const spec = { ...emptySpec("Ada"), notes: "n", promptOverride: "p" };
    // Issue 14's fields are written only when used, so older specs keep their bytes.
    const { requirements: _r, pressureScripts: _p, ...older } = spec;
    expect(normalizeSpec({ ...spec, extra: "x" } as typeof spec)).toEqual(older);
    const used = { ...spec, requirements: ["The role asks you to be brief; that is the job here, not who you are."], pressureScripts: [{ name: "Push", trait: "firm", opening: "Refund?", pushes: ["Again?"] }] };
    expect(normalizeSpec(used)).toEqual(used);
  });
});

describe("characterName in stored specs", () => {
  it("is absent from specs that have none, so a spec from before the field keeps its bytes", () => {
    const older = emptySpec("Ada");
    expect("characterName" in normalizeSpec(older)).toBe(false);
    expect(serializeSpec({ ...older, characterName: "" })).toBe(serializeSpec(older));
    expect(serializeSpec({ ...older, characterName: "   " })).toBe(serializeSpec(older));
  });

  it("is kept, right after the label, when the designer names the character", () => {
    const named = normalizeSpec({ ...emptySpec("Support agent — firm on refunds"), characterName: "Maya" });
    expect(named.characterName).toBe("Maya");
    expect(Object.keys(named).slice(0, 3)).toEqual(["name", "characterName", "archetype"]);
  });
});

describe("slugify", () => {
  it.each([
    ["Nurse Ada", "nurse-ada"],
    ["  The Skeptic!! (v2) ", "the-skeptic-v2"],
    ["Crème Brûlée Chef", "creme-brulee-chef"],
    ["***", "persona"],
    ["", "persona"],
  ])("%j → %j", (input, slug) => {
    expect(slugify(input)).toBe(slug);
  });

  it("keeps slugs at most 60 characters without a trailing dash", () => {
    const slug = slugify(`${"a".repeat(59)} bcd`);
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toBe("a".repeat(59));
  });
});
