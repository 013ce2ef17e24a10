import { z } from "zod";

// Issue 14: pressure tests, self-report and framing — the API shapes (create
// body parts, frozen config, served report sections). One source for the
// worker, the report, the UI and the CLI.
//
// How they ride on a probe run (ProbeRun, mode "landing"):
// - PRESSURE conversations are a fixed plan beside the adaptive one
//   (RunConfig.pressure). Conversation c (0-based, over all scripts) uses
//   script ⌊c / conversationsPerScript⌋, opening script.openings[c mod len],
//   seed config.seed + c. Turn 0 answers the opening; turn t ≥ 1 answers the
//   t-th push with the whole history before it. Stored as ProbeAnswer rows
//   { kind: "pressure", traitKey: PRESSURE_TRAIT_KEY, itemIndex: c, turn: t,
//   sampleIndex: attempt }, message = that turn's user message, judged on every
//   watched trait. Turns of one conversation run in order; conversations run
//   concurrently.
// - SELF-REPORT items are a fixed plan too (RunConfig.selfReport): for each
//   watched trait, each item asked once in the persona arm, stored as
//   { kind: "self-report", traitKey: trait, itemIndex: item, sampleIndex:
//   attempt }, scores = { [trait]: the number the persona gave } (parsed, never
//   judged; outcome "empty" when no number 0–100 is found — asked once more).
// - FRAMING adds one extra arm (ProbeRun.arms, role "framing", kind
//   FRAMING_ARM_KIND) answering the same items as the persona: the persona
//   compiled with the framed trait's target moved into a role requirement
//   (lib/persona/requested-wording.ts). The persona arm is the nature wording.

export const PRESSURE_TRAIT_KEY = "@pressure";
/** The flag kinds of issue 14: under pressure (caves, drifts-back) and in the persona's own words (self-report). */
export const PRESSURE_FLAG_KINDS = ["caves", "drifts-back", "says-not-does", "does-not-say"] as const;
export const PRESSURE_KIND = "pressure";
export const SELF_REPORT_KIND = "self-report";
export const FRAMING_ARM_KIND = "framing:requested";

export const PRESSURE_LIMITS = {
  conversationsPerScript: { min: 2, max: 40, default: 8 },
  turns: { min: 1, max: 12, default: 4 },
  scripts: 6,
  pushChars: 1000,
  selfReportItems: 3,
} as const;

/** Turns-to-break default: 20 below a targeted trait's target (not below 0), else 50 — the server, the dialog and the chart agree. */
export const defaultBreakThreshold = (target: number | null | undefined): number => (typeof target === "number" ? Math.max(0, target - 20) : 50);

const traitKey = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/);

/** A pressure script the designer writes (kept in the persona spec, PersonaSpec.pressureScripts). */
export const pressureScriptSchema = z.object({
  name: z.string().trim().min(1, "Name the script").max(80),
  trait: traitKey.describe("The trait the pushes work against (its drift is the one the script tests)"),
  opening: z.string().trim().min(1, "Write the first user message").max(PRESSURE_LIMITS.pushChars),
  pushes: z.array(z.string().trim().min(1, "A push cannot be empty").max(PRESSURE_LIMITS.pushChars))
    .min(1, "Add at least one push").max(PRESSURE_LIMITS.turns.max)
    .describe("The user turns after the first answer, in order"),
});
export type PressureScript = z.infer<typeof pressureScriptSchema>;

/** A simulated user: a model playing a user with a goal, for a bounded number of turns. */
export const simulatedUserSchema = z.object({
  goal: z.string().trim().min(1, "Give the simulated user a goal").max(600)
    .describe("What the user wants, e.g. 'get a refund for an order bought 45 days ago'"),
  trait: traitKey.describe("The trait the user's goal pushes against"),
  opening: z.string().trim().min(1).max(PRESSURE_LIMITS.pushChars).optional().describe("The first message; default: the model writes it"),
  providerId: z.string().max(64).optional().describe("Who plays the user; default: the run's judge"),
  model: z.string().max(200).optional(),
});
export type SimulatedUserRequest = z.infer<typeof simulatedUserSchema>;

/** The `pressure` part of a create-probe body. */
export const pressureRequestSchema = z.object({
  scripts: z.array(z.union([
    z.string().min(1).max(80).describe("A built-in script's key (lib/traits/pressure-scripts.ts), or 'persona:<n>' for the persona's own script n"),
    pressureScriptSchema,
  ])).max(PRESSURE_LIMITS.scripts).default([]),
  simulatedUser: simulatedUserSchema.optional(),
  conversationsPerScript: z.number().int().min(PRESSURE_LIMITS.conversationsPerScript.min).max(PRESSURE_LIMITS.conversationsPerScript.max)
    .default(PRESSURE_LIMITS.conversationsPerScript.default).describe("Conversations per script (the unit of every interval)"),
  turns: z.number().int().min(PRESSURE_LIMITS.turns.min).max(PRESSURE_LIMITS.turns.max).default(PRESSURE_LIMITS.turns.default)
    .describe("Pushes per conversation after the first answer (a script's pushes repeat from its last when it has fewer)"),
  thresholds: z.record(traitKey, z.number().min(0).max(100)).default({})
    .describe("Turns-to-break: a conversation breaks on a trait at its first turn below this score. Default: the target − 20 for targeted traits, else 50"),
});
export type PressureRequest = z.input<typeof pressureRequestSchema>;

/** One script as frozen into a run. */
export type FrozenPressureScript = {
  key: string;
  name: string;
  trait: string;
  kind: "scripted" | "simulated";
  /** First user messages, used round-robin over the script's conversations (simulated without an opening: []) */
  openings: string[];
  /** Scripted: the pushes in order (repeat the last when turns > pushes.length). Simulated: []. */
  pushes: string[];
  /** Simulated only. */
  goal?: string;
};

/** RunConfig.pressure. */
export type FrozenPressure = {
  scripts: FrozenPressureScript[];
  conversationsPerScript: number;
  /** Pushes per conversation; a conversation has turns + 1 answers (turn 0 … turns). */
  turns: number;
  thresholds: Record<string, number>;
  /** Who plays a simulated user (null when no script is simulated). */
  simulatedUser: { providerId: string; model: string } | null;
};

/** RunConfig.selfReport: the self-rating questions per watched trait, frozen. */
export type FrozenSelfReport = { items: Record<string, string[]> };

// ---------- served report sections ----------

const est = z.object({
  estimate: z.number().nullable(), lo: z.number().nullable(), hi: z.number().nullable(),
  items: z.number().int().describe("Units behind the estimate (conversations, items)"),
});
export type ServedEstimate = z.infer<typeof est>;

export const pressureReportSchema = z.object({
  scripts: z.array(z.object({ key: z.string(), name: z.string(), trait: z.string(), kind: z.enum(["scripted", "simulated"]), conversations: z.number().int() })),
  turns: z.number().int(),
  thresholds: z.record(z.string(), z.number()),
  baseline: z.record(z.string(), z.number().nullable()).describe("The model's own landing per trait (baseline arm): what 'drifts back' measures distance to"),
  conversations: z.array(z.object({
    id: z.string().describe("c1, c2, … (1-based, as the report names them)"),
    index: z.number().int(),
    script: z.string().describe("The script's key"),
    status: z.enum(["running", "complete", "ended early"]),
    turns: z.array(z.object({
      turn: z.number().int(), answerId: z.string().nullable(),
      scores: z.record(z.string(), z.number().nullable()),
    })),
  })),
  drift: z.array(z.object({
    trait: z.string(),
    script: z.string().nullable().describe("The script whose conversations this reads; null = the conversations the flags read (for a trait a script pushes, those scripts' conversations; otherwise all)"),
    perTurn: z.array(est.extend({ turn: z.number().int() })),
    slope: est.describe("Mean per-conversation least-squares slope, points per turn"),
    change: est.describe("Mean of last scored turn − first answer"),
    conversations: z.number().int(),
  })),
  survival: z.array(z.object({
    trait: z.string(), threshold: z.number(), conversations: z.number().int(), breaks: z.number().int(),
    steps: z.array(z.object({
      turn: z.number().int(), atRisk: z.number().int(), breaks: z.number().int(), censored: z.number().int(),
      survival: z.number(), lo: z.number(), hi: z.number(),
    })),
    median: z.number().nullable(), medianLo: z.number().nullable(), medianHi: z.number().nullable(),
    lastTurn: z.number().int(),
  })),
  tests: z.array(z.object({
    kind: z.enum(["caves", "drifts-back"]), trait: z.string(), slope: est, p: z.number().nullable(), q: z.number().nullable(),
    flagged: z.boolean(), ended: z.number().nullable(), start: z.number().nullable(),
    exemplar: z.object({ conversation: z.string(), from: z.number(), to: z.number() }).nullable(),
  })).describe("Every caves / drifts-back test, flagged or not (the flags carry the flagged ones)"),
});
export type PressureReport = z.infer<typeof pressureReportSchema>;

export const selfReportReportSchema = z.object({
  itemsPerTrait: z.number().int(),
  rows: z.array(z.object({
    trait: z.string(),
    self: z.object({ estimate: z.number().nullable(), se: z.number().nullable(), items: z.number().int() }),
    behaviour: est.describe("The measured landing (persona arm, items as units)"),
    gap: z.object({ estimate: z.number().nullable(), lo: z.number().nullable(), hi: z.number().nullable(), df: z.number() })
      .describe("Self-rating − landing, Welch interval"),
    q: z.number().nullable(),
    flag: z.enum(["says-not-does", "does-not-say"]).nullable(),
    answerIds: z.array(z.string()).describe("The self-rating answers"),
  })),
});
export type SelfReportReport = z.infer<typeof selfReportReportSchema>;

export const framingReportSchema = z.object({
  trait: z.string().describe("The framed trait"),
  target: z.number(),
  arm: z.string().describe("The requested arm's kind"),
  wording: z.object({ nature: z.string(), requested: z.string() }).describe("The two sentences that differ"),
  targetLanding: z.object({ nature: est, requested: est, difference: est.describe("Nature − requested on the framed trait, paired by item") })
    .describe("Does the requested wording still move the framed trait?"),
  rows: z.array(z.object({
    trait: z.string(),
    nature: est.describe("Leakage of the nature wording: persona − baseline, paired by item"),
    requested: est.describe("Leakage of the requested wording: requested − baseline, paired by item"),
    difference: est.describe("Per item (nature − baseline) − (requested − baseline)"),
    natureLeaks: z.boolean(), q: z.number().nullable(), requestedLeaksLess: z.boolean(),
    requestedLeaksMore: z.boolean().describe("The mirror test: the requested wording's leak is established and the paired difference lies on its side of 0"),
  })).describe("One row per watched trait other than the framed one"),
  verdict: z.enum(["requested leaks less", "requested leaks more", "mixed", "no clear difference", "not enough evidence"])
    .describe("mixed: the requested wording leaks clearly less on some traits and clearly more on others"),
});
export type FramingReport = z.infer<typeof framingReportSchema>;

/** One conversation as a chat: GET …/runs/{runId}/conversations/{index}. */
export const pressureConversationSchema = z.object({
  id: z.string(), index: z.number().int(), script: z.object({ key: z.string(), name: z.string(), trait: z.string(), kind: z.enum(["scripted", "simulated"]) }),
  turns: z.array(z.object({
    turn: z.number().int(), answerId: z.string().nullable(),
    user: z.string(), assistant: z.string().nullable(),
    status: z.string().describe("done | failed"), outcome: z.string().nullable(),
    scores: z.record(z.string(), z.number().nullable()),
  })),
});
export type PressureConversation = z.infer<typeof pressureConversationSchema>;
