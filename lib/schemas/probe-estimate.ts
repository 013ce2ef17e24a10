import { z } from "zod";

// What a probe will cost before it starts (issue 12 §5): POST …/probe-estimate
// takes the body of starting a run (createProbeRunBody) and answers with this.

const range = z.object({
  expected: z.number().describe("The median of the synthetic runs"),
  low: z.number().describe("10th percentile"),
  high: z.number().describe("90th percentile"),
});

export const probeEstimateSchema = z.object({
  calls: range.describe("Model calls: one target and one judge call per answer, plus the retest and panel judgments"),
  answers: range.describe("Answers across every arm (persona, baseline, control arms)"),
  tokens: z.object({ prompt: range, completion: range, total: range })
    .describe("Tokens: prompts from their characters (÷4), completions at a typical length"),
  costUsd: range.nullable().describe("US dollars from the providers' prices; null when a provider involved has no prices"),
  watched: z.array(z.string()).describe("The traits the run would watch (the default set when the body names none)"),
  targeted: z.array(z.string()),
  perTrait: z.array(z.object({ key: z.string(), targeted: z.boolean(), answers: z.number().describe("Persona answers to this trait's items (median)") })),
  controlArms: z.number().int().describe("Single-trait control arms the run would add"),
  pressureCalls: z.number().int().optional().describe("Of `calls`: the pressure conversations' calls — conversations × (turns + 1) × 2 (answer and judge), × 3 for a simulated user's conversations; absent without pressure"),
  selfReportCalls: z.number().int().optional().describe("Of `calls`: one target call per self-rating question (read without a judge); absent without selfReport"),
  framingArm: z.boolean().optional().describe("The run answers the items under the requested wording too (one more arm, priced like a control arm)"),
  percentiles: z.tuple([z.number(), z.number()]).describe("The percentiles of low and high"),
});
export type ProbeEstimate = z.infer<typeof probeEstimateSchema>;
