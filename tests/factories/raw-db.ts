import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { vi } from "vitest";
import { withDatabase, type OperatorDb } from "@/lib/crypto/operator-db.mjs";
import { databaseUrl, isPostgresTest } from "@/tests/setup/postgres";

// The test file's database read directly, under the app: what is really stored.
// The same SQL on SQLite and PostgreSQL ("quoted" names, `?` placeholders), through
// the operator scripts' own connection (lib/crypto/operator-db.mjs).

export async function withRawDb<T>(fn: (db: OperatorDb) => Promise<T>, url = process.env.DATABASE_URL!): Promise<T> {
  const result = await withDatabase(url, fn);
  if (result === null) throw new Error(`no database at ${url}`);
  return result;
}

/**
 * A new database that is not the studio's: empty (no tables) on PostgreSQL, not
 * created yet on SQLite (a file that does not exist). `drop()` removes it.
 */
export async function otherDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!isPostgresTest) {
    const url = `file:${path.join(mkdtempSync(path.join(tmpdir(), "other-db-")), "studio.db")}`;
    return { url, drop: async () => {} };
  }
  const admin = process.env.PG_TEST_URL!;
  const name = `other_${process.pid}_${randomBytes(4).toString("hex")}`;
  const adminQuery = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await adminQuery(`CREATE DATABASE "${name}"`);
  return { url: databaseUrl(admin, name), drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/**
 * Counts the SQL statements the app sends from now on, on either database: every
 * statement passes through better-sqlite3's `prepare` or pg's `Client#query`.
 */
export function countStatements() {
  const spy = isPostgresTest ? vi.spyOn(pg.Client.prototype, "query") : vi.spyOn(Database.prototype, "prepare");
  // The job queue (pg-boss, PostgreSQL only) polls on its own timers through its own pg clients: not the app's statements.
  const all = () =>
    spy.mock.calls
      .map(([q]) => (typeof q === "string" ? q : String((q as { text?: string } | undefined)?.text ?? "")))
      .filter((sql) => !/\bpgboss\./.test(sql));
  return {
    count: () => all().length,
    mentioning: (text: string) => all().filter((sql) => sql.includes(text)).length,
    stop: () => spy.mockRestore(),
  };
}
