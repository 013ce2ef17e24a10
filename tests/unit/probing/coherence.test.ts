import { describe, expect, it } from "vitest";
import { coherenceCheck, readTraitWords } from "@/lib/probing/coherence";
import { emptySpec, type PersonaSpec } from "@/lib/schemas/persona";

// The static coherence check warns before any model call, from the library's
// pair relations and the character types — and stays quiet for coherent types.

const spec = (over: Partial<PersonaSpec>): PersonaSpec => ({ ...emptySpec("Tess"), ...over });

describe("coherenceCheck", () => {
  it("warns that empathetic + firm targets tend to collapse, suggesting types that hold both", () => {
    const r = coherenceCheck(spec({ traitTargets: { empathetic: 90, firm: 85 } }));
    const w = r.warnings.find((x) => x.kind === "tension")!;
    expect(w.traits).toEqual(["empathetic", "firm"]);
    expect(w.title).toBe("Empathetic + Firm / boundary-setting often settle into a compromise");
    expect(w.suggestions.map((s) => s.name)).toContain("ER triage nurse");
    expect(w.explanation).toContain("ER triage nurse");
  });

  it("stays quiet when the archetype is a type that holds the pair", () => {
    const r = coherenceCheck(spec({ archetype: "a veteran ER triage nurse", traitTargets: { empathetic: 90, firm: 85 } }));
    expect(r.warnings.filter((w) => w.kind === "tension")).toEqual([]);
    expect(r.held).toEqual([{ traits: ["empathetic", "firm"], by: "ER triage nurse" }]);
    expect(r.types.map((t) => t.name)).toEqual(["ER triage nurse"]);
  });

  it("reads trait words in the free text, so an imported card with no targets is still checked", () => {
    const r = coherenceCheck(spec({ archetype: "", background: "She is deeply compassionate but strict, and never jokes." }));
    expect(r.asked.map((a) => [a.key, a.level, a.source])).toEqual(expect.arrayContaining([["empathetic", 95, "text"], ["firm", 85, "text"]]));
    expect(r.warnings.map((w) => w.id)).toContain("tension:empathetic+firm");
  });

  it("reads a hand-written prompt instead of the spec fields when one is set", () => {
    const r = coherenceCheck(spec({ background: "very playful", promptOverride: "You are a skeptical, very warm assistant." }));
    expect(r.asked.map((a) => a.key).sort()).toEqual(["skeptical", "warm"]);
    expect(r.asked.every((a) => a.field === "promptOverride")).toBe(true);
  });

  it("flags reinforcing traits asked in opposite directions, and targets against the named type", () => {
    const opposed = coherenceCheck(spec({ traitTargets: { warm: 90, empathetic: 20 } }));
    expect(opposed.warnings.map((w) => w.kind)).toContain("opposed");
    const against = coherenceCheck(spec({ archetype: "a drill sergeant", traitTargets: { empathetic: 90 } }));
    const w = against.warnings.find((x) => x.kind === "against_type")!;
    expect(w.title).toBe("Empathetic high works against “Drill sergeant”");
  });

  it("explicit targets win over words, and negations lower the level", () => {
    expect(readTraitWords("never be playful, be very concise")).toEqual([{ key: "playful", level: 10, word: "playful" }, { key: "concise", level: 95, word: "concise" }]);
    const r = coherenceCheck(spec({ background: "very blunt", traitTargets: { blunt: 20 } }));
    expect(r.asked.find((a) => a.key === "blunt")).toMatchObject({ level: 20, source: "target" });
  });

  it("says nothing about a coherent or empty persona", () => {
    expect(coherenceCheck(spec({})).warnings).toEqual([]);
    expect(coherenceCheck(spec({ traitTargets: { skeptical: 80, analytical: 75 } })).warnings).toEqual([]);
  });
});
