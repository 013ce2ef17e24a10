import { z } from "zod";
import { flagSchema } from "@/lib/schemas/probe";

// Where two probe reports land, side by side: the output of
// lib/probing/compare/compareLandings, and the `landing` part of a version diff.
// Report A is the older side ("from"), B the newer ("to"), so every delta reads
// as "what changed since".

export const landingPointSchema = z.object({
  mean: z.number(),
  lo: z.number().nullable().describe("95% interval; null with a single answer"),
  hi: z.number().nullable(),
  n: z.number().int().describe("Persona answers scored on this trait"),
});
export type LandingPoint = z.infer<typeof landingPointSchema>;

export const towardTargetSchema = z.enum(["closer", "further", "same"])
  .describe("B's landing vs A's, measured as distance to the target; within 1 point = same");
export type TowardTarget = z.infer<typeof towardTargetSchema>;

export const landingDeltaRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  target: z.number().nullable().describe("B's target, else A's; null when neither targets the trait"),
  targetA: z.number().nullable(),
  targetB: z.number().nullable(),
  a: landingPointSchema.nullable().describe("null when report A did not watch the trait or has no answer for it"),
  b: landingPointSchema.nullable(),
  delta: z.number().nullable().describe("B mean − A mean; null unless both landed"),
  deltaInterval: z.object({ lo: z.number(), hi: z.number(), halfWidth: z.number() }).nullable()
    .describe("delta ± √(hwA² + hwB²); null unless both landings have an interval"),
  clear: z.boolean().describe("The delta interval excludes 0"),
  towardTarget: towardTargetSchema.nullable().describe("null without a target or without both landings"),
});
export type LandingDeltaRow = z.infer<typeof landingDeltaRowSchema>;

export const landingFlagChangesSchema = z.object({
  appeared: z.array(flagSchema).describe("In B, not in A"),
  resolved: z.array(flagSchema).describe("In A, gone in B"),
  kept: z.array(flagSchema).describe("In both, as B reports it (matched by flag id = kind + traits)"),
});
export type LandingFlagChanges = z.infer<typeof landingFlagChangesSchema>;

const distanceSide = z.object({
  rms: z.number().nullable().describe("Root mean square of (landing − target) over that report's targeted traits with data"),
  traits: z.number().int().describe("How many traits the RMS is over"),
});

export const landingComparisonSchema = z.object({
  rows: z.array(landingDeltaRowSchema).describe("Every trait in either report: B's order, then A-only traits"),
  flags: landingFlagChangesSchema,
  distance: z.object({
    a: distanceSide,
    b: distanceSide,
    closer: z.enum(["a", "b", "same"]).nullable().describe("Which lands nearer its targets overall; within 1 point = same"),
  }),
});
export type LandingComparison = z.infer<typeof landingComparisonSchema>;

export const runRefSchema = z.object({
  runId: z.string(),
  version: z.union([z.literal("draft"), z.number().int()]),
  model: z.string().describe("The target model that answered"),
  simulated: z.boolean().describe("Answered by the simulator, not a language model"),
  finishedAt: z.string().nullable(),
});
export type RunRef = z.infer<typeof runRefSchema>;

export const landingDiffSchema = z.object({
  from: runRefSchema.describe("The newest completed probe run of the 'from' version"),
  to: runRefSchema.describe("The newest completed probe run of the 'to' version"),
  comparison: landingComparisonSchema,
  caveat: z.string().nullable().describe("Why the comparison may not be like for like, e.g. different target models"),
});
export type LandingDiff = z.infer<typeof landingDiffSchema>;
