import { z } from "zod";
import { personaSpecSchema } from "@/lib/schemas/persona";
import { SCENARIO_LIMITS, scenarioTurnSchema } from "@/lib/schemas/scenario";

// Live preview: one user message answered by one persona snapshot on one model,
// streamed back as newline-delimited JSON events.

export const previewSourceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("spec"), spec: personaSpecSchema }).describe("An unsaved draft, compiled on the server"),
  z.object({ kind: z.literal("version"), personaId: z.string().min(1).max(64), number: z.number().int().min(1) }),
]);

export const previewBody = z.object({
  source: previewSourceSchema,
  message: z.string().trim().min(1, "Write a message to answer").max(4000),
  context: z
    .array(scenarioTurnSchema)
    .max(SCENARIO_LIMITS.contextTurns)
    .optional()
    .describe("Conversation before the message, oldest first (a scenario's context turns)"),
  providerId: z.string().max(64).optional().describe("Default: the workspace's default provider"),
  model: z.string().max(200).optional(),
  temperature: z.number().min(0).max(2).default(0.7),
  seed: z.number().int().min(0).max(2 ** 31).optional(),
});
export type PreviewBody = z.input<typeof previewBody>;

export const previewEventSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("start"),
    providerId: z.string(), providerLabel: z.string(), model: z.string(), simulated: z.boolean(),
  }),
  z.object({ type: z.literal("delta"), text: z.string() }),
  z.object({
    type: z.literal("done"),
    usage: z.object({ promptTokens: z.number(), completionTokens: z.number() }),
    latencyMs: z.number(), firstTokenMs: z.number().nullable(),
  }),
  z.object({ type: z.literal("error"), kind: z.string(), message: z.string(), status: z.number().optional() }),
]);
export type PreviewEvent = z.infer<typeof previewEventSchema>;

export const suggestArchetypesBody = z.object({
  traitTargets: z.record(z.string().regex(/^[a-z][a-z0-9_]{1,39}$/), z.number().int().min(0).max(100))
    .refine((t) => Object.keys(t).length > 0, "Add at least one trait target first"),
  archetype: personaSpecSchema.shape.archetype.optional().describe("The archetype as written: the persona's world, so suggestions come from it"),
  background: personaSpecSchema.shape.background.optional().describe("The persona's background, read for its setting"),
  boundaries: personaSpecSchema.shape.boundaries.optional().describe("The persona's boundaries, read for its setting"),
  providerId: z.string().max(64).optional(),
  model: z.string().max(200).optional(),
});
export type SuggestArchetypesBody = z.infer<typeof suggestArchetypesBody>;

export const archetypeSuggestionsSchema = z.object({
  archetypes: z.array(z.object({ name: z.string().min(1).max(200), line: z.string().max(400) })).min(1).max(8),
});

export const suggestArchetypesResponse = archetypeSuggestionsSchema.extend({
  providerLabel: z.string(),
  model: z.string(),
  simulated: z.boolean(),
});
export type ArchetypeSuggestions = z.infer<typeof suggestArchetypesResponse>;
