// npm run backup [-- --out DIR] — a consistent copy of a running studio: the
// SQLite database through SQLite's online backup API (a snapshot, safe in WAL
// mode while the studio writes; `cp` of the live file can miss recent rows) and
// the data directory with the secrets (auth-secret, encryption-key), into
// backups/<UTC time>/ with a manifest. Restoring is copying both back (see README).
import { createHash } from "node:crypto";
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { KEY_FILE, availableSecrets, keysFor, rowsWithoutKey, sqliteFile } from "../lib/crypto/key-ring.mjs";

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
} = {}) {
  const source = sqliteFile(databaseUrl);
  if (!source) {
    throw new Error("Only SQLite databases (DATABASE_URL=file:…) can be backed up by this command so far. For PostgreSQL use pg_dump, and copy the data directory yourself.");
  }
  if (!existsSync(source)) throw new Error(`No database at ${source} (DATABASE_URL=${databaseUrl})`);
  const dir = path.resolve(out ?? path.join("backups", utcStamp(now)));
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`${dir} is not empty; choose another --out`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700); // it holds the secrets

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
  let integrity;
  let rowCounts;
  let sealedRows;
  try {
    copy.pragma("journal_mode = DELETE"); // a single self-contained file, no -wal beside it
    integrity = copy.pragma("integrity_check", { simple: true });
    const tables = copy.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY name").pluck().all();
    rowCounts = Object.fromEntries(tables.map((t) => [t, copy.prepare(`SELECT COUNT(*) FROM "${t}"`).pluck().get()]));
    sealedRows = tables.includes("ModelProvider") ? copy.prepare("SELECT id, apiKeyEnc FROM ModelProvider WHERE apiKeyEnc IS NOT NULL").all() : [];
  } finally {
    copy.close();
  }
  chmodSync(dbCopy, 0o600);

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
    database: { source, file: path.basename(source), integrity },
    dataDir: { source: dataDir, copiedTo: existsSync(dataCopy) ? "data" : null },
    rowCounts,
    sealedProviderKeys: sealedRows.length,
    files,
    warnings,
  };
  writeFileSync(path.join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return { dir, manifest, warnings };
}

function listFiles(p) {
  return statSync(p).isDirectory() ? readdirSync(p).sort().flatMap((e) => listFiles(path.join(p, e))) : [p];
}

export function restoreSteps({ dir, manifest }) {
  return [
    "To restore this backup:",
    "  1. Stop the studio (and any `npm run worker`).",
    `  2. Copy the database back:        cp "${path.join(dir, manifest.database.file)}" "${manifest.database.source}"`,
    `     and delete any stale WAL files: rm -f "${manifest.database.source}-wal" "${manifest.database.source}-shm"`,
    ...(manifest.dataDir.copiedTo
      ? [`  3. Copy the secrets back:         mkdir -p "${manifest.dataDir.source}" && cp -p "${path.join(dir, "data")}"/* "${manifest.dataDir.source}/"`]
      : ["  3. (No data directory was found to back up.)"]),
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
