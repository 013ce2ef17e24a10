import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, inject } from "vitest";
import { createTestDatabase, dropTestDatabase, isPostgresTest } from "./postgres";

// Runs before each integration test file imports anything from the app: gives the
// file a fresh database — a SQLite file built from prisma/migrations, or in the
// "integration-pg" project a PostgreSQL database cloned from the migrated
// template (tests/setup/postgres.ts) — its own data dir (for the generated auth
// secret) and the auth base URL. lib/config/env.ts reads these
// at import time, so they must be set here and not in the test file.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const tmpRoot = path.join(repoRoot, "tests/.tmp");
const runDir = path.join(tmpRoot, `${process.pid}-${randomBytes(4).toString("hex")}`);
const dbFile = path.join(runDir, "test.db");
const pgAdminUrl = process.env.PG_TEST_URL;
const pgDatabase = `t_${process.pid}_${randomBytes(4).toString("hex")}`;

mkdirSync(runDir, { recursive: true });

if (isPostgresTest) {
  if (!pgAdminUrl) throw new Error("PERSONA_TEST_DB=postgres needs PG_TEST_URL");
  process.env.DATABASE_URL = await createTestDatabase(pgAdminUrl, pgDatabase, inject("pgTemplate"));
} else {
  const migrationsDir = path.join(repoRoot, "prisma/migrations");
  const sqlite = new Database(dbFile);
  sqlite.pragma("foreign_keys = ON");
  for (const dir of readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    sqlite.exec(readFileSync(path.join(migrationsDir, dir, "migration.sql"), "utf8"));
  }
  sqlite.close();
  process.env.DATABASE_URL = `file:${dbFile}`;
}
process.env.PERSONA_STUDIO_DATA_DIR = path.join(runDir, "data");
process.env.BETTER_AUTH_URL = "http://localhost:3000";
delete process.env.BETTER_AUTH_SECRET;
// One process per test database: the generated secrets above are fine, on PostgreSQL too (lib/config/shared-secrets.mjs).
process.env.MULTI_INSTANCE = "false";
delete process.env.TRUSTED_ORIGINS;
process.env.ALLOW_SIGN_UP = "true";
// lib/db/client.ts caches the client (and on PostgreSQL its pool) on globalThis, lib/db/reader.ts
// its SQLite connection: never reuse one bound to another file's DB.
const globals = globalThis as { prisma?: { $disconnect(): Promise<void> }; pgPool?: { end(): Promise<void> }; personaStudioReader?: { close(): void }; personaStudioWriter?: { close(): void }; personaStudioReadThread?: { close(): void } };
delete globals.prisma;
delete globals.pgPool;
delete globals.personaStudioReader;
delete globals.personaStudioWriter;
// A read thread left by an earlier file in this process is stopped, not just forgotten.
globals.personaStudioReadThread?.close();
delete globals.personaStudioReadThread;

afterAll(async () => {
  await globals.prisma?.$disconnect();
  await globals.pgPool?.end();
  globals.personaStudioReader?.close();
  globals.personaStudioWriter?.close();
  globals.personaStudioReadThread?.close();
  rmSync(runDir, { recursive: true, force: true });
  if (isPostgresTest && pgAdminUrl) await dropTestDatabase(pgAdminUrl, pgDatabase);
});
