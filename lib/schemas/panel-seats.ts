import { z } from "zod";
import { seatPlanSchema, seatSchema } from "@/lib/schemas/panel";

// "Spread seats" (issue 13 §2): the API shapes. The route computes the two
// plans and saves nothing; the panel page shows them side by side and saves
// the chosen one with PATCH …/panels/{panelId} (spec.plans).

export const spreadSeatsBody = z.object({
  strategy: z.object({
    providerSpreadFirst: z.boolean().optional().describe("Spread members over providers before models (default true)"),
    avoidPairCollocation: z.boolean().optional().describe("Never seat a polarity pair on the same provider when another is free (default true)"),
  }).optional(),
});
export type SpreadSeatsBody = z.infer<typeof spreadSeatsBody>;

/** A seat the workspace offers: each provider's models (the simulator's three, every other provider's default). */
export const candidateSeatSchema = seatSchema.extend({
  label: z.string().describe("e.g. 'OpenRouter · gpt-4o-mini' or 'Simulator — not a language model · persona-sim-2'"),
});
export type CandidateSeatInfo = z.infer<typeof candidateSeatSchema>;

export const spreadSeatsResultSchema = z.object({
  single: seatPlanSchema.describe("Every member on the workspace default"),
  routed: seatPlanSchema.describe("Members spread over the candidates, polarity pairs kept apart; each seat explained"),
  candidates: z.array(candidateSeatSchema),
});
export type SpreadSeatsResult = z.infer<typeof spreadSeatsResultSchema>;
