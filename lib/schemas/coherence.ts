import { z } from "zod";

// Measured trait-pair correlations of a workspace, beside the library's expectation.

export const measuredCorrelationsQuery = z.object({
  traits: z.string().min(1).max(2000).describe("Comma-separated trait keys (2–12)")
    .transform((s) => [...new Set(s.split(",").map((k) => k.trim()).filter(Boolean))])
    .pipe(z.array(z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, "Trait keys are lower_snake_case")).min(2, "Give at least two traits").max(12, "At most 12 traits")),
});

export const measuredCorrelationsSchema = z.object({
  pairs: z.array(z.object({
    a: z.string(),
    b: z.string(),
    expected: z.enum(["reinforcing", "neutral", "tension"]).describe("The trait library's expected relation"),
    reason: z.string(),
    measured: z.array(z.object({
      model: z.string(),
      simulated: z.boolean(),
      r: z.number().describe("Answer-level Pearson correlation pooled over recent runs"),
      n: z.number().int().describe("Answers scored on both traits"),
      runs: z.number().int(),
    })),
  })),
});
export type MeasuredCorrelations = z.infer<typeof measuredCorrelationsSchema>;
