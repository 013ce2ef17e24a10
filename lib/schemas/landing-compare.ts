import { z } from "zod";
import { flagSchema } from "@/lib/schemas/probe";

// Where two probe reports land, side by side: the output of
// lib/probing/compare/compareLandings, and the `landing` part of a version diff.
// Report A is the older side ("from"), B the newer ("to"), so every delta reads
// as "what changed since".

export const gapSchema = z.object({
  target: z.number().nullable().describe("The fixed target (per-trait rows); null for a mean over several traits"),
  a: z.number().describe("|A landing − target| on the shared items (mean over traits for several)"),
  b: z.number(),
  difference: z.number().describe("b − a: negative = B lands closer"),
  lo: z.number().nullable().describe("95% interval of the difference: paired t over items, delta method for |·|"),
  hi: z.number().nullable(),
  items: z.number().int(),
});
export type Gap = z.infer<typeof gapSchema>;

export const landingPointSchema = z.object({
  mean: z.number(),
  lo: z.number().nullable().describe("95% interval; null with a single answer"),
  hi: z.number().nullable(),
  n: z.number().int().describe("Persona answers scored on this trait"),
});
export type LandingPoint = z.infer<typeof landingPointSchema>;

export const towardTargetSchema = z.enum(["closer", "further", "no clear difference"])
  .describe("B's landing vs A's distance to one fixed target (B's), paired by item: closer/further only when the 95% interval of the gap change excludes 0");
export type TowardTarget = z.infer<typeof towardTargetSchema>;

export const landingDeltaRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  target: z.number().nullable().describe("B's target, else A's; null when neither targets the trait"),
  targetA: z.number().nullable(),
  targetB: z.number().nullable(),
  a: landingPointSchema.nullable().describe("null when report A did not watch the trait or has no answer for it"),
  b: landingPointSchema.nullable(),
  delta: z.number().nullable().describe("Landing change B − A: mean over shared items of the per-item difference (equals B mean − A mean when both answered the same items); null without a shared item"),
  deltaInterval: z.object({ lo: z.number(), hi: z.number(), halfWidth: z.number() }).nullable()
    .describe("95% paired t-interval over shared items (with the report's variance floor); null with fewer than 2 shared items"),
  items: z.number().int().describe("Items both runs answered for this trait (the pairing)"),
  clear: z.boolean().describe("The paired delta interval excludes 0"),
  targetChanged: z.boolean().describe("A and B have different targets for this trait (including set vs not set)"),
  gap: gapSchema.nullable().describe("Distance to the fixed target (B's, else A's) of each landing, paired by item; null without a target or shared items"),
  towardTarget: towardTargetSchema.nullable().describe("null without a target or without shared items"),
});
export type LandingDeltaRow = z.infer<typeof landingDeltaRowSchema>;

export const landingFlagChangesSchema = z.object({
  appeared: z.array(flagSchema).describe("New: in B, not in A, and the paired comparison behind it moved clearly the wrong way"),
  resolved: z.array(flagSchema).describe("In A, gone in B, and the paired comparison behind it moved clearly the right way"),
  kept: z.array(flagSchema).describe("In both, as B reports it (matched by flag id = kind + traits)"),
  unclear: z.array(z.object({
    flag: flagSchema,
    change: z.enum(["appeared", "went away"]).describe("What the flag lists show"),
    reason: z.string().describe("Why it is not called new/resolved: the underlying move is not clear, or the target changed"),
  })).describe("Flags that appeared or went away while the comparison behind them is not clear"),
  reasons: z.record(z.string(), z.string()).describe("Per flag id in appeared/resolved: the paired evidence"),
});
export type LandingFlagChanges = z.infer<typeof landingFlagChangesSchema>;

const distanceSide = z.object({
  rms: z.number().nullable().describe("Root mean square of (landing − target) over that report's targeted traits with data"),
  traits: z.number().int().describe("How many traits the RMS is over"),
});

export const landingComparisonSchema = z.object({
  rows: z.array(landingDeltaRowSchema).describe("Every trait in either report: B's order, then A-only traits"),
  flags: landingFlagChangesSchema,
  targetsChanged: z.array(z.string()).describe("Traits whose target differs between A and B; when non-empty, compare by `fixedTargets`"),
  fixedTargets: z.record(z.string(), z.number()).describe("The one set of targets both landings are measured against: B's, plus A's for traits B does not target"),
  distance: z.object({
    a: distanceSide.describe("Against A's own targets (display only)"),
    b: distanceSide.describe("Against B's own targets (display only)"),
    closer: z.enum(["a", "b", "no clear difference"]).nullable()
      .describe("Which lands nearer the fixed targets, paired by item; null without a targeted trait both measured"),
    fixed: gapSchema.nullable().describe("Mean |landing − fixed target| over targeted traits, both sides on shared items"),
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
