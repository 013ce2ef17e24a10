import { z } from "zod";

// "Why this score?" (issue 12 §4): the judge's short reason per trait for one
// answer's scores, asked once and kept on the answer.

export const answerRationaleSchema = z.object({
  rationale: z.record(z.string(), z.string()).describe("Per scored trait key: 1–2 sentences from the judge on why the answer got its score"),
  scores: z.record(z.string(), z.number().nullable()).describe("The scores being explained, as the judge gave them"),
  judge: z.object({ label: z.string(), model: z.string() }).describe("The run's judge, which wrote the rationale"),
  cached: z.boolean().describe("true when no new model call was made (kept on the answer, or an identical earlier call)"),
});
export type AnswerRationale = z.infer<typeof answerRationaleSchema>;
