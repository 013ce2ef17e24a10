import { z } from "zod";
import { labelRefSchema } from "@/lib/schemas/labels";
import { landingDiffSchema } from "@/lib/schemas/landing-compare";
import { pressureDiffSchema } from "@/lib/schemas/pressure-diff";
import { personaSpecSchema, personaStatusSchema } from "@/lib/schemas/persona";

// Request and response shapes of the persona routes. Responses are checked
// against these in the integration tests and published in /api/openapi.json.

export const PERSONA_PAGE_SIZE = 50;
export const PERSONA_PAGE_MAX = 200;

export const listPersonasQuery = z.object({
  q: z.string().max(200).optional().describe("Search in name, archetype and slug"),
  status: z
    .enum(["active", "all", ...personaStatusSchema.options])
    .default("active")
    .describe("'active' = everything but archived"),
  sort: z.enum(["updated", "name", "created", "status"]).default("updated"),
  limit: z.coerce.number().int().min(1).max(PERSONA_PAGE_MAX).default(PERSONA_PAGE_SIZE).describe("Page size"),
  cursor: z.string().max(500).optional().describe("`nextCursor` of the previous page (same q, status and sort)"),
});

export const createPersonaBody = z.object({
  name: z.string().trim().min(1, "Give the persona a name").max(120),
  archetype: z.string().max(600).optional().describe("Character type to start from"),
  spec: personaSpecSchema.optional().describe("A full spec (import); name and archetype above win"),
});

export const updateDraftBody = z.object({
  revision: z.number().int().min(1).describe("The revision this edit was based on (optimistic concurrency)"),
  spec: personaSpecSchema,
});

export const setArchivedBody = z.object({ archived: z.boolean() });

export const personaSummarySchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  archetype: z.string(),
  status: personaStatusSchema,
  revision: z.number().int(),
  latestVersion: z.number().int().describe("0 when no version was saved yet"),
  approvedVersion: z.number().int().nullable().describe("The version a reviewer last approved"),
  traitCount: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().describe("Name of the last editor"),
  createdAt: z.string(),
  labels: z.array(labelRefSchema).optional().describe("Version labels (production, staging…) and their versions; on list pages"),
  avatarAt: z.string().nullable().optional()
    .describe("When the avatar was uploaded (null: none, the generated initials are drawn by the client); on list pages"),
});
export type PersonaSummary = z.infer<typeof personaSummarySchema>;

export const personaPageSchema = z.object({
  personas: z.array(personaSummarySchema),
  nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page"),
  count: z.number().int().nullable()
    .describe("Personas matching q and status (first page only; null when a cursor was given)"),
});
export type PersonaPage = z.infer<typeof personaPageSchema>;

export const personaDetailSchema = personaSummarySchema.extend({
  spec: personaSpecSchema,
  compiledPrompt: z.string(),
  promptSource: z.enum(["compiled", "override"]),
  dirty: z.boolean().describe("Draft differs from the latest version"),
});
export type PersonaDetail = z.infer<typeof personaDetailSchema>;

export const conflictDetailsSchema = z.object({
  current: z.object({
    revision: z.number().int(),
    spec: personaSpecSchema,
    updatedAt: z.string(),
    updatedBy: z.string(),
  }),
});
export type ConflictDetails = z.infer<typeof conflictDetailsSchema>;

export const createVersionBody = z.object({
  message: z.string().trim().min(1, "Say what changed in this version").max(500),
  revision: z.number().int().min(1).describe("Draft revision being snapshotted; 409 if stale"),
});

export const restoreVersionBody = z.object({
  revision: z.number().int().min(1).describe("Current draft revision; 409 if stale"),
});

export const versionSummarySchema = z.object({
  number: z.number().int(),
  message: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
});
export type VersionSummary = z.infer<typeof versionSummarySchema>;

export const versionDetailSchema = versionSummarySchema.extend({
  spec: personaSpecSchema,
  compiledPrompt: z.string(),
});
export type VersionDetail = z.infer<typeof versionDetailSchema>;

const diffSide = z
  .union([z.literal("draft"), z.coerce.number().int().min(1)])
  .describe("A version number, or 'draft'");

export const diffQuery = z.object({ from: diffSide, to: diffSide.default("draft") });

const diffPart = z.object({ value: z.string(), added: z.boolean(), removed: z.boolean() });

export const personaDiffSchema = z.object({
  from: z.union([z.literal("draft"), z.number().int()]),
  to: z.union([z.literal("draft"), z.number().int()]),
  fields: z.array(
    z.object({
      path: z.string(),
      label: z.string(),
      kind: z.enum(["added", "removed", "changed"]),
      before: z.string().nullable(),
      after: z.string().nullable(),
      parts: z.array(diffPart),
    }),
  ),
  prompt: z.object({ parts: z.array(diffPart), linesAdded: z.number().int(), linesRemoved: z.number().int() }),
  landing: landingDiffSchema.nullable()
    .describe("Where each version lands, from its newest completed probe run; null unless both sides have one"),
  landingNote: z.string().nullable().describe("Why landing is null, e.g. 'v2 has no completed probe report yet'"),
  pressure: pressureDiffSchema.nullable()
    .describe("Drift under pressure and the self-report gap per trait, from each version's newest run that has them (issue 14); null when neither has"),
});
export type PersonaDiffResponse = z.infer<typeof personaDiffSchema>;
