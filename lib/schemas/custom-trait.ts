import { z } from "zod";
import { PROBE_TOPICS } from "@/lib/probing/traits/types";
import { findTrait } from "@/lib/traits/catalog";

// Custom traits: a workspace's own trait, drafted by a model from one line and
// edited by a designer. Same shape as a built-in library trait, so probe runs
// can later measure it the same way. Every save is a new version of its key.

export const CUSTOM_TRAIT_MIN_ITEMS = 12;
export const TRAIT_KEY_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;

const text = (max: number) => z.string().trim().min(1).max(max);

export const customTraitItemSchema = z.object({
  topic: z.enum(PROBE_TOPICS).describe("Kind of conversation the item opens"),
  text: text(500).describe("A user message that gives the trait room to show"),
});

export const customTraitRubricSchema = z.object({
  instruction: text(500).describe("One sentence telling the judge what the 0–100 scale measures"),
  scenario: text(500).describe("The user message the anchor fragments answer"),
  anchors: z.object({ "0": text(500), "50": text(500), "100": text(500) })
    .describe("Short answer fragments that should score 0, 50 and 100"),
});

/** The editable fields: what the model drafts and what the designer saves. */
export const customTraitFieldsSchema = z.object({
  key: z.string().regex(TRAIT_KEY_PATTERN, "Use 2–40 lower-case letters, digits or _ and start with a letter")
    .refine((k) => !findTrait(k), "This key belongs to a built-in trait; pick another")
    .describe("lower_snake key, stable across versions"),
  name: text(80),
  description: text(300),
  high: text(300).describe("What a high scorer visibly does"),
  low: text(300).describe("What a low scorer visibly does"),
  items: z.array(customTraitItemSchema).min(CUSTOM_TRAIT_MIN_ITEMS).max(60),
  rubric: customTraitRubricSchema,
});
export type CustomTraitFields = z.infer<typeof customTraitFieldsSchema>;

export const draftCustomTraitBody = z.object({
  description: z.string().trim().min(3).max(300).describe("One line: the behaviour the trait is about"),
  providerId: z.string().max(64).optional(),
  model: z.string().max(200).optional(),
});
export type DraftCustomTraitBody = z.infer<typeof draftCustomTraitBody>;

/**
 * What the model must return. Looser than the save schema on `key` (a model may
 * propose a built-in key; the designer renames it before saving).
 */
export const traitDraftOutputSchema = customTraitFieldsSchema.extend({
  key: z.string().regex(TRAIT_KEY_PATTERN),
});

export const draftCustomTraitResponse = traitDraftOutputSchema.extend({
  simulated: z.boolean(),
  providerLabel: z.string(),
  model: z.string(),
});
export type CustomTraitDraft = z.infer<typeof draftCustomTraitResponse>;

export const saveCustomTraitBody = customTraitFieldsSchema;
export type SaveCustomTraitBody = z.input<typeof saveCustomTraitBody>;

export const customTraitSchema = customTraitFieldsSchema.extend({
  key: z.string(),
  id: z.string(),
  version: z.number().int().min(1),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type CustomTrait = z.infer<typeof customTraitSchema>;
