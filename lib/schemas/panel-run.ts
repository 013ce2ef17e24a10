import { z } from "zod";
import { memberKeySchema, panelGroupSchema, polarityPairSchema, seatSchema } from "@/lib/schemas/panel";
import { traitKeySchema } from "@/lib/schemas/persona";

// A probe of a whole panel (issue 13 §4–5): the divergence report of the active
// plan, or the ceiling experiment (the single-model plan and the routed plan in
// one action). Every member answers the same items with the same seed and the
// same judge; the blind distinguishability pass follows. The report's shape is
// lib/probing/panel/report-types.ts.

export const PANEL_RUN_LIMITS = {
  traits: 12,
  itemsPerTrait: { min: 6, max: 100, default: 20 },
  answersPerPair: { min: 0, max: 40, default: 8 },
} as const;

/**
 * Traits that span the library's clusters (warmth, stance, independence, expression): what a panel is
 * compared on when its members target too few traits to say (a council imported with prompts only).
 */
export const PANEL_DEFAULT_TRAITS = ["warm", "assertive", "skeptical", "formal", "verbose", "curious", "cautious"] as const;

export const panelArmSchema = z.enum(["active", "single", "routed"]);
export type PanelArm = z.infer<typeof panelArmSchema>;
export const ARM_LABELS: Record<PanelArm, string> = { active: "Active plan", single: "One model", routed: "Routed across models" };

export const createPanelRunBody = z.object({
  version: z.union([z.literal("current"), z.number().int().min(1)]).default("current")
    .describe("A saved panel version, or 'current' (the panel as it stands, frozen into the run)"),
  experiment: z.enum(["divergence", "ceiling"]).default("divergence")
    .describe("divergence: the active plan; ceiling: the single-model plan and the routed plan on the same items (both plans must exist)"),
  traits: z.array(traitKeySchema).min(2, "Watch at least two traits").max(PANEL_RUN_LIMITS.traits).optional()
    .describe("Traits every member is judged on. Default: the members' targeted traits and their most related ones (at most 8), topped up with traits across the library's clusters when that gives fewer than 4"),
  itemsPerTrait: z.number().int().min(PANEL_RUN_LIMITS.itemsPerTrait.min).max(PANEL_RUN_LIMITS.itemsPerTrait.max).default(PANEL_RUN_LIMITS.itemsPerTrait.default)
    .describe("Library items asked per watched trait, the same for every member (no early stop: members must answer the same items)"),
  questions: z.boolean().default(true).describe("Also ask the panel's own questions (spec.questions) once each"),
  answersPerPair: z.number().int().min(PANEL_RUN_LIMITS.answersPerPair.min).max(PANEL_RUN_LIMITS.answersPerPair.max).default(PANEL_RUN_LIMITS.answersPerPair.default)
    .describe("Blind distinguishability: answers per pair of members the judge attributes (half from each member); 0 turns it off"),
  judgeProviderId: z.string().max(64).optional().describe("One judge for every member. Default: the workspace's reference judge, else the first member's seat"),
  judgeModel: z.string().max(200).optional(),
  temperature: z.number().min(0).max(2).default(0.7),
  seed: z.number().int().min(0).max(1_000_000).default(0),
  concurrency: z.number().int().min(1).max(16).default(4).describe("Answers in flight per member run (member runs proceed side by side)"),
  maxCalls: z.number().int().min(1).max(1_000_000).optional()
    .describe("Hard cap on model calls for the whole panel probe (split evenly over the member runs; the rest goes to distinguishability)"),
});
export type CreatePanelRunBody = z.input<typeof createPanelRunBody>;

/** A member as the run froze it. version null: the persona's draft at the time (a member following "latest" with no saved version). */
export const frozenPanelMemberSchema = z.object({
  key: memberKeySchema,
  personaId: z.string(),
  version: z.number().int().nullable(),
  name: z.string(),
  /** What the distinguishability judge is shown: the member's name, archetype and one-line description — never the system prompt. */
  description: z.string(),
  /** SHA-256 of the compiled system prompt: two members with the same prompt are "not distinguishable", not a costume change. */
  promptHash: z.string(),
  /** Arm → seat, for the arms the run has only ("active", or "single" and "routed"): a record keyed by the arm enum would demand all three. */
  seats: z.record(z.string(), seatSchema),
});
export type FrozenPanelMember = z.infer<typeof frozenPanelMemberSchema>;

export const frozenPanelRunSpecSchema = z.object({
  members: z.array(frozenPanelMemberSchema),
  polarityPairs: z.array(polarityPairSchema),
  groups: z.array(panelGroupSchema),
});
export type FrozenPanelRunSpec = z.infer<typeof frozenPanelRunSpecSchema>;

export type PanelRunConfig = {
  temperature: number; seed: number; itemsPerTrait: number; concurrency: number;
  /** The panel's questions, frozen (asked as scenarios "panel-q1"…). */
  questions: string[];
  answersPerPair: number;
};

export const panelRunStatusSchema = z.enum(["queued", "running", "completed", "failed", "cancelled"]);
export type PanelRunStatus = z.infer<typeof panelRunStatusSchema>;

export const panelRunSchema = z.object({
  id: z.string(),
  panelId: z.string(),
  panelName: z.string(),
  panelVersion: z.number().int().nullable(),
  experiment: z.enum(["divergence", "ceiling"]),
  arms: z.array(panelArmSchema),
  /** From the member runs and the distinguishability pass: running until all are done; failed if any member run failed. */
  status: panelRunStatusSchema,
  watched: z.array(z.string()),
  judge: z.object({ providerId: z.string(), model: z.string(), label: z.string() }),
  members: z.array(z.object({
    key: z.string(), name: z.string(), personaId: z.string(), version: z.number().int().nullable(),
    runs: z.array(z.object({
      arm: panelArmSchema, runId: z.string(), seatLabel: z.string(), simulated: z.boolean(),
      status: panelRunStatusSchema, done: z.number().int(), failed: z.number().int(),
    })),
  })),
  distinguish: z.object({ status: z.enum(["off", "waiting", "running", "done", "failed"]), done: z.number().int(), total: z.number().int(), error: z.string().nullable() }),
  /** Summed over the member runs and the distinguishability pass; cacheHits are answers reused, not paid again. */
  modelCalls: z.number().int(),
  cacheHits: z.number().int(),
  maxCalls: z.number().int().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  finishedAt: z.string().nullable(),
});
export type PanelRun = z.infer<typeof panelRunSchema>;

/** What a panel probe will cost before it starts (POST …/panel-runs/estimate takes the create body). */
export const panelRunEstimateSchema = z.object({
  memberRuns: z.number().int(),
  answers: z.number().int().describe("Answers the member runs ask (persona arms; baselines are shared per seat)"),
  calls: z.object({ low: z.number().int(), expected: z.number().int(), high: z.number().int() })
    .describe("Model calls that reach a provider, after answers the identical-call cache already holds"),
  reused: z.number().int().describe("Calls the cache already holds (earlier probes of the same members, the other arm on the same seat)"),
  distinguishCalls: z.number().int(),
  costUsd: z.number().nullable(),
});
export type PanelRunEstimate = z.infer<typeof panelRunEstimateSchema>;
