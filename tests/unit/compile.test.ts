import { describe, expect, it } from "vitest";
import { compilePersona, traitBand } from "@/lib/persona/compile";
import { emptySpec, type PersonaSpec } from "@/lib/schemas/persona";
import { findTrait } from "@/lib/traits/catalog";

const empathetic = findTrait("empathetic")!;

function spec(overrides: Partial<PersonaSpec> = {}): PersonaSpec {
  return {
    ...emptySpec("Nurse Ada"),
    archetype: "a veteran ER triage nurse",
    background: "Twenty years on night shifts.",
    values: ["patient safety"],
    voice: { register: "professional", tone: "calm", length: "brief" },
    boundaries: ["never diagnose over chat"],
    ...overrides,
  };
}

const promptOf = (s: PersonaSpec) => compilePersona(s).prompt;

describe("compilePersona", () => {
  it("is deterministic: the same spec always compiles to the same text", () => {
    const s = spec({ traitTargets: { empathetic: 90, firm: 30, dry_wit: 70 } });
    const first = compilePersona(s);
    expect(compilePersona(structuredClone(s))).toEqual(first);
    expect(first.source).toBe("compiled");
  });

  it("opens with the character's own name and the archetype on the first line", () => {
    expect(promptOf(spec({ characterName: "Ada" })).split("\n")[0]).toBe("You are Ada: a veteran ER triage nurse.");
    expect(promptOf(spec({ characterName: "Ada", archetype: "" })).split("\n")[0]).toBe("You are Ada.");
  });

  it("never puts the persona's display label into the prompt", () => {
    const labelled = spec({ name: "Support agent — empathetic but firm about refund policy", archetype: "a patient support agent at a bike shop" });
    expect(promptOf(labelled).split("\n")[0]).toBe("You are a patient support agent at a bike shop.");
    expect(promptOf(labelled)).not.toContain("Support agent —");
    expect(promptOf(spec({ characterName: "   " })).split("\n")[0]).toBe("You are a veteran ER triage nurse.");
    // Neither a name nor an archetype: no opening line at all rather than "You are Untitled persona."
    expect(promptOf(spec({ archetype: "" })).split("\n")[0]).toBe("## Who you are");
  });

  it("gives a bare archetype its article and keeps acronyms and names as written", () => {
    const first = (archetype: string) => promptOf(spec({ archetype })).split("\n")[0];
    expect(first("Investigative journalist who follows the money")).toBe("You are an investigative journalist who follows the money.");
    expect(first("ER triage nurse")).toBe("You are an ER triage nurse.");
    expect(first("A veteran ER triage nurse.")).toBe("You are a veteran ER triage nurse.");
    expect(first("honest broker")).toBe("You are an honest broker.");
    expect(first("university librarian")).toBe("You are a university librarian.");
    expect(first("Sherlock Holmes in his later years")).toBe("You are Sherlock Holmes in his later years.");
    expect(first("The ship's cook")).toBe("You are the ship's cook.");
  });

  it("writes a high trait target as the library's high-pole behaviour, not as an adjective", () => {
    const prompt = promptOf(spec({ traitTargets: { empathetic: 90 } }));
    expect(prompt).toContain("name the person's feelings");
    expect(prompt).toContain(`- Always ${empathetic.high}.`);
    expect(prompt).not.toMatch(/empathetic/i);
    expect(prompt).not.toContain(empathetic.low);
  });

  it("writes a low trait target as the low pole", () => {
    const prompt = promptOf(spec({ traitTargets: { empathetic: 10 } }));
    expect(prompt).toContain(`- Always ${empathetic.low}.`);
    expect(prompt).not.toContain(empathetic.high);
  });

  it("writes a middle target (50) as a balance of both poles", () => {
    const prompt = promptOf(spec({ traitTargets: { empathetic: 50 } }));
    expect(prompt).toContain(`- Balance it: sometimes ${empathetic.high}; at other times ${empathetic.low}.`);
  });

  it.each([
    [100, "always_high"], [85, "always_high"], [84, "usually_high"], [65, "usually_high"], [64, "balanced"],
    [36, "balanced"], [35, "usually_low"], [16, "usually_low"], [15, "always_low"], [0, "always_low"],
  ] as const)("target %i falls in band %s", (target, band) => {
    expect(traitBand(target)).toBe(band);
  });

  it("says 'Usually' for a clear but not absolute preference", () => {
    expect(promptOf(spec({ traitTargets: { empathetic: 70 } }))).toContain(`- Usually ${empathetic.high}.`);
    expect(promptOf(spec({ traitTargets: { empathetic: 25 } }))).toContain(`- Usually ${empathetic.low}.`);
  });

  it("lists the strongest preference first", () => {
    const prompt = promptOf(spec({ traitTargets: { empathetic: 60, firm: 95 } }));
    expect(prompt.indexOf(findTrait("firm")!.high)).toBeLessThan(prompt.indexOf(empathetic.high));
  });

  it("still describes a custom trait that is not in the library", () => {
    const prompt = promptOf(spec({ traitTargets: { dry_wit: 90 } }));
    expect(prompt).toContain('Show the trait "dry wit" very strongly (90/100)');
  });

  it("does not depend on the order in which trait targets were entered", () => {
    const a = spec({ traitTargets: { empathetic: 80, firm: 80, skeptical: 20, dry_wit: 50 } });
    const b = spec({ traitTargets: { dry_wit: 50, skeptical: 20, firm: 80, empathetic: 80 } });
    expect(promptOf(b)).toBe(promptOf(a));
  });

  it("never puts the designer's notes into the prompt", () => {
    const prompt = promptOf(spec({ notes: "INTERNAL: remember to ask legal about this one" }));
    expect(prompt).not.toContain("ask legal");
  });

  it("uses a hand-written override instead of the compiled text", () => {
    const compiled = compilePersona(spec({ promptOverride: "  You are a pirate. Arr.  ", traitTargets: { empathetic: 90 } }));
    expect(compiled).toEqual({ prompt: "You are a pirate. Arr.", source: "override" });
  });

  it("ignores an override that is only whitespace", () => {
    expect(compilePersona(spec({ promptOverride: "   \n " })).source).toBe("compiled");
  });

  it("leaves half-typed entries (blank values, boundaries, examples) out of the prompt", () => {
    const prompt = promptOf(
      spec({ values: ["  ", "honesty"], boundaries: [""], examples: [{ user: "Hi", assistant: " " }] }),
    );
    expect(prompt).toContain("## What you care about\n- Honesty.");
    expect(prompt).not.toContain("## Boundaries");
    expect(prompt).not.toContain("## Example exchanges");
    expect(prompt).not.toMatch(/^- \.?$/m);
  });

  it("includes background, values, voice, boundaries and examples", () => {
    const prompt = promptOf(
      spec({ examples: [{ user: "My chest hurts", assistant: "Call emergency services now." }] }),
    );
    expect(prompt).toContain("## Who you are\nTwenty years on night shifts.");
    expect(prompt).toContain("- Patient safety.");
    expect(prompt).toContain("- Register: professional and clear.");
    expect(prompt).toContain("- Tone: calm.");
    expect(prompt).toContain("- Never diagnose over chat.");
    expect(prompt).toContain("User: My chest hurts\nYou: Call emergency services now.");
  });
});
