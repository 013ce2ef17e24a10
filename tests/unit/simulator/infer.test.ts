import { describe, expect, it } from "vitest";
import { compilePersona } from "@/lib/persona/compile";
import { emptySpec, type PersonaSpec, type VoiceLength, type VoiceRegister } from "@/lib/schemas/persona";
import { ARCHETYPES } from "@/lib/llm/simulator/archetypes";
import { inferPosition, readPrompt } from "@/lib/llm/simulator/infer";
import { baselineLevels, levelsAt, TRAIT_KEYS } from "@/lib/llm/simulator/space";

function compiled(overrides: Partial<PersonaSpec>): string {
  return compilePersona({ ...emptySpec("Sam"), ...overrides }).prompt;
}

const baseline = baselineLevels();

describe("reading a system prompt", () => {
  it("reads compiled behaviour lines as their bands (95/75/50/25/5) and nothing else", () => {
    const prompt = compiled({ traitTargets: { empathetic: 90, firm: 70, skeptical: 50, playful: 20, concise: 5, dry_wit: 80 } });
    expect(readPrompt(prompt).requested).toEqual({ empathetic: 95, firm: 75, skeptical: 50, playful: 25, concise: 5 });
  });

  it("reads every register and length the compiler writes (guards against wording drift)", () => {
    const cases: [VoiceRegister, VoiceLength, Record<string, number>][] = [
      ["casual", "terse", { formal: 15, concise: 90 }],
      ["conversational", "brief", { formal: 30, concise: 70 }],
      ["neutral", "moderate", {}],
      ["professional", "detailed", { formal: 70, verbose: 80 }],
      ["formal", "moderate", { formal: 90 }],
    ];
    for (const [register, length, expected] of cases) {
      expect(readPrompt(compiled({ voice: { register, tone: "", length } })).requested).toEqual(expected);
    }
  });

  it("reads hand-written trait words with their modifiers", () => {
    expect(readPrompt("You are a skeptical, empathetic but firm assistant").requested).toEqual({ skeptical: 85, empathetic: 85, firm: 85 });
    expect(readPrompt("Be very concise.").requested).toEqual({ concise: 95 });
    expect(readPrompt("Never be playful.").requested).toEqual({ playful: 10 });
    expect(readPrompt("Be somewhat formal.").requested).toEqual({ formal: 65 });
    expect(readPrompt("Keep it casual.").requested).toEqual({ formal: 15 });
    expect(readPrompt("Don't be too formal.").requested).toEqual({ formal: 30 });
    expect(readPrompt("Always question claims.").requested).toEqual({ skeptical: 95 });
  });

  it("does not read everyday nouns as trait requests", () => {
    const prompt = "You answer for a law firm. Patient safety comes first: for serious injuries, refer to a medical professional. Use bold for headings and keep HIPAA compliant records.";
    expect(readPrompt(prompt).requested).toEqual({});
    expect(readPrompt("Be a firm but professional guide.").requested).toEqual({ firm: 85, formal: 85 });
  });

  it("recognises character types, preferring the most specific phrase", () => {
    expect(inferPosition("You are Ada: a veteran ER triage nurse.").archetypeMatches).toEqual(["ER triage nurse"]);
    expect(inferPosition("You are a pirate butler.").archetypeMatches).toEqual(["Pirate", "Butler"]);
    expect(inferPosition("You are a helpful assistant.").archetypeMatches).toEqual([]);
  });
});

describe("where a prompt lands", () => {
  it("is deterministic", () => {
    const p = "You are a skeptical, empathetic but firm assistant";
    expect(inferPosition(p)).toEqual(inferPosition(p));
  });

  it("lands a neutral prompt on the documented baseline, every trait within 50 ± 12", () => {
    for (const prompt of ["You are a helpful assistant.", "", "   "]) {
      const pos = inferPosition(prompt);
      for (const key of TRAIT_KEYS) {
        expect(pos.traits[key]).toBeCloseTo(baseline[key], 8);
        expect(Math.abs(pos.traits[key] - 50)).toBeLessThanOrEqual(12);
      }
    }
  });

  it("pulls unrequested neighbours along: asking for skeptical raises contrarian by 10+ points", () => {
    for (const prompt of ["You are skeptical.", compiled({ traitTargets: { skeptical: 90 } })]) {
      const pos = inferPosition(prompt);
      expect(pos.requested).not.toHaveProperty("contrarian");
      expect(pos.traits.contrarian - baseline.contrarian).toBeGreaterThanOrEqual(10);
      expect(pos.traits.authority_resistant).toBeGreaterThan(baseline.authority_resistant);
    }
  });

  it("settles conflicting requests at a compromise, while one trait alone is met", () => {
    const alone = [["You are empathetic.", 85], ["You are very empathetic.", 95], [compiled({ traitTargets: { empathetic: 90 } }), 95]] as const;
    for (const [prompt, asked] of alone) {
      expect(Math.abs(inferPosition(prompt).traits.empathetic - asked)).toBeLessThanOrEqual(10);
    }
    const together = [
      ["You are empathetic and firm.", 85],
      ["You are very empathetic and very firm.", 95],
      [compiled({ traitTargets: { empathetic: 90, firm: 90 } }), 95],
    ] as const;
    for (const [prompt, asked] of together) {
      const { traits } = inferPosition(prompt);
      expect(Math.max(asked - traits.empathetic, asked - traits.firm)).toBeGreaterThanOrEqual(12);
    }
  });

  it("lands a coherent character type on all of its characteristic traits at once", () => {
    const nurse = inferPosition("You are Ada: a veteran ER triage nurse.").traits;
    for (const key of ["empathetic", "firm", "cautious", "direct"]) expect(nurse[key]).toBeGreaterThanOrEqual(65);
    expect(nurse.playful).toBeLessThanOrEqual(40);
    // Every archetype in the lexicon is internally consistent in the same way.
    for (const arch of ARCHETYPES) {
      const l = levelsAt([...arch.z]);
      for (const key of arch.high) expect(l[key], `${arch.name} ${key}`).toBeGreaterThanOrEqual(62);
      for (const key of arch.low) expect(l[key], `${arch.name} ${key}`).toBeLessThanOrEqual(38);
    }
  });

  it("lets trait lines move an archetype without losing it", () => {
    const nurse = inferPosition("You are a veteran ER triage nurse.").traits;
    const playfulNurse = inferPosition(compiled({ archetype: "a veteran ER triage nurse", traitTargets: { playful: 90 } })).traits;
    expect(playfulNurse.playful).toBeGreaterThan(nurse.playful + 15);
    // Playful pulls against firm (−0.33), but the nurse stays firmer and kinder than the neutral assistant.
    expect(playfulNurse.firm).toBeGreaterThan(baseline.firm + 5);
    expect(playfulNurse.empathetic).toBeGreaterThan(baseline.empathetic + 15);
  });
});
