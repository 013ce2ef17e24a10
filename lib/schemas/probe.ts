import { z } from "zod";
import { flagAcknowledgedSchema } from "@/lib/schemas/acknowledgement";
import { flagEvidenceSchema, traitVerdictsSchema } from "@/lib/schemas/report-flags";
import { reportAnalysisSchema } from "@/lib/schemas/report-analysis";
import { framingReportSchema, PRESSURE_FLAG_KINDS, pressureReportSchema, pressureRequestSchema, selfReportReportSchema } from "@/lib/schemas/pressure";

// Probe runs as the API and the report UI see them. A report is recomputed from
// the stored answers (pure, lib/probing/report.ts), so a running probe shows a
// partial report that fills in as results arrive.

export const RUN_STATUSES = ["queued", "running", "completed", "failed", "cancelled"] as const;
export const runStatusSchema = z.enum(RUN_STATUSES);
export type RunStatus = z.infer<typeof runStatusSchema>;

/** Judge reliability (issue 11 §6): one source for the defaults the API, the worker and the dialog use. */
export const PANEL_MAX_EXTRA_JUDGES = 2;
export const RETEST_SHARE_DEFAULT = 0.1;
export const RETEST_MAX_ANSWERS = 60;
export const judgeChoiceSchema = z.object({
  providerId: z.string().min(1).max(64),
  model: z.string().trim().min(1, "Choose the judge's model").max(200),
});
export type JudgeChoice = z.infer<typeof judgeChoiceSchema>;

const traitKeySchema = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/);

/** An extra arm of a run (ProbeRun.arms): a single-trait control ("A alone") or a range-check level. */
export const runArmSchema = z.object({
  kind: z.string().min(1).max(80), label: z.string(), role: z.enum(["control", "level", "framing"]),
  systemPrompt: z.string(), traits: z.array(z.string()).optional(), level: z.number().optional(),
  without: z.array(z.string()).optional().describe("A control arm: the partners whose targets it drops (its pairs)"),
});
export type RunArm = z.infer<typeof runArmSchema>;

/** Start a range check from a run: one trait asked at 0/25/50/75/100 on the run's persona, model and judge. */
export const startRangeCheckBody = z.object({ trait: traitKeySchema.describe("The trait whose dose–response curve to draw") });

export const createProbeRunBody = z.object({
  version: z.union([z.literal("draft"), z.number().int().min(1)]).default("draft")
    .describe("A saved version number, or 'draft' (the draft is frozen into the run)"),
  targetProviderId: z.string().max(64).optional().describe("Default: the workspace default provider"),
  targetModel: z.string().max(200).optional(),
  judgeProviderId: z.string().max(64).optional().describe("Default: the workspace's reference judge, else the target (self-judged)"),
  judgeModel: z.string().max(200).optional(),
  traits: z.array(z.string().regex(/^[a-z][a-z0-9_]{1,39}$/)).min(1).max(24).optional()
    .describe("Traits to watch. Default: targeted traits plus the related traits most strongly tied to them (at most 8 in all)"),
  watchAllRelated: z.boolean().default(false)
    .describe("Without `traits`: watch every trait related to the targets, not only the most strongly tied ones"),
  temperature: z.number().min(0).max(2).default(0.7),
  seed: z.number().int().min(0).max(1_000_000).default(0),
  targetHalfWidth: z.number().min(1).max(25).default(5).describe("Stop a trait once its 95% interval half-width is at most this"),
  budgetPerTrait: z.number().int().min(6).max(400).default(60).describe("At most this many answers per trait (persona and baseline each)"),
  concurrency: z.number().int().min(1).max(16).default(4),
  panelJudges: z.array(judgeChoiceSchema).max(PANEL_MAX_EXTRA_JUDGES, `At most ${PANEL_MAX_EXTRA_JUDGES} panel judges beside the run's judge`).default([])
    .describe("Extra judges that score a sample of the answers too, for inter-judge agreement (Krippendorff's α per trait)"),
  retestShare: z.number().min(0).max(1).default(RETEST_SHARE_DEFAULT)
    .describe(`Share of scored answers the run's judge scores again (new seed, no cache) for test–retest reliability; at most ${RETEST_MAX_ANSWERS} answers; 0 turns it off. Panel judges score the same sample`),
  tensionControls: z.boolean().default(true)
    .describe("Add single-trait control arms (\"A alone\", \"B alone\") for every pair of targets the library calls tension, both targeted high"),
  controls: z.array(z.tuple([traitKeySchema, traitKeySchema])).max(6).default([])
    .describe("Further pairs of targeted traits to control with \"A alone\" / \"B alone\" arms (both must be targets)"),
  maxCalls: z.number().int().min(1).max(1_000_000).optional()
    .describe("Hard cap on model calls that reach a provider (cache hits are free); the worker stops issuing calls at it and the run reports what it has"),
  maxCostUsd: z.number().positive().max(100_000).optional()
    .describe("Hard cap on money, in US dollars, from the providers' token usage and prices (needs prices on the run's providers)"),
  scenarios: z.boolean().default(true)
    .describe("Also ask the persona's scenarios (spec.scenarios, frozen into the run) once each, persona and baseline, and report the landing there beside the general one"),
  selfReport: z.boolean().default(false)
    .describe("Also ask the persona to rate itself 0–100 on each watched trait, in character (3 questions per trait), and report the gap to its measured landing"),
  pressure: pressureRequestSchema.optional()
    .describe("Also run pressure conversations: scripted or simulated-user pushes against a trait, every turn judged (issue 14)"),
  framingTrait: traitKeySchema.optional()
    .describe("Also answer the items under the requested-behaviour wording of this targeted trait (its target moved into a role requirement) and compare the leakage of the two wordings"),
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

const instructedSchema = z.object({ band: z.string(), lo: z.number(), hi: z.number(), word: z.string(), label: z.string() });
const reachSchema = z.object({ level: z.number(), mean: z.number(), lo: z.number().nullable(), hi: z.number().nullable(), label: z.string().optional() });
const achievableSchema = z.object({ lo: reachSchema, hi: reachSchema });
const landingJudgementSchema = z.object({
  verdict: z.enum(["within tolerance", "not clearly off target", "miss", "overshoot", "beyond reach", "not measured"]),
  window: z.object({ lo: z.number(), hi: z.number() }),
  against: z.enum(["instructed", "target"]),
  reach: z.number().optional(),
  note: z.string().optional(),
  rangeRunId: z.string().optional().describe("The range check whose achievable range was used"),
});
const controlComparisonSchema = z.object({
  trait: z.string(), arm: z.string(), alone: z.number().nullable(), together: z.number().nullable(),
  estimate: z.number(), lo: z.number().nullable(), hi: z.number().nullable(), items: z.number().int(),
});
export const controlPairSchema = z.object({
  traits: z.tuple([z.string(), z.string()]),
  comparisons: z.array(controlComparisonSchema).describe("Together − alone per trait, paired by item"),
  verdict: z.enum(["compromise", "no evidence of compromise", "not enough evidence"]),
});
export type ControlPairView = z.infer<typeof controlPairSchema>;
export const rangeReportSchema = z.object({
  trait: z.string(),
  levels: z.array(z.object({
    kind: z.string(), level: z.number(), instructed: z.object({ lo: z.number(), hi: z.number(), label: z.string().optional() }),
    landing: summary.extend({ halfWidth: z.number().nullable() }),
    shift: z.object({ difference: z.number().nullable(), lo: z.number().nullable(), hi: z.number().nullable() }),
  })),
  baseline: summary,
  achievable: achievableSchema.nullable(),
  monotone: z.boolean().nullable(),
  reading: z.array(z.string()),
});
export type RangeReport = z.infer<typeof rangeReportSchema>;

/** A trait's landing over the run's scenarios (lib/probing/scenario-landing.ts): the mean over THESE scenarios. */
export const scenarioRowSchema = z.object({
  key: z.string(),
  landing: summary,
  baseline: summary,
  shift: shiftSummary.describe("Persona − baseline, paired by scenario"),
  n: z.number().int().describe("Scenarios with a scored persona answer"),
  vsGeneral: z.object({
    difference: z.number().nullable(), lo: z.number().nullable(), hi: z.number().nullable(),
    clear: z.boolean().describe("The interval excludes 0 and the gap is at least 5 points"),
  }).describe("Scenarios − general (library items), Welch's interval: different items, not paired"),
  sentence: z.string().nullable().describe("A plain sentence when general and scenarios differ clearly"),
});
export type ScenarioRowView = z.infer<typeof scenarioRowSchema>;

/** A pass count with its Wilson 95% interval (lib/probing/checks-report.ts). */
const passRateSchema = z.object({
  passed: z.number().int(), total: z.number().int(),
  rate: z.number().nullable().describe("passed / total; null when nothing was checked"),
  lo: z.number().nullable(), hi: z.number().nullable(),
});

/**
 * Deterministic checks on the scenario answers (issue 12 §3): every check of a
 * frozen scenario graded on that scenario's scored answers, persona arm (the
 * baseline beside it: does the persona beat the plain assistant?).
 */
export const checksReportSchema = z.object({
  persona: passRateSchema.describe("Checks passed over every (scenario answer, check) of the persona arm"),
  baseline: passRateSchema.describe("The same checks on the neutral baseline's answers to the same scenarios"),
  /** One row per (scenario, check), in the scenario's order. */
  rows: z.array(z.object({
    scenarioIndex: z.number().int(), scenarioId: z.string(), message: z.string().describe("The scenario's message (shortened)"),
    checkId: z.string(), description: z.string().describe("The check's label or its rule in words"),
    persona: passRateSchema, baseline: passRateSchema,
    failingAnswerIds: z.array(z.string()).describe("Persona answers that failed it: open them in the answers view"),
  })),
}).describe("Absent when the run froze no scenario with checks");
export type ChecksReport = z.infer<typeof checksReportSchema>;

export const reportRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  target: z.number().nullable(),
  landing: summary,
  baseline: summary,
  shift: shiftSummary,
  leakShift: shiftSummary.optional().describe("Shift over all the run's items, paired by item: the evidence leakage reads"),
  done: z.enum(["precise", "budget"]).nullable().describe("Why sampling stopped for this trait; null while still sampling"),
  instructed: instructedSchema.optional().describe("The instruction the target compiled to, as the range of targets that share it (targeted traits)"),
  judged: landingJudgementSchema.optional().describe("The landing judged against the instructed range (and the achievable range, when a range check exists)"),
});
export type ReportRow = z.infer<typeof reportRowSchema>;

export const FLAG_KINDS = ["tension", "compromise", "leakage", "miss", "overshoot", ...PRESSURE_FLAG_KINDS] as const;
export const flagSchema = z.object({
  id: z.string(),
  kind: z.enum(FLAG_KINDS),
  traits: z.array(z.string()),
  severity: z.enum(["warn", "alert"]),
  title: z.string(),
  explanation: z.string(),
  evidence: flagEvidenceSchema,
  expected: z.object({ with: z.array(z.string()), reason: z.string() }).optional()
    .describe("Leakage only: the character type implies this shift (a reinforcing relation with a targeted trait pushed the same way); worded \"came with the character type\", never an alert"),
  acknowledged: flagAcknowledgedSchema.optional()
    .describe("Set when served: a member acknowledged this flag as expected for this persona (with a reason); it is never the verdict line's main issue"),
});
export type ReportFlag = z.infer<typeof flagSchema>;

const traitReliabilitySchema = z.object({
  key: z.string(),
  name: z.string(),
  retest: z.object({
    answers: z.number().int(), icc: z.number().nullable(), lo: z.number().nullable(), hi: z.number().nullable(),
    meanAbsoluteDifference: z.number(), meanDifference: z.number(),
  }).nullable().describe("The run's judge against itself (new seed, no cache): ICC(2,1) with its 95% interval; null without a retest"),
  panel: z.object({
    answers: z.number().int(), judges: z.number().int(), alpha: z.number().nullable(), lo: z.number().nullable(), hi: z.number().nullable(),
  }).nullable().describe("Krippendorff's α (interval) across the run's judge and the panel; null without a panel"),
});
export type TraitReliability = z.infer<typeof traitReliabilitySchema>;

export const judgeReliabilitySchema = z.object({
  selfJudged: z.boolean().describe("The judge is the target model (same provider and model): it scored its own answers"),
  judge: z.object({ model: z.string() }).describe("Models only: a shared report never names the workspace's provider ids"),
  panel: z.array(z.object({ model: z.string() })),
  retestShare: z.number(),
  judgments: z.object({ retest: z.number().int(), panel: z.number().int(), failed: z.number().int() }),
  traits: z.array(traitReliabilitySchema),
});
export type JudgeReliability = z.infer<typeof judgeReliabilitySchema>;

/** What became of a run's answers, per arm (lib/probing/outcome.ts): only "scored" ones are behaviour. */
export const outcomeCountsSchema = z.object({
  scored: z.number().int(), empty: z.number().int(), refused: z.number().int(), truncated: z.number().int(),
  failed: z.number().int().describe("The call failed after its retries"),
});
export type OutcomeCountsView = z.infer<typeof outcomeCountsSchema>;

/** One sentence on top of the report naming the main issue (lib/probing/flags/verdict-line.ts). */
export const verdictLineSchema = z.object({
  text: z.string(),
  kind: z.enum(["tension", "compromise", "miss", "overshoot", "beyond reach", "leakage", "on target", "not settled", "no targets", "not enough evidence", "caves", "drifts-back", "says-not-does", "does-not-say"]),
  severity: z.enum(["alert", "warn", "ok", "pending"]).describe("ok: nothing to act on; pending: the evidence does not settle it yet"),
  flagIds: z.array(z.string()).describe("The flags the line refers to, main one first"),
});
export type VerdictLineView = z.infer<typeof verdictLineSchema>;

export const reportSchema = z.object({
  verdictLine: verdictLineSchema.optional().describe("The main issue in one sentence; absent on reports stored before method 2026-12-actionable-v4"),
  rows: z.array(reportRowSchema),
  correlations: z.object({ keys: z.array(z.string()), r: z.array(z.array(z.number().nullable())), n: z.array(z.array(z.number().int())) }),
  flags: z.array(flagSchema),
  thresholds: z.array(z.object({ key: z.string(), label: z.string(), value: z.number(), rationale: z.string() })),
  /** One dot per persona answer for the pair scatter: its id, own trait, and every watched score. */
  points: z.array(z.object({ id: z.string(), traitKey: z.string(), scores: z.record(z.string(), z.number().nullable()) })),
  final: z.boolean().describe("false while the run is still collecting answers"),
  verdicts: traitVerdictsSchema.optional(),
  judgeReliability: judgeReliabilitySchema.optional().describe("Self-judged or not, and the judge's test–retest and inter-judge agreement per trait"),
  outcomes: z.record(z.string(), outcomeCountsSchema).optional()
    .describe("Answers per arm (persona, baseline, extra arms) by outcome; empty, refused, truncated and failed answers are never scored"),
  controlPairs: z.array(controlPairSchema).optional().describe("Pairs with single-trait control arms: together vs alone per trait, and the verdict"),
  range: rangeReportSchema.optional().describe("A range check's dose–response curve (mode \"range\")"),
  scenarioRows: z.array(scenarioRowSchema).optional()
    .describe("Per watched trait: the landing over the run's scenarios beside the general one (absent when the run froze no scenarios)"),
  scenarios: z.object({
    count: z.number().int().describe("Scenarios frozen into the run"),
    answered: z.number().int().describe("Scenarios with a scored persona answer"),
  }).optional(),
  checks: checksReportSchema.optional(),
  pressure: pressureReportSchema.optional().describe("Pressure conversations: drift per turn, turns-to-break, caves / drifts-back tests (absent when the run had none)"),
  selfReport: selfReportReportSchema.optional().describe("Self-rating beside the measured landing per watched trait, with the gap (absent when not asked)"),
  framing: framingReportSchema.optional().describe("Nature vs requested wording of one targeted trait: the leakage of each, paired (absent when not asked)"),
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
  mode: z.enum(["landing", "range"]).optional().describe("landing: persona + baseline (+ controls); range: one trait asked at 0/25/50/75/100"),
  arms: z.array(runArmSchema.omit({ systemPrompt: true })).optional().describe("Extra arms answered beside persona and baseline"),
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
  usage: z.object({
    promptTokens: z.number().int(),
    completionTokens: z.number().int(),
    costUsd: z.number().nullable().describe("From the providers' usage and prices; null when a provider of the run has no prices"),
  }).describe("What the calls that reached a provider used (cache hits cost nothing)"),
  caps: z.object({
    maxCalls: z.number().int().nullable(),
    maxCostUsd: z.number().nullable(),
    reached: z.boolean().describe("The run stopped issuing answers at a cap; its report covers what was answered"),
  }),
  createdBy: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  summary: z.object({
    verdictLine: verdictLineSchema.pick({ text: true, severity: true }).nullable()
      .describe("The verdict line of the run's latest stored report; null before a report is stored (or on reports older than method 2026-12-actionable-v4)"),
    scenarios: z.number().int().describe("Scenarios frozen into the run (0 when it froze none)"),
    pressureConversations: z.number().int().optional().describe("Pressure conversations planned (0: no pressure test)"),
    selfReport: z.boolean().optional().describe("The run asked for self-ratings"),
    framing: z.string().nullable().optional().describe("The trait of the run's framing pair; null: none"),
  }).optional().describe("What the run history shows per row (the run list only)"),
});
export type ProbeRun = z.infer<typeof probeRunSchema>;
export type RunSummary = NonNullable<ProbeRun["summary"]>;

export const probeRunDetailSchema = probeRunSchema.extend({ report: reportSchema, systemPrompt: z.string(), analysis: reportAnalysisSchema });
export type ProbeRunDetail = z.infer<typeof probeRunDetailSchema>;

export const probeAnswerSchema = z.object({
  id: z.string(),
  kind: z.string().describe("The arm: persona, baseline, or an extra arm's kind (control:<trait>, level:<n>)"),
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
  rationale: z.record(z.string(), z.string()).nullable().describe("The judge's short reason per scored trait, once someone asked \"Why this score?\" (null until then)"),
  scenario: z.object({
    number: z.number().int().min(1).describe("The scenario's place in the run's frozen list, from 1"),
    id: z.string(),
    context: z.array(z.object({ role: z.enum(["user", "assistant"]), content: z.string() })).describe("The turns sent before the message"),
  }).optional().describe("On an answer to one of the run's scenarios (traitKey \"@scenario\"): which one, and the conversation before it"),
});
export type ProbeAnswer = z.infer<typeof probeAnswerSchema>;

/**
 * The traitKey of answers to a run's scenarios (lib/probing/scenario-landing.ts
 * SCENARIO_TRAIT_KEY, repeated here for the browser): `?trait=@scenario` lists them.
 */
export const SCENARIO_ANSWERS_KEY = "@scenario";

export const listAnswersQuery = z.object({
  ids: z.string().max(4000).optional().describe("Comma-separated answer ids (e.g. a flag's evidence)"),
  trait: z.string().max(40).optional().describe("A trait's items, or @scenario for the answers to the run's scenarios"),
  kind: z.string().max(80).optional().describe("persona, baseline, or an extra arm's kind"),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(500).optional().describe("The X-Next-Cursor header of the previous page (with the same filters)"),
});

/** A persona's run history, a page at a time. */
export const listProbeRunsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: z.string().max(500).optional().describe("The X-Next-Cursor header of the previous page"),
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
