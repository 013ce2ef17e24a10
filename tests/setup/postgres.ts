import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

// The integration suite on PostgreSQL (the "integration-pg" Vitest project, on
// when PG_TEST_URL names a server: scripts/test.mjs starts a throwaway one).
// Migrations are applied once, by the real `prisma migrate deploy` (so a
// migration the CLI cannot run fails here too), into a template database named
// after their content; each test file then gets its own database cloned from it (≈0.1 s),
// dropped when the file ends — the same isolation as a SQLite file per test file.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const migrationsDir = path.join(repoRoot, "prisma/postgres/migrations");

export const isPostgresTest = process.env.PERSONA_TEST_DB === "postgres";

function migrationFiles(): string[] {
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((dir) => readFileSync(path.join(migrationsDir, dir, "migration.sql"), "utf8"));
}

/** The template's name: a hash of the migrations, so a changed migration gets a new template. */
export function templateName(): string {
  return `persona_tpl_${createHash("sha256").update("built by prisma migrate deploy\n").update(migrationFiles().join("\n--\n")).digest("hex").slice(0, 16)}`;
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates the template database when it does not exist yet (global setup). */
export async function ensureTemplate(adminUrl: string): Promise<string> {
  const name = templateName();
  await withAdmin(adminUrl, async (admin) => {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return;
    const building = `${name}_building_${process.pid}`;
    await admin.query(`DROP DATABASE IF EXISTS "${building}"`);
    await admin.query(`CREATE DATABASE "${building}"`);
    const deploy = spawnSync(path.join(repoRoot, "node_modules/.bin/prisma"), ["migrate", "deploy", "--config", "prisma.postgres.config.ts"], {
      cwd: repoRoot, encoding: "utf8", env: { ...process.env, DATABASE_URL: databaseUrl(adminUrl, building) },
    });
    if (deploy.status !== 0) {
      await admin.query(`DROP DATABASE IF EXISTS "${building}"`);
      throw new Error(`prisma migrate deploy failed on PostgreSQL:\n${deploy.stdout}\n${deploy.stderr}`);
    }
    try {
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    } catch {
      await admin.query(`DROP DATABASE IF EXISTS "${building}"`); // another run made it first
    }
  });
  return name;
}

/** A fresh database for one test file, cloned from the template. */
export async function createTestDatabase(adminUrl: string, name: string, template: string): Promise<string> {
  await withAdmin(adminUrl, async (admin) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        return;
      } catch (e) {
        // "source database is being accessed by other users": another file is cloning it at this instant.
        if (attempt >= 20 || (e as { code?: string }).code !== "55006") throw e;
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
      }
    }
  });
  return databaseUrl(adminUrl, name);
}

export async function dropTestDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
