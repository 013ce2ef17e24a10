import { z } from "zod";
import { personaSpecSchema } from "@/lib/schemas/persona";
import { createProbeRunBody, probeRunSchema, reportSchema } from "@/lib/schemas/probe";

// Variants: named alternative specs of one persona ("trait list", "character
// type"), probed in one action on the same model and items and judged against
// the same targets — the persona's own — so the closer one wins.

export const variantNameSchema = z.string().trim().min(1, "Name the variant").max(60);

export const VARIANT_STARTS = ["draft", "character_type", "trait_list"] as const;

export const createVariantBody = z.object({
  name: variantNameSchema,
  from: z.enum(VARIANT_STARTS).default("draft")
    .describe("draft: a copy of the draft; character_type: the draft without its trait list; trait_list: only the trait list, no character type or background"),
  spec: personaSpecSchema.optional().describe("A full spec instead (e.g. imported); `from` is then ignored"),
});
export type CreateVariantBody = z.input<typeof createVariantBody>;

export const updateVariantBody = z.object({
  revision: z.number().int().min(1).describe("The revision this edit was based on; 409 if stale"),
  name: variantNameSchema.optional(),
  spec: personaSpecSchema.optional(),
});

export const variantSchema = z.object({
  id: z.string(),
  personaId: z.string(),
  name: z.string(),
  revision: z.number().int(),
  spec: personaSpecSchema,
  compiledPrompt: z.string(),
  createdBy: z.string(),
  updatedBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Variant = z.infer<typeof variantSchema>;

export const probeVariantsBody = createProbeRunBody.omit({ version: true }).extend({
  variantIds: z.array(z.string().min(1).max(64)).max(6).default([]),
  includeDraft: z.boolean().default(false).describe("Probe the current draft alongside the variants"),
  targetsFrom: z.union([z.literal("draft"), z.number().int().min(1)]).default("draft")
    .describe("Whose trait targets every variant is judged against: the draft's (default) or a saved version's"),
}).refine((b) => b.variantIds.length + (b.includeDraft ? 1 : 0) >= 2, { message: "Pick at least two to compare (variants, or a variant and the draft)", path: ["variantIds"] });
export type ProbeVariantsBody = z.input<typeof probeVariantsBody>;

export const variantStandingSchema = z.object({
  runId: z.string(),
  name: z.string(),
  variantId: z.string().nullable(),
  status: z.string(),
  distance: z.number().nullable().describe("Root mean square of (landing − target) over the targeted traits; lower is closer"),
  traitsMeasured: z.number().int(),
  flags: z.number().int(),
  deltas: z.record(z.string(), z.number().nullable()).describe("landing − target per targeted trait"),
});

export const variantBatchSchema = z.object({
  batchId: z.string(),
  targets: z.record(z.string(), z.number()),
  final: z.boolean().describe("Every run has finished"),
  winner: z.string().nullable().describe("runId of the variant that lands closest, once all are final"),
  standings: z.array(variantStandingSchema),
  runs: z.array(probeRunSchema.extend({ report: reportSchema })),
});
export type VariantBatch = z.infer<typeof variantBatchSchema>;
