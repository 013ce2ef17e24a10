// The operator commands' own connection to DATABASE_URL (start-up check, reseal,
// backup): they run under plain Node before or beside the studio, so they cannot
// use its Prisma client. One small interface for both databases, so each command
// has one code path: SQL with `?` placeholders and "double-quoted" identifiers
// (the models' names are mixed case) runs unchanged on SQLite and PostgreSQL.
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl, redactUrl, sqliteFile } from "./database-url.mjs";

export { isPostgresUrl, redactUrl, sqliteFile };

/** "?" placeholders → "$1, $2, …" (our SQL has no "?" inside string literals). */
export const toPostgresPlaceholders = (sql) => {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
};

/**
 * Opens the database, or resolves to null when there is none yet (a SQLite file
 * that does not exist). `all` returns rows, `run` the number of rows changed.
 * @param {string} databaseUrl
 * @param {{ readonly?: boolean }} [options]
 */
export async function connect(databaseUrl, { readonly = false } = {}) {
  if (isPostgresUrl(databaseUrl)) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const query = (sql, params = []) => client.query(toPostgresPlaceholders(sql), params);
    return {
      kind: "postgresql",
      all: async (sql, params) => (await query(sql, params)).rows,
      run: async (sql, params) => (await query(sql, params)).rowCount ?? 0,
      tables: async () => (await query(
        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT LIKE '\\_%' ORDER BY table_name",
      )).rows.map((r) => r.name),
      close: () => client.end(),
    };
  }
  const file = sqliteFile(databaseUrl);
  if (!file) throw new Error(`DATABASE_URL must be file:… (SQLite) or postgresql://… (PostgreSQL), not ${databaseUrl?.split(":")[0] ?? "unset"}`);
  if (!existsSync(/*turbopackIgnore: true*/ file)) return null;
  const db = new Database(/*turbopackIgnore: true*/ file, { readonly, fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  return {
    kind: "sqlite",
    all: async (sql, params = []) => db.prepare(sql).all(...params),
    run: async (sql, params = []) => db.prepare(sql).run(...params).changes,
    tables: async () => db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY name").pluck().all(),
    close: async () => db.close(),
  };
}

/** Runs `fn` with an open connection and closes it; null when the database does not exist yet. */
export async function withDatabase(databaseUrl, fn, options) {
  const db = await connect(databaseUrl, options);
  if (!db) return null;
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
