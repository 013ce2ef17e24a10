import { z } from "zod";

// Measured trait-pair correlations of a workspace, beside the library's expectation:
// the within-item correlation per persona and target model (never pooled across
// personas), relative to the baseline arm of the same runs.

export const measuredCorrelationsQuery = z.object({
  traits: z.string().min(1).max(2000).describe("Comma-separated trait keys (2–12)")
    .transform((s) => [...new Set(s.split(",").map((k) => k.trim()).filter(Boolean))])
    .pipe(z.array(z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, "Trait keys are lower_snake_case")).min(2, "Give at least two traits").max(12, "At most 12 traits")),
  personaId: z.string().min(1).max(64).optional()
    .describe("The persona being edited: its measurements come first, other personas' follow as separate entries"),
});

export const measuredDifferenceSchema = z.object({
  estimate: z.number(),
  lo: z.number(),
  hi: z.number(),
}).describe("Persona within-item r − baseline within-item r, with a 95% interval from resampling items (seeded, deterministic)");

export const measuredCorrelationsSchema = z.object({
  pairs: z.array(z.object({
    a: z.string(),
    b: z.string(),
    expected: z.enum(["reinforcing", "neutral", "tension"]).describe("The trait library's expected relation"),
    reason: z.string(),
    measured: z.array(z.object({
      personaId: z.string(),
      personaName: z.string(),
      model: z.string(),
      simulated: z.boolean(),
      r: z.number().describe("The persona arm's within-item correlation (scores centred on their item's mean within each run, pooled over items and over this persona's recent landing runs on this model)"),
      baselineR: z.number().nullable().describe("The baseline arm's within-item correlation from the same runs; null when too little within-item variation"),
      difference: measuredDifferenceSchema.nullable(),
      n: z.number().int().describe("Persona answers scored on both traits in items answered at least twice in a run"),
      items: z.number().int().describe("Distinct items (trait, item index) carrying within-item information"),
      runs: z.number().int().describe("Completed landing runs of this persona on this model that watched both traits"),
    })),
  })),
});
export type MeasuredCorrelations = z.infer<typeof measuredCorrelationsSchema>;
export type MeasuredCorrelation = MeasuredCorrelations["pairs"][number]["measured"][number];
