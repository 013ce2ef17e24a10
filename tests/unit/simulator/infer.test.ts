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
  it("reads a compiled persona's asks in the right direction, and nothing for a custom trait it has no word for", () => {
    const prompt = compiled({ traitTargets: { empathetic: 90, firm: 70, skeptical: 50, playful: 20, concise: 5, sea_shanties: 80 } });
    const asked = readPrompt(prompt).requested;
    expect(Object.keys(asked).sort()).toEqual(["concise", "empathetic", "firm", "playful", "skeptical"]);
    expect(asked.empathetic).toBeGreaterThanOrEqual(85);
    expect(asked.firm).toBeGreaterThan(60);
    expect(asked.firm).toBeLessThan(asked.empathetic);
    expect(asked.skeptical).toBe(50);
    expect(asked.playful).toBeLessThan(40);
    expect(asked.concise).toBeLessThan(20);
  });

  it("reads the compiler's register and length lines loosely, in the right direction", () => {
    const read = (register: VoiceRegister, length: VoiceLength) => readPrompt(compiled({ voice: { register, tone: "", length } })).requested;
    expect(read("neutral", "moderate")).toEqual({});
    expect(read("casual", "terse").formal).toBeLessThan(30);
    expect(read("casual", "terse").concise).toBeGreaterThan(70);
    expect(read("conversational", "brief").formal).toBeGreaterThan(read("casual", "terse").formal);
    expect(read("conversational", "brief").formal).toBeLessThan(50);
    expect(read("professional", "detailed").formal).toBeGreaterThan(50);
    expect(read("professional", "detailed").verbose).toBeGreaterThan(50);
    expect(read("formal", "moderate").formal).toBeGreaterThan(read("professional", "detailed").formal);
  });

  it("reads hand-written trait words with their modifiers (its own reading: plain 85, very 95, somewhat 65, not too 30, never 8)", () => {
    expect(readPrompt("You are a skeptical, empathetic but firm assistant").requested).toEqual({ skeptical: 85, empathetic: 85, firm: 85 });
    expect(readPrompt("Be very concise.").requested).toEqual({ concise: 95 });
    expect(readPrompt("Never be playful.").requested).toEqual({ playful: 8 });
    expect(readPrompt("Be somewhat formal.").requested).toEqual({ formal: 65 });
    expect(readPrompt("Keep it casual.").requested).toEqual({ formal: 15 });
    expect(readPrompt("Don't be too formal.").requested).toEqual({ formal: 30 });
    expect(readPrompt("Always question claims.").requested).toEqual({ skeptical: 95 });
  });

  it("does not read everyday nouns as trait requests", () => {
    const prompt = "You answer for a law firm. Patient safety comes first: for serious injuries, refer to a medical professional. Use bold for headings and keep HIPAA compliant records.";
    expect(readPrompt(prompt).requested).toEqual({});
    expect(readPrompt("Be a firm but professional guide.").requested).toEqual({ firm: 85, formal: 70 });
  });

  it("recognises character types, preferring the most specific phrase", () => {
    expect(inferPosition("You are Ada: a veteran ER triage nurse.").archetypeMatches).toEqual(["Emergency-room nurse"]);
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
    // Every archetype's profile (what the docs and suggestions say it lands) is what its point lands.
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
