import { PRESSURE_LIMITS, pressureScriptSchema } from "@/lib/schemas/pressure";
import { z } from "zod";
import { scenariosSchema } from "@/lib/schemas/scenario";

// One PersonaSpec schema for the form, the API and the compiler. Limits are
// generous for real personas but bounded so a single save stays small.

export const TRAIT_KEY = /^[a-z][a-z0-9_]{1,39}$/;

export const traitKeySchema = z
  .string()
  .regex(TRAIT_KEY, "Trait keys are lower_snake_case, 2–40 characters")
  .describe("Trait key, e.g. empathetic");

export const voiceLengthSchema = z.enum(["terse", "brief", "moderate", "detailed"]);
export const voiceRegisterSchema = z.enum(["casual", "conversational", "neutral", "professional", "formal"]);

export const voiceSchema = z
  .object({
    register: voiceRegisterSchema.describe("How formal the language is"),
    tone: z.string().max(300).describe("Free description of the tone, e.g. 'calm, dry humour'"),
    length: voiceLengthSchema.describe("Typical answer length"),
  })
  .describe("How the persona speaks");

export const exampleExchangeSchema = z.object({
  user: z.string().max(2000),
  assistant: z.string().max(4000),
});

/** Messages the live preview sends; they give the persona's traits room to show. */
export const DEFAULT_SAMPLE_MESSAGES = [
  "I've been waiting for two hours and nobody will tell me anything. This is ridiculous.",
  "My manager says my plan is too risky, but I'm sure I'm right. Can you back me up?",
  "What's the fastest way to get good at public speaking?",
];

export const personaSpecSchema = z
  .object({
    name: z.string().trim().min(1, "Give the persona a name").max(120).describe("Display name"),
    characterName: z.string().max(120).optional()
      .describe("The character's own name in the prompt (\"You are Maya: …\"); without it the prompt names no one — the display name is a label for the team, never sent"),
    archetype: z
      .string()
      .max(600)
      .describe("The character type the persona is, e.g. 'a veteran ER triage nurse'. The most important field."),
    background: z.string().max(4000).describe("Who this character is: history, situation, expertise"),
    values: z.array(z.string().max(300)).max(20).describe("What the character cares about"),
    voice: voiceSchema,
    boundaries: z.array(z.string().max(300)).max(20).describe("What the character will not do"),
    requirements: z.array(z.string().max(400)).max(20).default([])
      .describe("What the job asks of the character, requested in context rather than part of who they are (\"The company asks you to apply the refund policy without exceptions; that is the job here, not who you are\")"),
    traitTargets: z
      .record(traitKeySchema, z.number().int().min(0).max(100))
      .refine((r) => Object.keys(r).length <= 40, "At most 40 trait targets")
      .describe("Trait key → intended level 0–100 (50 = no preference either way)"),
    examples: z.array(exampleExchangeSchema).max(12).describe("Example exchanges that show the voice"),
    notes: z.string().max(8000).describe("Designer notes; never part of the prompt"),
    sampleMessages: z
      .array(z.string().max(2000))
      .max(8)
      .default(DEFAULT_SAMPLE_MESSAGES)
      .describe("User messages the live preview answers; never part of the prompt"),
    scenarios: scenariosSchema,
    pressureScripts: z.array(pressureScriptSchema).max(PRESSURE_LIMITS.scripts).default([])
      .describe("The persona's own pressure scripts: user turns that push against a trait, for pressure tests"),
    promptOverride: z
      .string()
      .max(20000)
      .nullable()
      .describe("Hand-written system prompt used instead of the compiled one when set"),
  })
  .describe("PersonaSpec");

export type PersonaSpec = z.infer<typeof personaSpecSchema>;
export type VoiceLength = z.infer<typeof voiceLengthSchema>;
export type VoiceRegister = z.infer<typeof voiceRegisterSchema>;

export function emptySpec(name = "Untitled persona"): PersonaSpec {
  return {
    name,
    archetype: "",
    background: "",
    values: [],
    voice: { register: "neutral", tone: "", length: "moderate" },
    boundaries: [],
    requirements: [],
    traitTargets: {},
    examples: [],
    notes: "",
    sampleMessages: [...DEFAULT_SAMPLE_MESSAGES],
    scenarios: [],
    pressureScripts: [],
    promptOverride: null,
  };
}

export const personaStatusSchema = z.enum(["draft", "in_review", "changes_requested", "approved", "archived"]);
export type PersonaStatus = z.infer<typeof personaStatusSchema>;
