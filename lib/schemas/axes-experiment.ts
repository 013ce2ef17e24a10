import { z } from "zod";
import { seatSchema } from "@/lib/schemas/panel";
import { PANEL_DEFAULT_TRAITS, PANEL_RUN_LIMITS, panelRunStatusSchema } from "@/lib/schemas/panel-run";
import { traitKeySchema } from "@/lib/schemas/persona";

// The axes experiment (issue 13 §6): one topic → members along five axes in two
// styles (topic-labelled, framework-grounded) → two panels probed on the same
// items → per axis, which style diverges more. Drafting: lib/persona/axes-template.ts;
// comparison: lib/probing/panel/axes.ts.

/** One line per trait: warmth, dominance, scepticism, formality, verbosity, openness, caution. */
/** The axes experiment compares on the panels' default traits (lib/schemas/panel-run.ts). */
export const AXES_DEFAULT_TRAITS = PANEL_DEFAULT_TRAITS;
export const AXES_DEFAULT_ITEMS_PER_TRAIT = 10;

export const startAxesExperimentBody = z.object({
  topic: z.string().trim().min(1, "Give a topic").max(200, "The topic is at most 200 characters")
    .describe("What every member cares about or reasons about, e.g. 'housing'"),
  seat: seatSchema.optional().describe("Where every member of both panels answers (default: the workspace's default model)"),
  itemsPerTrait: z.number().int().min(PANEL_RUN_LIMITS.itemsPerTrait.min).max(PANEL_RUN_LIMITS.itemsPerTrait.max).default(AXES_DEFAULT_ITEMS_PER_TRAIT)
    .describe("Library items per watched trait, the same for both panels"),
  traits: z.array(traitKeySchema).min(2, "Watch at least two traits").max(PANEL_RUN_LIMITS.traits).optional()
    .describe("Traits every member is judged on (default: one per behaviour factor: warm, assertive, skeptical, formal, verbose, curious, cautious)"),
  seed: z.number().int().min(0).max(1_000_000).default(0).describe("The same seed for both panel probes, so they ask the same items"),
});
export type StartAxesExperimentBody = z.input<typeof startAxesExperimentBody>;

export const axesStyleSchema = z.enum(["topic", "framework"]);

export const axesExperimentStartedSchema = z.object({
  topic: z.string(),
  panels: z.array(z.object({ id: z.string(), name: z.string(), style: axesStyleSchema })),
  runs: z.array(z.object({ id: z.string(), panelId: z.string(), style: axesStyleSchema })),
  personas: z.number().int().describe("Personas created (each saved as v1)"),
});
export type AxesExperimentStarted = z.infer<typeof axesExperimentStartedSchema>;

export const axesComparisonQuery = z.object({
  topicRun: z.string().min(1).max(64).describe("The topic-labelled panel's probe"),
  frameworkRun: z.string().min(1).max(64).describe("The framework-grounded panel's probe"),
});

/** estimate null: no common items yet. */
const interval = z.object({ estimate: z.number().nullable(), lo: z.number().nullable(), hi: z.number().nullable() });
const spread = z.object({ meanDistance: interval, effectivePositions: interval });

export const axesComparisonSchema = z.object({
  topic: z.string(),
  traits: z.array(z.string()),
  runs: z.array(z.object({ id: z.string(), panelId: z.string(), style: axesStyleSchema, status: panelRunStatusSchema, done: z.number().int(), total: z.number().int() })),
  /** Partial while either probe runs: computed from the answers so far. */
  complete: z.boolean(),
  axes: z.array(z.object({
    axis: z.string(),
    label: z.string(),
    members: z.array(z.object({ key: z.string(), label: z.string(), framework: z.string() })),
    items: z.number().int(),
    topic: spread,
    framework: spread,
    difference: spread.describe("framework − topic, item-paired"),
    verdict: z.enum(["framework-grounded diverges more", "topic-labelled diverges more", "no clear difference"]),
  })),
});
export type AxesComparison = z.infer<typeof axesComparisonSchema>;
