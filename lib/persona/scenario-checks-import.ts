import { checkSchema, newScenarioId, type Check } from "@/lib/schemas/scenario";

// Checks in a scenario import. CSV has one optional column per simple kind:
//   contains, not_contains  phrases separated by ";" (each one check; case is ignored)
//   regex                   one pattern, or /pattern/flags (flags i, m, s)
//   max_length              at most this many characters
//   asks_question           yes / no (also true/false, 1/0; empty = no)
// Labels need JSONL, where `checks` is the spec's own list (ids may be left out).

export const CSV_CHECK_COLUMNS = ["contains", "not_contains", "regex", "max_length", "asks_question"] as const;
type CsvCheckColumn = (typeof CSV_CHECK_COLUMNS)[number];

export type CheckImportError = { field: string; message: string };

const YES = new Set(["yes", "y", "true", "1", "x"]);
const NO = new Set(["no", "n", "false", "0", ""]);
const MAX_LENGTH = 20_000;

/** The checks one CSV row's check columns describe, or the first problem naming its column. */
export function csvChecks(cells: Partial<Record<CsvCheckColumn, string | undefined>>): { checks: Check[] | undefined } | { error: CheckImportError } {
  const drafts: { field: CsvCheckColumn; check: Record<string, unknown> }[] = [];
  for (const field of ["contains", "not_contains"] as const) {
    for (const value of (cells[field] ?? "").split(";").map((v) => v.trim()).filter(Boolean)) drafts.push({ field, check: { type: field, value } });
  }
  const regex = cells.regex?.trim();
  if (regex) {
    const slashed = /^\/(.+)\/([a-z]*)$/s.exec(regex);
    drafts.push({ field: "regex", check: slashed ? { type: "regex", value: slashed[1], ...(slashed[2] ? { flags: slashed[2] } : {}) } : { type: "regex", value: regex } });
  }
  const max = cells.max_length?.trim();
  if (max) {
    const n = /^\d+$/.test(max) ? Number(max) : NaN;
    if (!(n >= 1 && n <= MAX_LENGTH)) return { error: { field: "max_length", message: `max_length is a whole number of characters from 1 to ${MAX_LENGTH}` } };
    drafts.push({ field: "max_length", check: { type: "max_length", value: n } });
  }
  const asks = (cells.asks_question ?? "").trim().toLowerCase();
  if (!YES.has(asks) && !NO.has(asks)) return { error: { field: "asks_question", message: 'asks_question is "yes" or "no"' } };
  if (YES.has(asks)) drafts.push({ field: "asks_question", check: { type: "asks_question" } });

  const taken = new Set<string>();
  const checks: Check[] = [];
  for (const { field, check } of drafts) {
    const parsed = checkSchema.safeParse({ id: newScenarioId(taken), ...check });
    if (!parsed.success) return { error: { field, message: parsed.error.issues[0].message } };
    taken.add(parsed.data.id);
    checks.push(parsed.data);
  }
  return { checks: checks.length ? checks : undefined };
}

/** JSONL `checks` with an id given to each check object that has none; anything else is left for the schema to name. */
export function withCheckIds(raw: unknown): unknown {
  if (raw === null) return undefined;
  if (!Array.isArray(raw)) return raw;
  const taken = new Set(raw.map((c) => (c && typeof c === "object" ? (c as { id?: unknown }).id : undefined)).filter((id): id is string => typeof id === "string"));
  return raw.map((c) => {
    if (!c || typeof c !== "object" || Array.isArray(c) || (c as { id?: unknown }).id !== undefined) return c;
    const id = newScenarioId(taken);
    taken.add(id);
    return { id, ...c };
  });
}
