import { z } from "zod";
import { memberKeySchema, PANEL_LIMITS } from "@/lib/schemas/panel";

// Panel preview (issue 13 §3): one question answered by every member on its
// seat, streamed as NDJSON like the live preview; each event names its member
// and round (1: the question; 2: the cross-examination, after every first answer).

export const PANEL_PREVIEW_LIMITS = {
  /** Members answering at the same time. */
  concurrency: 4,
  /** Tokens per answer, both rounds. */
  maxTokens: 600,
  /** Characters of each other member's first answer quoted in the second round. */
  quoteChars: 1500,
} as const;

export const panelPreviewBody = z.object({
  question: z.string().trim().min(1, "Write a question for the panel").max(2000),
  crossExamine: z.boolean().default(false).describe("A second round: each member reads the others' first answers and responds"),
  members: z.array(memberKeySchema).min(1).max(PANEL_LIMITS.members).optional().describe("Only these members (keys); default: all"),
  temperature: z.number().min(0).max(2).default(0.7),
  seed: z.number().int().min(0).max(2 ** 31).optional(),
  record: z.boolean().default(false).describe("Keep the question and every answer as a recorded session others can comment on"),
});
export type PanelPreviewBody = z.input<typeof panelPreviewBody>;

const tag = { member: memberKeySchema, round: z.union([z.literal(1), z.literal(2)]) };

export const panelPreviewEventSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("panel"),
    members: z.array(z.object({ key: z.string(), name: z.string() })),
    rounds: z.number().int().min(1).max(2),
  }).describe("First line: who answers, in order"),
  z.object({ type: z.literal("session"), sessionId: z.string() }).describe("Second line when recording: the session the answers are stored in"),
  z.object({
    type: z.literal("start"), ...tag,
    providerId: z.string(), providerLabel: z.string(), model: z.string(), simulated: z.boolean(),
    prompt: z.object({ source: z.enum(["version", "draft"]), version: z.number().int().nullable() }).describe("Which of the persona's prompts answered"),
  }),
  z.object({ type: z.literal("delta"), ...tag, text: z.string() }),
  z.object({
    type: z.literal("done"), ...tag,
    usage: z.object({ promptTokens: z.number(), completionTokens: z.number() }),
    latencyMs: z.number(), firstTokenMs: z.number().nullable(),
  }),
  z.object({ type: z.literal("error"), ...tag, kind: z.string(), message: z.string(), status: z.number().optional() }),
  z.object({ type: z.literal("end") }).describe("Last line: every member finished"),
]);
export type PanelPreviewEvent = z.infer<typeof panelPreviewEventSchema>;
