import "server-only";
import Database from "better-sqlite3";
import { env } from "@/lib/config/env";
import { db, dbProvider, pgPool } from "@/lib/db/client";
import { pgQuery, preparedOn, toSqlite, type SqlValue } from "@/lib/db/reader";

// Plain-SQL writes for the busiest writes of the studio: an autosave's draft update
// and its folded activity line (issue 15 §5, autosave p95), and the cost meter's
// count before every live preview's model call (lib/http/rate-limit). Through Prisma even a raw
// statement passes the query compiler and the driver adapter: profiled, the two
// writes were a third of an autosave's CPU; through the driver they cost a few
// hundredths of a millisecond. Same SQL text as lib/db/reader (`?` placeholders).
//
// SQLite: a connection of its own that never waits for a lock (busy_timeout 0).
// better-sqlite3 waits synchronously, so waiting here for a lock Prisma's connection
// holds across an await (an interactive transaction) would block the event loop that
// transaction needs to finish (the deadlock lib/db/client describes). A statement
// that finds the database locked — a transaction here, a write of a worker process —
// goes through Prisma instead, which waits its turn. WAL with synchronous=NORMAL, as
// on Prisma's connection. PostgreSQL: the shared pool.

const globalForWriter = globalThis as unknown as { personaStudioWriter?: Database.Database };

function sqlite(): Database.Database {
  if (!globalForWriter.personaStudioWriter) {
    const conn = new Database(env.databaseUrl.replace(/^file:/, ""), { fileMustExist: true });
    conn.pragma("busy_timeout = 0");
    conn.pragma("synchronous = NORMAL");
    globalForWriter.personaStudioWriter = conn;
  }
  return globalForWriter.personaStudioWriter;
}

const statementOf = (sql: string) => preparedOn(sqlite(), sql);

const locked = (e: unknown) => String((e as { code?: unknown }).code).startsWith("SQLITE_BUSY");

/** Runs one INSERT, UPDATE or DELETE; the number of rows it changed. */
export async function execute(sql: string, params: readonly SqlValue[] = []): Promise<number> {
  if (dbProvider === "postgresql") {
    return (await pgPool!.query(pgQuery(sql, params))).rowCount ?? 0;
  }
  const values = params.map(toSqlite);
  try {
    return statementOf(sql).run(...values).changes;
  } catch (e) {
    if (!locked(e)) throw e;
    return db.$executeRawUnsafe(sql, ...values); // locked: wait in Prisma's queue instead
  }
}

/** Runs one write with a RETURNING clause; its rows (values as lib/db/reader's, read them with its helpers). */
export async function executeReturning<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
  if (dbProvider === "postgresql") {
    return (await pgPool!.query(pgQuery(sql, params))).rows as T[];
  }
  const values = params.map(toSqlite);
  try {
    return statementOf(sql).all(...values) as T[];
  } catch (e) {
    if (!locked(e)) throw e;
    return db.$queryRawUnsafe<T[]>(sql, ...values);
  }
}

/** One statement and its values. */
export type Statement = { sql: string; params: readonly SqlValue[] };

/**
 * A row as it was just before an UPDATE, and the UPDATE's RETURNING row: on
 * PostgreSQL in one statement and one round trip (a data-modifying WITH, whose
 * SELECT sees the rows as they were before the update: one snapshot for the whole
 * statement), on SQLite the read then the update on the writer connection (no round
 * trip to save). Another write may land between the two on SQLite, or, on PostgreSQL,
 * after the snapshot and before the update takes the row's lock: give the update a
 * WHERE that refuses a row changed since (a revision), so `before` is the row it
 * changed whenever it wrote. `before` is a SELECT of at most one row and `update` an
 * UPDATE … RETURNING of at most one; their column names must differ. Null when
 * `before` finds no row; `saved` null when the update wrote nothing.
 */
export async function updateAfterReading<B extends object, S extends object>(
  before: Statement, update: Statement,
): Promise<{ before: B; saved: S | null } | null> {
  if (dbProvider === "postgresql") {
    const sql = `WITH "before" AS (${before.sql}), "saved" AS (${update.sql})
      SELECT b.*, s.*, EXISTS (SELECT 1 FROM "saved") AS "wrote" FROM "before" b LEFT JOIN "saved" s ON true`;
    const [row] = await executeReturning<Record<string, unknown> & { wrote: boolean }>(sql, [...before.params, ...update.params]);
    if (!row) return null;
    const { wrote, ...columns } = row;
    return { before: columns as B, saved: wrote ? (columns as S) : null };
  }
  const [b] = await executeReturning<B>(before.sql, before.params);
  if (!b) return null;
  const [saved] = await executeReturning<S>(update.sql, update.params);
  return { before: b, saved: saved ?? null };
}
