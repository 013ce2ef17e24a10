import { z } from "zod";

// Probe runs as the API and the report UI see them. A report is recomputed from
// the stored answers (pure, lib/probing/report.ts), so a running probe shows a
// partial report that fills in as results arrive.

export const RUN_STATUSES = ["queued", "running", "completed", "failed", "cancelled"] as const;
export const runStatusSchema = z.enum(RUN_STATUSES);
export type RunStatus = z.infer<typeof runStatusSchema>;

export const createProbeRunBody = z.object({
  version: z.union([z.literal("draft"), z.number().int().min(1)]).default("draft")
    .describe("A saved version number, or 'draft' (the draft is frozen into the run)"),
  targetProviderId: z.string().max(64).optional().describe("Default: the workspace default provider"),
  targetModel: z.string().max(200).optional(),
  judgeProviderId: z.string().max(64).optional().describe("Default: same as the target"),
  judgeModel: z.string().max(200).optional(),
  traits: z.array(z.string().regex(/^[a-z][a-z0-9_]{1,39}$/)).min(1).max(24).optional()
    .describe("Traits to watch. Default: targeted traits plus their related traits"),
  temperature: z.number().min(0).max(2).default(0.7),
  seed: z.number().int().min(0).max(1_000_000).default(0),
  targetHalfWidth: z.number().min(1).max(25).default(5).describe("Stop a trait once its 95% interval half-width is at most this"),
  budgetPerTrait: z.number().int().min(6).max(400).default(60).describe("At most this many answers per trait (persona and baseline each)"),
  concurrency: z.number().int().min(1).max(16).default(4),
});
export type CreateProbeRunBody = z.input<typeof createProbeRunBody>;

const summary = z.object({
  n: z.number().int(), mean: z.number().nullable(), lo: z.number().nullable(), hi: z.number().nullable(),
  halfWidth: z.number().nullable().describe("null until there are 2 answers"),
});
const shiftSummary = z.object({
  difference: z.number().nullable(), lo: z.number().nullable(), hi: z.number().nullable(),
  halfWidth: z.number().nullable(), excludesZero: z.boolean(), nLanding: z.number().int(), nBaseline: z.number().int(),
});

export const reportRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  target: z.number().nullable(),
  landing: summary,
  baseline: summary,
  shift: shiftSummary,
  done: z.enum(["precise", "budget"]).nullable().describe("Why sampling stopped for this trait; null while still sampling"),
});
export type ReportRow = z.infer<typeof reportRowSchema>;

export const flagSchema = z.object({
  id: z.string(),
  kind: z.enum(["tension", "compromise", "leakage", "miss", "overshoot"]),
  traits: z.array(z.string()),
  severity: z.enum(["warn", "alert"]),
  title: z.string(),
  explanation: z.string(),
  evidence: z.object({ answerIds: z.array(z.string()).optional() }),
});
export type ReportFlag = z.infer<typeof flagSchema>;

export const reportSchema = z.object({
  rows: z.array(reportRowSchema),
  correlations: z.object({ keys: z.array(z.string()), r: z.array(z.array(z.number().nullable())), n: z.array(z.array(z.number().int())) }),
  flags: z.array(flagSchema),
  thresholds: z.array(z.object({ key: z.string(), label: z.string(), value: z.number(), rationale: z.string() })),
  /** One dot per persona answer for the pair scatter: its id, own trait, and every watched score. */
  points: z.array(z.object({ id: z.string(), traitKey: z.string(), scores: z.record(z.string(), z.number().nullable()) })),
  final: z.boolean().describe("false while the run is still collecting answers"),
});
export type ProbeReport = z.infer<typeof reportSchema>;

export const probeRunSchema = z.object({
  id: z.string(),
  personaId: z.string(),
  personaName: z.string(),
  version: z.union([z.literal("draft"), z.number().int()]),
  status: runStatusSchema,
  error: z.string().nullable(),
  target: z.object({ providerId: z.string(), label: z.string(), model: z.string(), simulated: z.boolean() }),
  judge: z.object({ providerId: z.string(), label: z.string(), model: z.string(), simulated: z.boolean() }),
  watched: z.array(z.string()),
  targets: z.record(z.string(), z.number()),
  customTraits: z.array(z.object({ key: z.string(), name: z.string(), version: z.number().int() }))
    .describe("The workspace custom traits this run measures, at the version frozen into it"),
  variant: z.object({ id: z.string(), name: z.string() }).nullable().describe("The named variant this run probed, if any"),
  batchId: z.string().nullable().describe("Runs started together (variants compared) share it"),
  config: z.object({
    temperature: z.number(), seed: z.number(), targetHalfWidth: z.number(), budgetPerTrait: z.number(), concurrency: z.number(),
  }),
  progress: z.object({
    answers: z.number().int().describe("Answers judged and stored (persona + baseline)"),
    failed: z.number().int(),
    traitsDone: z.number().int().describe("Watched traits whose sampling has stopped"),
    traits: z.number().int(),
    fraction: z.number().min(0).max(1),
    modelCalls: z.number().int().describe("Calls that reached a model (cache hits excluded)"),
    cacheHits: z.number().int(),
  }),
  createdBy: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type ProbeRun = z.infer<typeof probeRunSchema>;

export const probeRunDetailSchema = probeRunSchema.extend({ report: reportSchema, systemPrompt: z.string() });
export type ProbeRunDetail = z.infer<typeof probeRunDetailSchema>;

export const probeAnswerSchema = z.object({
  id: z.string(),
  kind: z.enum(["persona", "baseline"]),
  traitKey: z.string(),
  itemIndex: z.number().int(),
  sampleIndex: z.number().int(),
  message: z.string(),
  answer: z.string().nullable(),
  scores: z.record(z.string(), z.number().nullable()).nullable(),
  refusal: z.boolean().nullable(),
  status: z.enum(["done", "failed"]),
  error: z.string().nullable(),
  latencyMs: z.number().nullable(),
  tokens: z.number().nullable(),
});
export type ProbeAnswer = z.infer<typeof probeAnswerSchema>;

export const listAnswersQuery = z.object({
  ids: z.string().max(4000).optional().describe("Comma-separated answer ids (e.g. a flag's evidence)"),
  trait: z.string().max(40).optional(),
  kind: z.enum(["persona", "baseline"]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const traitLibrarySchema = z.object({
  version: z.string(),
  traits: z.array(z.object({
    key: z.string(), name: z.string(), description: z.string(), high: z.string(), low: z.string(),
    items: z.array(z.object({ id: z.string(), topic: z.string(), text: z.string() })),
    rubric: z.object({ instruction: z.string(), scenario: z.string(), anchors: z.record(z.string(), z.string()) }),
  })),
  relations: z.array(z.object({ a: z.string(), b: z.string(), relation: z.enum(["reinforcing", "neutral", "tension"]), reason: z.string() })),
});
export type TraitLibrary = z.infer<typeof traitLibrarySchema>;
