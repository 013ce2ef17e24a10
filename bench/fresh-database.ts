import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { migrate } from "../scripts/lib.mjs";

/** A fresh SQLite database in `dir` built from prisma/migrations, as tests/setup/integration-db.ts does; returns its file. */
export function freshDatabase(dir: string): string {
  const file = path.join(dir, "bench.db");
  const sqlite = new Database(file);
  sqlite.pragma("foreign_keys = ON");
  const migrations = path.resolve(__dirname, "..", "prisma/migrations");
  for (const name of readdirSync(migrations, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    sqlite.exec(readFileSync(path.join(migrations, name, "migration.sql"), "utf8"));
  }
  sqlite.close();
  return file;
}

/**
 * A fresh PostgreSQL database `name` on the server of `adminUrl` (a superuser URL,
 * e.g. from scripts/pg-cluster.mjs), migrated the way `npm run db:migrate` does it;
 * returns its DATABASE_URL. An existing database of that name is dropped first.
 */
export async function freshPostgresDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  migrate(url.toString(), { stdio: "ignore" });
  return url.toString();
}
