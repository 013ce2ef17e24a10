import { z } from "zod";
import { PRESSURE_FLAG_KINDS } from "@/lib/schemas/pressure";

// Issue 14 §6 in a version diff: per trait, how each version drifts under
// pressure and how far its self-rating sits from its behaviour. Each side reads
// its own newest completed run whose final report has the section (a pressure
// test and a self-report may come from different runs, and neither need be the
// run the landing comparison uses). A is the "from" side.

const interval = z.object({ estimate: z.number().nullable(), lo: z.number().nullable(), hi: z.number().nullable() });
export type DiffInterval = z.infer<typeof interval>;

const side = z.object({
  version: z.number().int(),
  pressureRunId: z.string().nullable().describe("Newest completed run of this version whose final report has pressure conversations; null when none"),
  selfReportRunId: z.string().nullable().describe("Newest completed run of this version whose final report has self-ratings; null when none"),
});
export type PressureDiffSide = z.infer<typeof side>;

const pair = <T extends z.ZodTypeAny>(t: T) => z.object({ a: t.nullable(), b: t.nullable() });

export const pressureDiffRowSchema = z.object({
  trait: z.string(),
  slope: pair(interval).describe("Drift slope over all conversations, points per turn, with its 95% interval; null when that side has no pressure report or did not watch the trait"),
  gap: pair(interval).describe("Self-rating − measured landing, with its 95% interval; null when that side has no self-report for the trait"),
  flags: z.object({ a: z.array(z.enum(PRESSURE_FLAG_KINDS)), b: z.array(z.enum(PRESSURE_FLAG_KINDS)) }).describe("caves / drifts-back / says-not-does / does-not-say flags on this trait, per side"),
});
export type PressureDiffRow = z.infer<typeof pressureDiffRowSchema>;

export const pressureDiffSchema = z.object({
  from: side,
  to: side,
  rows: z.array(pressureDiffRowSchema),
});
export type PressureDiff = z.infer<typeof pressureDiffSchema>;
