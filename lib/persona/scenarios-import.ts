import { newScenarioId, SCENARIO_LIMITS, scenarioSchema, type Scenario, type ScenarioTurn } from "@/lib/schemas/scenario";
import { CSV_CHECK_COLUMNS, csvChecks, withCheckIds } from "@/lib/persona/scenario-checks-import";

// Pure import of scenarios from CSV or JSONL text (the browser can run it for a
// preview, the server runs it for the import route). Nothing partial: the caller
// gets either scenarios or line-numbered errors, so a bad file never half-lands.
//
// CSV: RFC 4180 (quoted fields, "" escapes, newlines inside quotes, CRLF or LF),
// a header row naming `message` (or `input` / `prompt`) and optionally `note`,
// `context`, `tags`, `id`; other columns are ignored. `context` is a JSON array
// of { role, content } or lines "user: …" / "assistant: …". Optional check
// columns (lib/persona/scenario-checks-import.ts): `contains` and `not_contains`
// (phrases separated by ";"), `regex` (one pattern, or /pattern/flags),
// `max_length` (characters), `asks_question` (yes/no).
// JSONL: one object per line with the same fields and `checks` as in the spec
// (ids may be left out); promptfoo test cases ({ vars: { message }, description })
// are accepted too.

export type ImportFormat = "csv" | "jsonl";
export type ImportError = { line: number; field?: string; message: string };
export type ImportResult = { scenarios: Scenario[]; errors: ImportError[] };

type CsvRow = { line: number; cells: string[] };

/** RFC 4180 rows, each with the line it starts on. Blank lines are skipped. */
export function parseCsv(text: string): { rows: CsvRow[]; error?: ImportError } {
  const src = text.replace(/^\uFEFF/, "");
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let rowLine = 1;
  let inQuotes = false;
  let quoteLine = 0;
  let wasQuoted = false;
  const endRow = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === "" && !wasQuoted)) rows.push({ line: rowLine, cells });
    cells = [];
    cell = "";
    wasQuoted = false;
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (inQuotes) {
      if (ch === '"') {
        if (src[i + 1] === '"') { cell += '"'; i++; } else inQuotes = false;
      } else {
        if (ch === "\n" || (ch === "\r" && src[i + 1] !== "\n")) line++;
        cell += ch === "\r" && src[i + 1] === "\n" ? "" : ch;
      }
      continue;
    }
    if (ch === '"') {
      if (cell.trim() !== "") return { rows, error: { line, message: "A quote inside an unquoted field; wrap the field in quotes and double the inner quote (\"\")" } };
      cell = "";
      inQuotes = true;
      wasQuoted = true;
      quoteLine = line;
    } else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      cell += ch;
    }
  }
  if (inQuotes) return { rows, error: { line: quoteLine, message: "A quoted field is never closed" } };
  if (cell !== "" || cells.length || wasQuoted) endRow();
  return { rows };
}

/** "user: …\nassistant: …" (continuation lines join the turn above) or a JSON array of turns. */
export function parseContext(raw: unknown): ScenarioTurn[] | string {
  if (raw === undefined || raw === null || raw === "") return [];
  if (Array.isArray(raw)) return raw as ScenarioTurn[];
  if (typeof raw !== "string") return "context must be a list of turns or text";
  const text = raw.trim();
  if (!text) return [];
  if (text.startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(text);
      return Array.isArray(parsed) ? (parsed as ScenarioTurn[]) : "context JSON must be an array";
    } catch {
      return "context is not valid JSON";
    }
  }
  const turns: ScenarioTurn[] = [];
  for (const l of text.split(/\r?\n/)) {
    const m = /^\s*(user|assistant)\s*:\s?(.*)$/i.exec(l);
    if (m) turns.push({ role: m[1].toLowerCase() as ScenarioTurn["role"], content: m[2] });
    else if (turns.length) turns[turns.length - 1].content += `\n${l}`;
    else return 'context lines start with "user:" or "assistant:"';
  }
  return turns.map((t) => ({ ...t, content: t.content.trim() }));
}

function parseTags(raw: unknown): unknown {
  if (typeof raw !== "string") return raw;
  const tags = raw.split(/[;|]/).map((t) => t.trim()).filter(Boolean);
  return tags.length ? tags : undefined;
}

type Candidate = { line: number; fields: Record<string, unknown> };

function toScenario(c: Candidate, taken: Set<string>, errors: ImportError[]): Scenario | null {
  const { fields } = c;
  const context = parseContext(fields.context);
  if (typeof context === "string") {
    errors.push({ line: c.line, field: "context", message: context });
    return null;
  }
  if (fields.checkError) {
    errors.push({ line: c.line, ...(fields.checkError as { field: string; message: string }) });
    return null;
  }
  const note = typeof fields.note === "string" && fields.note.trim() === "" ? undefined : fields.note;
  const wanted = typeof fields.id === "string" && fields.id.trim() ? fields.id.trim() : undefined;
  const id = wanted && !taken.has(wanted) ? wanted : newScenarioId(taken);
  const parsed = scenarioSchema.safeParse({
    id, message: fields.message, note, tags: parseTags(fields.tags), context: context.length ? context : undefined,
    checks: fields.checks,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.map(String).join(".") || undefined;
    const message = fields.message === undefined && field === "message" ? "No message" : issue.message;
    errors.push({ line: c.line, field, message });
    return null;
  }
  taken.add(parsed.data.id);
  return parsed.data;
}

const MESSAGE_COLUMNS = ["message", "input", "prompt"];

function csvCandidates(text: string, errors: ImportError[]): Candidate[] {
  const { rows, error } = parseCsv(text);
  if (error) {
    errors.push(error);
    return [];
  }
  if (!rows.length) return [];
  const header = rows[0].cells.map((h) => h.trim().toLowerCase());
  const messageCol = header.findIndex((h) => MESSAGE_COLUMNS.includes(h));
  if (messageCol === -1) {
    errors.push({ line: rows[0].line, message: 'The header row needs a "message" column' });
    return [];
  }
  const col = (name: string) => header.indexOf(name);
  return rows.slice(1).map((r) => {
    if (r.cells.length > header.length) errors.push({ line: r.line, message: `${r.cells.length} fields but the header has ${header.length}` });
    const at = (i: number) => (i === -1 ? undefined : r.cells[i]);
    const checks = csvChecks(Object.fromEntries(CSV_CHECK_COLUMNS.map((name) => [name, at(col(name))])));
    return {
      line: r.line,
      fields: {
        message: at(messageCol), note: at(col("note")), context: at(col("context")), tags: at(col("tags")), id: at(col("id")),
        ...("error" in checks ? { checkError: checks.error } : { checks: checks.checks }),
      },
    };
  });
}

function jsonlCandidates(text: string, errors: ImportError[]): Candidate[] {
  const out: Candidate[] = [];
  text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      errors.push({ line, message: "Not valid JSON" });
      return;
    }
    if (!value || typeof value !== "object" || Array.isArray(value)) {
      errors.push({ line, message: "Each line must be a JSON object" });
      return;
    }
    const o = value as Record<string, unknown>;
    const vars = o.vars && typeof o.vars === "object" ? (o.vars as Record<string, unknown>) : {};
    out.push({
      line,
      fields: {
        message: o.message ?? vars.message ?? vars.input ?? vars.prompt,
        note: o.note ?? o.description, context: o.context ?? vars.context, tags: o.tags, id: o.id, checks: withCheckIds(o.checks),
      },
    });
  });
  return out;
}

/**
 * Parses an import. `takenIds` are the ids already in the persona (append mode),
 * so imported ids never collide with them; `max` caps how many may come in.
 */
export function importScenarios(
  format: ImportFormat,
  text: string,
  { takenIds = [], max = Infinity }: { takenIds?: Iterable<string>; max?: number } = {},
): ImportResult {
  const errors: ImportError[] = [];
  const candidates = format === "csv" ? csvCandidates(text, errors) : jsonlCandidates(text, errors);
  const taken = new Set(takenIds);
  const scenarios: Scenario[] = [];
  for (const c of candidates) {
    const s = toScenario(c, taken, errors);
    if (s) scenarios.push(s);
  }
  if (!errors.length && !scenarios.length) errors.push({ line: 1, message: "No scenarios found" });
  if (scenarios.length > max) {
    errors.push({ line: candidates[max]?.line ?? 1, message: `Too many scenarios: room for ${max} more, the file has ${scenarios.length}` });
  }
  errors.sort((a, b) => a.line - b.line);
  return errors.length ? { scenarios: [], errors } : { scenarios, errors };
}

/** "line 3 (message): Write the user's message" — for error messages and the UI. */
export function describeImportError(e: ImportError): string {
  return `line ${e.line}${e.field ? ` (${e.field})` : ""}: ${e.message}`;
}

/**
 * The persona's scenarios after an import: appended after the existing ones
 * (ids kept clear of theirs, within the 100 limit) or replacing them. The import
 * route and the composer both use it, so they cannot disagree.
 */
export function importIntoList(
  existing: readonly Scenario[],
  format: ImportFormat,
  text: string,
  mode: "append" | "replace",
): { scenarios: Scenario[]; imported: number; errors: ImportError[] } {
  const kept = mode === "append" ? existing : [];
  const result = importScenarios(format, text, { takenIds: kept.map((s) => s.id), max: SCENARIO_LIMITS.scenarios - kept.length });
  if (result.errors.length) return { scenarios: [...existing], imported: 0, errors: result.errors };
  return { scenarios: [...kept, ...result.scenarios], imported: result.scenarios.length, errors: [] };
}
