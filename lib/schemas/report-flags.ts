import { z } from "zod";

// The evidence a report flag carries (issue 11 §3), and the verdicts the report
// states for every trait, flagged or not. Shapes of lib/probing/flags/types.ts.

const estimate = z.object({
  estimate: z.number(), lo: z.number().nullable(), hi: z.number().nullable(), level: z.number(),
});

const equivalence = z.object({
  decision: z.enum(["equivalent", "not equivalent", "inconclusive"]),
  margin: z.number().describe("± the smallest shift that counts as leakage"),
  p: z.number().describe("TOST p-value (the larger of the two one-sided tests)"),
  lo: z.number(), hi: z.number(),
}).describe("Two one-sided tests within ±margin: the (1 − 2α) interval of the shift must lie inside it");

export const flagEvidenceSchema = z.object({
  answerIds: z.array(z.string()).optional(),
  conversation: z.number().int().optional().describe("Pressure flags: the index of the conversation that shows it most (GET …/conversations/{index})"),
  basis: z.string().optional().describe("What the number behind the flag is computed over"),
  value: estimate.optional().describe("The number behind the flag with its interval"),
  q: z.number().optional().describe("Benjamini–Hochberg q-value across the run's untargeted traits (leakage)"),
  equivalence: equivalence.optional(),
  correlation: z.object({
    persona: z.number().nullable(), baseline: z.number().nullable(), difference: estimate.nullable(), items: z.number().int(),
  }).optional().describe("Within-item correlation of the pair, persona and baseline, and persona − baseline"),
  relation: z.enum(["reinforcing", "neutral", "tension"]).optional().describe("The trait library's expected relation of the pair"),
  controls: z.array(estimate.extend({
    trait: z.string(), arm: z.string(), alone: z.number().nullable(), together: z.number().nullable(), items: z.number().int(),
  })).optional().describe("Together − alone per trait, paired by item, from single-trait control arms"),
});

export const traitVerdictsSchema = z.object({
  targets: z.array(z.object({
    key: z.string(),
    verdict: z.enum(["within tolerance", "miss", "overshoot", "not clearly off target", "beyond reach", "not measured"]),
    window: z.object({ lo: z.number(), hi: z.number() }).optional().describe("The window judged against: the instructed range (or the target) ± tolerance"),
    against: z.enum(["instructed", "target"]).optional(),
    reach: z.number().optional().describe("The extreme the model reaches in the direction asked (range check)"),
    note: z.string().optional(),
  })).describe("The same judgement each targeted row carries as `judged`, and the miss/overshoot flags read"),
  leakage: z.array(z.object({
    key: z.string(),
    verdict: z.enum(["leak", "no leakage", "not enough evidence"]),
    shift: z.number().nullable(), lo: z.number().nullable(), hi: z.number().nullable(), items: z.number().int(),
    q: z.number().nullable(), equivalence: equivalence.nullable(),
  })),
}).describe("What the report may say about every trait: targets judged with their intervals; leakage, no leakage (TOST) or not enough evidence");
export type TraitVerdictsReport = z.infer<typeof traitVerdictsSchema>;
