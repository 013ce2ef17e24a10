import { z } from "zod";

// Which stored analysis a run's report is, and which others the run has.
// A completed run's report is computed once and stored with the method version
// that produced it; re-analysing with a newer method keeps the older one.

const storedAnalysis = z.object({
  methodVersion: z.string(),
  computedAt: z.string(),
  final: z.boolean().describe("Computed after the run stopped collecting answers; a partial report is refreshed while it runs"),
});

export const reportAnalysisSchema = storedAnalysis.extend({
  latestMethod: z.string().describe("The method the studio computes today; newer than methodVersion means the run can be re-analysed"),
  available: z.array(storedAnalysis).describe("Every stored analysis of this run, newest method first (read one with ?method=)"),
});
export type ReportAnalysis = z.infer<typeof reportAnalysisSchema>;

export const reportQuery = z.object({
  method: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/).optional().describe("Read the analysis stored under this method version (default: the newest stored)"),
});
