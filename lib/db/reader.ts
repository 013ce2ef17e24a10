import "server-only";
import Database from "better-sqlite3";
import pg from "pg";
import { env } from "@/lib/config/env";
import { dbProvider, pgPool } from "@/lib/db/client";

// Plain-SQL reads for the request hot paths (issue 15 §4–5): the session and
// membership behind every API request, the persona list, search and GET. Through
// Prisma each statement costs 0.35–0.6 ms of CPU (the query is compiled and its
// result interpreted every time; bench/personas-scale, profiled: two thirds of the
// web's busy time); through the driver, about 0.01–0.05 ms.
//
// One SQL text for both databases: `?` placeholders (turned into $1, $2 … on
// PostgreSQL, so a `?` may never appear inside a literal), quoted identifiers.
// Values come back as the driver gives them; read them with the helpers below,
// which know both databases' shapes (SQLite: dates as Prisma's ISO text; PostgreSQL:
// dates as ISO text in UTC, `…Z` (pgTimestamp), counts as text).
//
// Reads only. On SQLite this is a second, read-only connection to the same file:
// better-sqlite3 is synchronous, so a statement runs to its end before anything
// else in the process does, and a reader never holds a lock across an await (the
// deadlock lib/db/client describes needs a writer that does). In WAL mode a
// reader never blocks nor waits for a writer, and it sees every committed write.
// On PostgreSQL the reads share Prisma's pool (lib/db/client).

export type SqlValue = string | number | boolean | Date | null;

const globalForReader = globalThis as unknown as { personaStudioReader?: Database.Database };

function sqlite(): Database.Database {
  if (!globalForReader.personaStudioReader) {
    const file = env.databaseUrl.replace(/^file:/, "");
    const conn = new Database(file, { readonly: true, fileMustExist: true });
    // Wait (briefly, synchronously) rather than fail if the file is mid-recovery or mid-checkpoint.
    conn.pragma("busy_timeout = 250");
    globalForReader.personaStudioReader = conn;
  }
  return globalForReader.personaStudioReader;
}

// Prepared once per connection (a statement belongs to the connection that prepared it).
const prepared = new WeakMap<Database.Database, Map<string, Database.Statement>>();
const pgStatements = new Map<string, { text: string; name?: string }>();
/** Named statements per process at most: IN lists of every page size stay well below it. */
const PG_NAMED_MAX = 500;

/**
 * How a statement is planned on PostgreSQL: "prepared" once per connection, its plan
 * kept for any values, or planned with its values "each" time. By default a LIKE is
 * planned each time: its best plan depends on its pattern (a 2-letter one cannot use
 * the trigram index); a caller that knows one plan fits every value says so.
 */
export type ReadOptions = { plan?: "prepared" | "each" };

/** The statement with PostgreSQL's placeholders ($1, $2 …) for `?`, and its name (computed once per text and plan). */
function pgStatementOf(sql: string, plan: ReadOptions["plan"]): { text: string; name?: string } {
  const key = plan ? `${plan}:${sql}` : sql;
  let statement = pgStatements.get(key);
  if (statement === undefined) {
    const prepared = (plan ?? (/\bI?LIKE\b/i.test(sql) ? "each" : "prepared")) === "prepared";
    let n = 0;
    const text = sql.replace(/\?/g, () => `$${++n}`);
    const named = prepared && pgStatements.size < PG_NAMED_MAX;
    statement = named ? { text, name: `studio_${pgStatements.size}` } : { text };
    pgStatements.set(key, statement);
  }
  return statement;
}

/**
 * One statement for the PostgreSQL pool: named, so each connection parses it once and
 * PostgreSQL may keep its plan (a prepared statement; planning alone was 0.05–0.25 ms
 * of the database's CPU per statement, and a list request runs five). The texts are
 * fixed SQL with `?` placeholders (values never in the text), so the names stay few;
 * past PG_NAMED_MAX new texts go unnamed.
 */
export function pgQuery(sql: string, params: readonly SqlValue[], options: ReadOptions = {}): pg.QueryConfig {
  const { text, name } = pgStatementOf(sql, options.plan);
  return { text, name, values: params.map(toPg), types: PG_TYPES };
}

/** The rows of one SELECT. */
export async function readRows<T>(sql: string, params: readonly SqlValue[] = [], options: ReadOptions = {}): Promise<T[]> {
  if (dbProvider === "postgresql") {
    return (await pgPool!.query(pgQuery(sql, params, options))).rows as T[];
  }
  return preparedOn(sqlite(), sql).all(...params.map(toSqlite)) as T[];
}

/** `sql` prepared on `conn`, once per connection (a statement belongs to the connection that prepared it). */
export function preparedOn(conn: Database.Database, sql: string): Database.Statement {
  let statements = prepared.get(conn);
  if (!statements) prepared.set(conn, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) {
    statement = conn.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}

/** The first row of one SELECT, or null. */
export async function readRow<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | null> {
  return (await readRows<T>(sql, params))[0] ?? null;
}

// Prisma writes DateTime on SQLite as ISO text with an explicit offset, and
// timestamp(3) (UTC, no zone) on PostgreSQL: parameters are written the same way,
// so comparisons in SQL compare like with like.
export function toSqlite(v: SqlValue): string | number | null {
  if (v instanceof Date) return v.toISOString().replace("Z", "+00:00");
  if (typeof v === "boolean") return v ? 1 : 0;
  return v;
}

export function toPg(v: SqlValue): string | number | boolean | null {
  return v instanceof Date ? v.toISOString().replace("Z", "") : v;
}

/**
 * A PostgreSQL timestamp (without time zone: it holds UTC, as Prisma writes it; read
 * as UTC, never as local time) as the API's ISO text, `2026-12-02T19:48:00.120Z`, by
 * rewriting its text (`2026-12-02 19:48:00.12`: trailing zeros of the fraction dropped,
 * no fraction at a whole second). Parsing a Date and printing it again was a tenth of
 * a search page's CPU on PostgreSQL (two dates a row, bench/personas-scale). Any other
 * shape (a year past 9999, BC, infinity) is parsed as before: a Date.
 */
export function pgTimestamp(text: string): string | Date {
  const n = text.length;
  if (n >= 19 && n <= 26 && text[4] === "-" && text[10] === " " && text[13] === ":" && (n === 19 || (n > 20 && text[19] === "."))) {
    const fraction = n === 19 ? "000" : text.slice(20, 23).padEnd(3, "0");
    return `${text.slice(0, 10)}T${text.slice(11, 19)}.${fraction}Z`;
  }
  return new Date(`${text.replace(" ", "T")}Z`);
}

const TIMESTAMP = 1114;
const PG_TYPES = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === TIMESTAMP && format !== "binary" ? pgTimestamp : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

/** A DateTime column (ISO text from either database; a Date from PostgreSQL in odd cases). */
export function asDate(v: unknown): Date {
  if (v instanceof Date) return v;
  const text = String(v);
  // Rows written by SQL defaults (CURRENT_TIMESTAMP) carry no zone: they are UTC.
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(" ", "T")}Z`);
}

/**
 * A DateTime column as the API sends it (ISO 8601 in UTC, `…Z`). SQLite's usual
 * shape (Prisma's `2026-12-02T19:48:00.123+00:00`) is rewritten as text, PostgreSQL's
 * (pgTimestamp) is that shape already: a list page
 * parsed and printed two dates a row, a tenth of its CPU (bench/personas-scale).
 */
export function asIso(v: unknown): string {
  if (typeof v === "string" && v[10] === "T" && v[19] === ".") {
    if (v.length === 29 && v.endsWith("+00:00")) return `${v.slice(0, 23)}Z`;
    if (v.length === 24 && v[23] === "Z") return v; // already the API's shape (pgTimestamp)
  }
  return asDate(v).toISOString();
}

/** An Int or count column (a count is text on PostgreSQL, a bigint elsewhere). */
export function asNumber(v: unknown): number {
  return typeof v === "number" ? v : Number(v);
}

/** An Int? column. */
export function asNumberOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : asNumber(v);
}
