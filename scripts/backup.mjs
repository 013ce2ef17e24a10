// npm run backup [-- --out DIR] — a consistent copy of a running studio and the
// data directory with its secrets (auth-secret, encryption-key), into
// backups/<UTC time>/ with a manifest. Restoring is putting both back (restoreSteps).
// - SQLite: through SQLite's online backup API (a snapshot, safe in WAL mode while
//   the studio writes; `cp` of the live file can miss recent rows).
// - PostgreSQL: `pg_dump --format=custom` of one exported snapshot; the manifest's
//   row counts and the key check read that same snapshot, so they describe the dump.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { KEY_FILE, SEALED_ROWS_SQL, availableSecrets, keysFor, rowsWithoutKey } from "../lib/crypto/key-ring.mjs";
import { connect, isPostgresUrl, redactUrl, sqliteFile } from "../lib/crypto/operator-db.mjs";

export const utcStamp = (d = new Date()) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");

/**
 * @param {{ databaseUrl?: string, dataDir?: string, out?: string, environment?: Record<string, string | undefined>, now?: Date }} [options]
 * @returns {Promise<{ dir: string, manifest: object, warnings: string[] }>}
 */
export async function backup({
  databaseUrl = process.env.DATABASE_URL ?? "file:./prisma/dev.db",
  dataDir = path.resolve(process.env.PERSONA_STUDIO_DATA_DIR ?? ".data"),
  out,
  environment = process.env,
  now = new Date(),
  pgDump = environment.PG_DUMP ?? "pg_dump",
} = {}) {
  const postgres = isPostgresUrl(databaseUrl);
  const source = postgres ? null : sqliteFile(databaseUrl);
  if (postgres) requirePgDump(pgDump);
  else if (!source) throw new Error(`DATABASE_URL must be file:… (SQLite) or postgresql://… (PostgreSQL), not ${databaseUrl}`);
  else if (!existsSync(source)) throw new Error(`No database at ${source} (DATABASE_URL=${databaseUrl})`);
  const dir = path.resolve(out ?? path.join("backups", utcStamp(now)));
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`${dir} is not empty; choose another --out`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700); // it holds the secrets

  const { database, rowCounts, sealedRows } = postgres ? await dumpPostgres(databaseUrl, dir, pgDump) : await copySqlite(source, dir);
  const integrity = database.integrity;

  const dataCopy = path.join(dir, "data");
  if (existsSync(dataDir)) cpSync(dataDir, dataCopy, { recursive: true });

  const warnings = [];
  if (integrity !== "ok") warnings.push(`The copy failed its integrity check: ${integrity}`);
  // The keys in the copy must open with what the backup (plus the environment) holds, or it is no backup of them.
  const orphaned = rowsWithoutKey(sealedRows, keysFor(availableSecrets(environment, dataCopy).all));
  if (orphaned.length) warnings.push(`${orphaned.length} stored provider key(s) open with none of the secrets this studio has: they cannot be restored either`);
  if (environment.PERSONA_STUDIO_SECRET || environment.PERSONA_STUDIO_PREVIOUS_SECRETS) {
    warnings.push("PERSONA_STUDIO_SECRET / PERSONA_STUDIO_PREVIOUS_SECRETS come from the environment and are NOT in this backup: keep them (e.g. in your password manager) with it");
  }
  if (!existsSync(path.join(dataCopy, KEY_FILE)) && !environment.PERSONA_STUDIO_SECRET && sealedRows.length) {
    warnings.push(`No ${KEY_FILE} file was found in ${dataDir}: the stored provider keys in this backup cannot be opened`);
  }

  const files = listFiles(dir).map((f) => ({ path: path.relative(dir, f), bytes: statSync(f).size, sha256: createHash("sha256").update(readFileSync(f)).digest("hex") }));
  const manifest = {
    createdAt: now.toISOString(),
    database,
    dataDir: { source: dataDir, copiedTo: existsSync(dataCopy) ? "data" : null },
    rowCounts,
    sealedProviderKeys: sealedRows.length,
    files,
    warnings,
  };
  writeFileSync(path.join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return { dir, manifest, warnings };
}

async function copySqlite(source, dir) {
  const dbCopy = path.join(dir, path.basename(source));
  const live = new Database(source, { fileMustExist: true });
  try {
    live.pragma("busy_timeout = 5000");
    // All pages in one step: one read transaction, so the copy is one snapshot even while
    // the studio keeps writing (in WAL mode readers never block writers, nor they us).
    await live.backup(dbCopy, { progress: () => 0x7fffffff });
  } finally {
    live.close();
  }
  const copy = new Database(dbCopy);
  try {
    copy.pragma("journal_mode = DELETE"); // a single self-contained file, no -wal beside it
    const integrity = copy.pragma("integrity_check", { simple: true });
    const tables = copy.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY name").pluck().all();
    const rowCounts = Object.fromEntries(tables.map((t) => [t, copy.prepare(`SELECT COUNT(*) FROM "${t}"`).pluck().get()]));
    const sealedRows = tables.includes("ModelProvider") ? copy.prepare(SEALED_ROWS_SQL).all() : [];
    return { database: { kind: "sqlite", source, file: path.basename(source), integrity }, rowCounts, sealedRows };
  } finally {
    copy.close();
    chmodSync(dbCopy, 0o600);
  }
}

const DUMP_FILE = "database.dump";
// Connection-string parameters only Prisma understands; libpq (pg_dump) refuses unknown ones.
const PRISMA_ONLY_PARAMS = ["schema", "connection_limit", "pool_timeout", "pgbouncer", "statement_cache_size", "socket_timeout"];

function requirePgDump(pgDump) {
  const r = spawnSync(pgDump, ["--version"], { encoding: "utf8" });
  if (r.error || r.status !== 0) {
    throw new Error(
      `pg_dump was not found (${pgDump}): a PostgreSQL backup needs PostgreSQL's client tools, the server's major version or newer ` +
        "(Debian: apt-get install postgresql-client), or set PG_DUMP to its path",
    );
  }
}

/** pg_dump's connection: the URL without the password (it goes in PGPASSWORD, so `ps` never shows it) and Prisma's own parameters. */
function libpqConnection(databaseUrl) {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  for (const name of PRISMA_ONLY_PARAMS) url.searchParams.delete(name);
  return { dbname: url.toString(), env: password ? { PGPASSWORD: password } : {} };
}

function runTool(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", (e) => resolve({ status: 1, stderr: e.message }));
    child.on("close", (status) => resolve({ status, stderr: stderr.trim() }));
  });
}

async function dumpPostgres(databaseUrl, dir, pgDump) {
  const file = path.join(dir, DUMP_FILE);
  const { dbname, env } = libpqConnection(databaseUrl);
  const db = await connect(databaseUrl);
  try {
    // One snapshot for the dump, the row counts and the key check: pg_dump joins this
    // transaction's exported snapshot, which lives until we commit.
    await db.run("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    const [{ snapshot }] = await db.all("SELECT pg_export_snapshot() AS snapshot");
    const dump = await runTool(pgDump, ["--format=custom", `--snapshot=${snapshot}`, `--file=${file}`, `--dbname=${dbname}`], env);
    if (dump.status !== 0) throw new Error(`pg_dump failed (exit ${dump.status}): ${dump.stderr}`);
    chmodSync(file, 0o600);
    const tables = await db.tables();
    const rowCounts = {};
    for (const t of tables) rowCounts[t] = Number((await db.all(`SELECT COUNT(*) AS n FROM "${t}"`))[0].n);
    const sealedRows = tables.includes("ModelProvider") ? await db.all(SEALED_ROWS_SQL) : [];
    await db.run("COMMIT");
    // The archive must be readable by pg_restore: its table of contents lists every table.
    const pgRestore = pgDump.includes("/") ? path.join(path.dirname(pgDump), "pg_restore") : "pg_restore";
    const list = spawnSync(pgRestore, ["--list", file], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const archived = new Set([...(list.stdout ?? "").matchAll(/ TABLE DATA \S+ "?([^"\s]+)"? /g)].map((m) => m[1]));
    const missing = tables.filter((t) => !archived.has(t));
    const integrity = list.status !== 0
      ? `pg_restore --list failed: ${(list.stderr || list.error?.message || "").trim()}`
      : missing.length ? `tables missing from the archive: ${missing.join(", ")}` : "ok";
    return {
      database: { kind: "postgresql", source: redactUrl(databaseUrl), file: DUMP_FILE, format: "pg_dump --format=custom", integrity },
      rowCounts,
      sealedRows,
    };
  } finally {
    await db.close();
  }
}

function listFiles(p) {
  return statSync(p).isDirectory() ? readdirSync(p).sort().flatMap((e) => listFiles(path.join(p, e))) : [p];
}

export function restoreSteps({ dir, manifest }) {
  const secrets = manifest.dataDir.copiedTo
    ? `  3. Copy the secrets back:         mkdir -p "${manifest.dataDir.source}" && cp -p "${path.join(dir, "data")}"/* "${manifest.dataDir.source}/"`
    : "  3. (No data directory was found to back up.)";
  const database = manifest.database.kind === "postgresql"
    ? [
        `  2. Restore the database (DATABASE_URL = the studio's; to restore elsewhere, createdb a new one and point DATABASE_URL at it):`,
        `       pg_restore --clean --if-exists --no-owner --dbname "$DATABASE_URL" "${path.join(dir, manifest.database.file)}"`,
      ]
    : [
        `  2. Copy the database back:        cp "${path.join(dir, manifest.database.file)}" "${manifest.database.source}"`,
        `     and delete any stale WAL files: rm -f "${manifest.database.source}-wal" "${manifest.database.source}-shm"`,
      ];
  return [
    "To restore this backup:",
    "  1. Stop the studio (every web instance and every `npm run worker`).",
    ...database,
    secrets,
    "     If you set PERSONA_STUDIO_SECRET / PERSONA_STUDIO_PREVIOUS_SECRETS, set the same values again.",
    "  4. Start the studio: npm start (it refuses to start if a stored key's encryption key is missing).",
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf("--out");
  const out = i > 0 ? process.argv[i + 1] : undefined;
  try {
    const result = await backup({ out });
    console.log(`✔ Backup written to ${result.dir}`);
    console.log(`  ${result.manifest.files.length} files; rows: ${Object.entries(result.manifest.rowCounts).filter(([, n]) => n > 0).map(([t, n]) => `${t} ${n}`).join(", ") || "none"}`);
    for (const w of result.warnings) console.warn(`⚠ ${w}`);
    console.log(`\n${restoreSteps(result)}`);
    process.exit(result.manifest.database.integrity === "ok" ? 0 : 1);
  } catch (e) {
    console.error(`✖ ${e.message}`);
    process.exit(1);
  }
}
