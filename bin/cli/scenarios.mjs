// Scenarios on the command line, pure: the list, the export in the import's own
// formats (lib/persona/scenarios-import.ts reads them back unchanged), the import's
// line-numbered errors, and a probe run's "General vs in your scenarios" table.

import { align } from "./report.mjs";

const oneLine = (text) => text.replace(/\s+/g, " ").trim();

/** "Can I return these shoes I bought…" — one line, at most `max` characters. */
export function shorten(text, max = 60) {
  const flat = oneLine(text);
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** #  id  message  checks — one row per scenario, in the spec's order. */
export function scenarioList(scenarios) {
  if (!scenarios.length) return "No scenarios.";
  const rows = scenarios.map((s, i) => [i + 1, s.id, shorten(s.message), s.checks?.length ?? 0]);
  return align([["#", "id", "message", "checks"], ...rows], [true, false, false, true]);
}

/** One scenario as the JSONL import reads it: the spec's own fields, checks with their ids and labels. */
function jsonlObject(s) {
  return {
    id: s.id,
    message: s.message,
    ...(s.note !== undefined ? { note: s.note } : {}),
    ...(s.context?.length ? { context: s.context } : {}),
    ...(s.tags?.length ? { tags: s.tags } : {}),
    ...(s.checks?.length ? { checks: s.checks } : {}),
  };
}

export function toJsonl(scenarios) {
  return scenarios.map((s) => `${JSON.stringify(jsonlObject(s))}\n`).join("");
}

/** The import's CSV columns (message first; the check columns of lib/persona/scenario-checks-import.ts last). */
export const CSV_COLUMNS = ["message", "id", "note", "context", "tags", "contains", "not_contains", "regex", "max_length", "asks_question"];

const csvCell = (value) => (/[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * One scenario as CSV cells, and what CSV cannot carry (JSONL can): check labels and ids, a second
 * regex or max_length, a phrase with ";" in it, a tag with ";" or "|" in it.
 */
function csvRow(s) {
  const lost = [];
  const checks = s.checks ?? [];
  const of = (type) => checks.filter((c) => c.type === type);
  if (checks.some((c) => c.label)) lost.push("check labels");
  const phrases = (type) => {
    const values = of(type).map((c) => c.value);
    if (values.some((v) => v.includes(";"))) lost.push(`a ${type} phrase with ";"`);
    return values.join("; ");
  };
  if (of("regex").length > 1) lost.push("more than one regex");
  if (of("max_length").length > 1) lost.push("more than one max_length");
  if (of("asks_question").length > 1) lost.push("more than one asks_question");
  if ((s.tags ?? []).some((t) => /[;|]/.test(t))) lost.push('a tag with ";" or "|"');
  const regex = of("regex")[0];
  const max = of("max_length")[0];
  const cells = {
    message: s.message,
    id: s.id,
    note: s.note ?? "",
    context: s.context?.length ? JSON.stringify(s.context) : "",
    tags: (s.tags ?? []).join("; "),
    contains: phrases("contains"),
    not_contains: phrases("not_contains"),
    // Always /pattern/flags: a bare pattern that happened to look like /…/ would lose its slashes.
    regex: regex ? `/${regex.value}/${regex.flags ?? ""}` : "",
    max_length: max ? String(max.value) : "",
    asks_question: of("asks_question").length ? "yes" : "",
  };
  return { line: CSV_COLUMNS.map((c) => csvCell(cells[c])).join(","), lost };
}

/** The CSV text, and per scenario (by number from 1) what the CSV could not carry. */
export function toCsv(scenarios) {
  const rows = scenarios.map(csvRow);
  return {
    text: [CSV_COLUMNS.join(","), ...rows.map((r) => r.line)].map((l) => `${l}\r\n`).join(""),
    lost: rows.flatMap((r, i) => (r.lost.length ? [{ number: i + 1, id: scenarios[i].id, what: r.lost }] : [])),
  };
}

/** csv | jsonl from --format, else from the file's extension; null when neither says. */
export function importFormat(file, format) {
  if (format) return ["csv", "jsonl"].includes(format.toLowerCase()) ? format.toLowerCase() : null;
  if (/\.csv$/i.test(file)) return "csv";
  if (/\.(jsonl|ndjson|json)$/i.test(file)) return "jsonl";
  return null;
}

/** The import route's 422 details as lines: "  line 3 (message): Write the user's message". */
export function importErrorLines(details) {
  const errors = Array.isArray(details?.errors) ? details.errors : [];
  return errors.map((e) => `  line ${e.line}${e.field ? ` (${e.field})` : ""}: ${e.message}`);
}

const num = (x) => (x === null || x === undefined ? "–" : x.toFixed(1));

/** "Scenarios: 3 asked (3 answered)" from the run detail's report, or that it asked none. */
export function scenariosLine(run) {
  const s = run.report.scenarios;
  if (!s?.count) return "Scenarios: none asked";
  return `Scenarios: ${s.count} asked (${s.answered} answered)`;
}

/**
 * General vs in your scenarios: the targeted traits plus any trait whose scenario landing differs clearly
 * from its general one, with the report's sentence under the table for those. Null without scenario rows.
 */
export function scenarioTable(run) {
  const rows = run.report.scenarioRows ?? [];
  if (!rows.length) return null;
  const general = new Map(run.report.rows.map((r) => [r.key, r.landing]));
  const targeted = new Set(Object.keys(run.targets ?? {}));
  const shown = rows.filter((r) => targeted.has(r.key) || r.vsGeneral.clear);
  if (!shown.length) return null;
  const table = align(
    [
      ["trait", "general", "in scenarios", "n", "gap"],
      ...shown.map((r) => [
        r.key,
        num(general.get(r.key)?.mean),
        r.landing.mean === null ? "–" : `${num(r.landing.mean)}${r.landing.halfWidth === null ? "" : ` ± ${num(r.landing.halfWidth)}`}`,
        r.n,
        r.vsGeneral.clear ? "clear" : "–",
      ]),
    ],
    [false, true, true, true, false],
  );
  const sentences = shown.filter((r) => r.vsGeneral.clear && r.sentence).map((r) => `  ${r.key}: ${r.sentence}`);
  return [`General vs in your scenarios:`, table, ...sentences].join("\n");
}
