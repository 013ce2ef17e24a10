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

  it("opens with the name and the archetype on the first line", () => {
    expect(promptOf(spec()).split("\n")[0]).toBe("You are Nurse Ada: a veteran ER triage nurse.");
    expect(promptOf(spec({ archetype: "" })).split("\n")[0]).toBe("You are Nurse Ada.");
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
