import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

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
