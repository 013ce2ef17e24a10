import { z } from "zod";
import { personaSpecSchema } from "@/lib/schemas/persona";
import { createProbeRunBody, probeRunSchema, reportSchema } from "@/lib/schemas/probe";

// Variants: named alternative specs of one persona ("trait list", "character
// type"), probed in one action on the same model and items and judged against
// the same targets — the persona's own — so the closer one wins.

/**
 * When a variant is named the winner (lib/probing/compare/paired.ts): its mean
 * distance to the targets is lower by at least VARIANT_MIN_DIFFERENCE points and
 * the VARIANT_WIN_LEVEL interval of the paired difference excludes 0 (Holm over
 * all pairs). One source for the ranking, the API description and the page.
 */
export const VARIANT_WIN_LEVEL = 0.99;
export const VARIANT_MIN_DIFFERENCE = 2;

export const variantNameSchema = z.string().trim().min(1, "Name the variant").max(60);

export const VARIANT_STARTS = ["draft", "character_type", "trait_list"] as const;

export const createVariantBody = z.object({
  name: variantNameSchema,
  from: z.enum(VARIANT_STARTS).default("draft")
    .describe("draft: a copy of the draft; character_type: the draft without its trait list; trait_list: only the trait list, no character type or background"),
  spec: personaSpecSchema.optional().describe("A full spec instead (e.g. imported); `from` is then ignored"),
});
export type CreateVariantBody = z.input<typeof createVariantBody>;

/** The one-click "Try the requested-behaviour wording" (issue 14 §4): a variant with this trait's target moved into a role requirement. */
export const requestedWordingVariantBody = z.object({
  trait: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/).describe("A targeted trait of the draft, to state as a role requirement instead of the character's nature"),
});

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
  distance: z.number().nullable().describe("Root mean square of (landing − target) over the targeted traits, from the run's own report (display only; the ranking uses meanGap)"),
  meanGap: z.number().nullable().describe("Mean over targeted traits of |landing − target| on the items every contender answered: the distance the ranking compares, paired by item"),
  inTopGroup: z.boolean().describe("No other contender is clearly closer (paired interval, Holm over all pairs)"),
  traitsMeasured: z.number().int(),
  flags: z.number().int().describe("Open flags: not acknowledged as expected for this persona, and not a leak that came with the character type"),
  acknowledgedFlags: z.number().int().optional().describe("Flags acknowledged as expected for this persona (not counted in flags)"),
  deltas: z.record(z.string(), z.number().nullable()).describe("landing − target per targeted trait"),
  scenarioDeltas: z.record(z.string(), z.number().nullable()).optional()
    .describe("Landing over the persona's scenarios − target per targeted trait (every run of a batch asks the same scenarios); absent when the batch asked none. Display only: the ranking is on the library items"),
  scenarioDistance: z.number().nullable().optional()
    .describe("Mean over targeted traits of |scenario landing − target| (point estimate; absent when the batch asked no scenarios)"),
});

export type VariantStanding = z.infer<typeof variantStandingSchema>;

export const variantComparisonPairSchema = z.object({
  a: z.string().describe("runId"),
  b: z.string().describe("runId"),
  difference: z.number().nullable().describe("Mean distance of a − mean distance of b (points), paired by item; negative = a lands closer"),
  lo: z.number().nullable().describe("99% interval of the difference (the level a win is decided at; t over shared items, delta method for |landing − target|)"),
  hi: z.number().nullable(),
  items: z.number().int().describe("Shared items the difference is over"),
  pAdjusted: z.number().describe("Holm-adjusted p-value over all pairs"),
  winner: z.string().nullable().describe("runId of the clearly closer one; null = no clear difference"),
});
export type VariantComparisonPair = z.infer<typeof variantComparisonPairSchema>;

export const variantVerdictSchema = z.object({
  state: z.enum(["winner", "no clear winner", "pending"])
    .describe("winner: one contender is clearly closer than every other (paired intervals); no clear winner: the intervals do not separate them; pending: runs still going"),
  reason: z.string().describe("One sentence a designer can read: who wins by how much, or why no one does"),
  topGroup: z.array(z.string()).describe("runIds no other contender is clearly closer than"),
  margin: z.object({
    rival: z.string().describe("runId of the closest rival"),
    estimate: z.number().describe("How many points of mean distance the winner is closer by"),
    lo: z.number(), hi: z.number(), items: z.number().int(),
  }).nullable(),
});
export type VariantVerdict = z.infer<typeof variantVerdictSchema>;

export const variantBatchSchema = z.object({
  batchId: z.string(),
  targets: z.record(z.string(), z.number()),
  final: z.boolean().describe("Every run has finished"),
  winner: z.string().nullable().describe("runId of the variant that is clearly closest (paired intervals), once all are final; null = no clear winner"),
  verdict: variantVerdictSchema,
  comparisons: z.array(variantComparisonPairSchema).describe("Every pair of contenders, paired by item"),
  standings: z.array(variantStandingSchema),
  runs: z.array(probeRunSchema.extend({ report: reportSchema })),
});
export type VariantBatch = z.infer<typeof variantBatchSchema>;
