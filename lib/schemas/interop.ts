import { z } from "zod";
import { personaDetailSchema } from "@/lib/schemas/persona-api";

// Moving personas in and out: the upload and download shapes.

export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;

export const importPersonaBody = z.object({
  fileName: z.string().trim().min(1, "Name the file").max(200).describe("Decides nothing alone: the content is sniffed too"),
  encoding: z.enum(["text", "base64"]).default("text").describe("base64 for binary files (PNG cards)"),
  content: z.string().min(1, "The file is empty").max(Math.ceil(MAX_IMPORT_BYTES * 4 / 3) + 4, "The file is over 8 MB"),
  name: z.string().trim().min(1).max(120).optional().describe("Name for a plain prompt (default: read from 'You are …')"),
  target: z.object({
    personaId: z.string().trim().min(1).max(200),
    revision: z.number().int().min(0).describe("The draft revision the user saw; a newer draft is a 409"),
  }).optional().describe("Update this persona instead of creating one"),
  asNew: z.boolean().default(false).describe("Create a new persona even when the file's export id matches one in this workspace"),
});
export type ImportPersonaBody = z.input<typeof importPersonaBody>;

export const IMPORT_FORMATS = ["studio-json", "card-json", "png-card", "plain-prompt"] as const;

export const importResultSchema = z.object({
  persona: personaDetailSchema,
  action: z.enum(["created", "updated"]).describe("updated: the file's export id (or the chosen target) named a persona of this workspace"),
  format: z.enum(IMPORT_FORMATS),
  cardVersion: z.enum(["v1", "v2", "v3"]).nullable(),
  versionsImported: z.number().int().describe("On an update, only the file's versions whose spec the persona has no version of"),
  keptFields: z.array(z.string()).describe("Card fields the studio does not map, kept for a faithful re-export"),
  warnings: z.array(z.object({ field: z.string(), message: z.string() })),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const EXPORT_FORMATS = ["studio-json", "card-v2", "card-v3", "card-png", "plain", "promptfoo"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const exportQuery = z.object({
  format: z.enum(EXPORT_FORMATS),
  version: z.union([z.literal("draft"), z.coerce.number().int().min(1)]).optional()
    .describe("A saved version, or 'draft'; default: the latest version (the draft when none is saved)"),
  provider: z.string().trim().min(1).max(200).optional().describe("promptfoo provider id, e.g. openai:gpt-4o-mini"),
});
