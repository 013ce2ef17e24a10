import { z } from "zod";

// Scenarios: the persona's own test set — user messages from its domain, each
// optionally after a short conversation and with a note on what a good answer
// does. They live in the spec (so they autosave, are frozen by every version and
// travel with export/import) but are never part of the compiled prompt.
// Each scenario may carry deterministic `checks` (issue 12 §3): rules every
// answer to it should pass, evaluated on the answer text with no model call
// (lib/probing/checks.ts), reported as pass rates beside the rubric.

export const SCENARIO_LIMITS = {
  scenarios: 100,
  message: 2000,
  contextTurns: 6,
  turn: 2000,
  note: 500,
  tags: 10,
  tag: 40,
  checks: 10,
  checkValue: 500,
  checkLabel: 120,
} as const;

export const scenarioIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, "Scenario ids are 1–40 letters, digits, - or _")
  .describe("Short stable id, e.g. s3k9x");

export const scenarioTurnSchema = z.object({
  role: z.enum(["user", "assistant"]),
  content: z.string().max(SCENARIO_LIMITS.turn),
});
export type ScenarioTurn = z.infer<typeof scenarioTurnSchema>;

/**
 * One deterministic check on an answer. contains / not_contains: case-insensitive
 * substring; regex: a JavaScript regular expression (flags i, m, s allowed);
 * max_length: at most `value` characters; asks_question: the answer asks the
 * user something (a sentence ending in "?"). `label` names it in the report
 * ("mentions the 30-day policy"); absent, the report describes the rule.
 */
export const CHECK_TYPES = ["contains", "not_contains", "regex", "max_length", "asks_question"] as const;
export type CheckType = (typeof CHECK_TYPES)[number];

const checkLabel = z.string().trim().min(1).max(SCENARIO_LIMITS.checkLabel).optional().describe("What the check means, e.g. mentions the 30-day policy");
const checkText = z.string().min(1, "Write the text to look for").max(SCENARIO_LIMITS.checkValue);

/** Flags a check's regex may use: i (ignore case), m (multiline), s (dot matches newline). */
export const REGEX_FLAGS = /^[ims]{0,3}$/;

export const checkSchema = z
  .discriminatedUnion("type", [
    z.object({ id: scenarioIdSchema, type: z.literal("contains"), value: checkText, label: checkLabel }),
    z.object({ id: scenarioIdSchema, type: z.literal("not_contains"), value: checkText, label: checkLabel }),
    z.object({
      id: scenarioIdSchema,
      type: z.literal("regex"),
      value: z.string().min(1, "Write the pattern").max(SCENARIO_LIMITS.checkValue).refine((v) => {
        try { new RegExp(v); return true; } catch { return false; }
      }, "Not a valid regular expression"),
      flags: z.string().regex(REGEX_FLAGS, "Regex flags may be i, m and s").optional(),
      label: checkLabel,
    }),
    z.object({ id: scenarioIdSchema, type: z.literal("max_length"), value: z.number().int().min(1).max(20_000).describe("Characters"), label: checkLabel }),
    z.object({ id: scenarioIdSchema, type: z.literal("asks_question"), label: checkLabel }),
  ])
  .describe("Deterministic check on an answer");
export type Check = z.infer<typeof checkSchema>;

export const checksSchema = z
  .array(checkSchema)
  .max(SCENARIO_LIMITS.checks, `At most ${SCENARIO_LIMITS.checks} checks per scenario`)
  .refine((list) => new Set(list.map((c) => c.id)).size === list.length, "Check ids must be unique within a scenario");

export const scenarioSchema = z
  .object({
    id: scenarioIdSchema,
    message: z
      .string()
      .trim()
      .min(1, "Write the user's message")
      .max(SCENARIO_LIMITS.message)
      .describe("The user message the persona must answer"),
    context: z
      .array(scenarioTurnSchema)
      .max(SCENARIO_LIMITS.contextTurns, `At most ${SCENARIO_LIMITS.contextTurns} turns before the message`)
      .optional()
      .describe("Conversation before the message, oldest first"),
    note: z.string().max(SCENARIO_LIMITS.note).optional().describe("What a good answer does (for people; never sent to the model)"),
    tags: z.array(z.string().trim().min(1).max(SCENARIO_LIMITS.tag)).max(SCENARIO_LIMITS.tags).optional(),
    checks: checksSchema.optional().describe("Deterministic checks every answer to this scenario should pass"),
  })
  .describe("Scenario");
export type Scenario = z.infer<typeof scenarioSchema>;

export const scenariosSchema = z
  .array(scenarioSchema)
  .max(SCENARIO_LIMITS.scenarios, `At most ${SCENARIO_LIMITS.scenarios} scenarios`)
  .refine((list) => new Set(list.map((s) => s.id)).size === list.length, "Scenario ids must be unique")
  .default([])
  .describe("The persona's own test set; never part of the prompt");

/** A short id that is unlikely to collide within one persona's 100 scenarios. */
export function newScenarioId(taken: ReadonlySet<string> = new Set(), random: () => number = Math.random): string {
  for (;;) {
    const id = `s${Math.floor(random() * 36 ** 6).toString(36).padStart(6, "0")}`;
    if (!taken.has(id)) return id;
  }
}

/** The largest import text: 100 scenarios at their limits, with room for CSV quoting. */
export const SCENARIO_IMPORT_MAX_CHARS = 2_000_000;

export const importScenariosBody = z.object({
  format: z.enum(["csv", "jsonl"]).describe(
    "csv: header row with message, note?, context?, tags?, id? and optional check columns — contains and not_contains " +
      '(phrases separated by ";"), regex (one pattern or /pattern/flags, flags i m s), max_length (characters), asks_question (yes/no); ' +
      "jsonl: one object per line with the same fields, `checks` as in the spec (ids may be left out)",
  ),
  text: z.string().min(1, "Paste or upload the file's text").max(SCENARIO_IMPORT_MAX_CHARS),
  revision: z.number().int().min(1).describe("The draft revision this import is based on (409 when stale)"),
  mode: z.enum(["append", "replace"]).default("append").describe("Add to the draft's scenarios, or replace them"),
});
export type ImportScenariosBody = z.input<typeof importScenariosBody>;

export const importErrorSchema = z.object({ line: z.number().int(), field: z.string().optional(), message: z.string() });

export const SCENARIO_DRAFT_COUNT = { min: 8, max: 12, default: 10 } as const;

export const draftScenariosBody = z.object({
  count: z.number().int().min(SCENARIO_DRAFT_COUNT.min).max(SCENARIO_DRAFT_COUNT.max).default(SCENARIO_DRAFT_COUNT.default),
  providerId: z.string().max(64).optional().describe("Default: the workspace's default provider"),
  model: z.string().max(200).optional(),
});

export const draftScenariosResponse = z.object({
  scenarios: z.array(scenarioSchema).describe("Drafts with fresh ids, not yet saved: add the ones you keep to the draft"),
  providerLabel: z.string(),
  model: z.string(),
  simulated: z.boolean(),
});
export type DraftScenariosResponse = z.infer<typeof draftScenariosResponse>;
