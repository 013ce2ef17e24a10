// Which encryption secrets this installation has, and which sealed values need
// one — read without ever generating a key, so the start-up check, the reseal
// script and the backup see exactly what the operator has (see sealed-box.mjs).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { isPostgresUrl, sqliteFile } from "./database-url.mjs";
import { deriveKey, open, parseSealed } from "./sealed-box.mjs";

export { sqliteFile };

export const KEY_FILE = "encryption-key";

/** PERSONA_STUDIO_PREVIOUS_SECRETS: comma-separated secrets that keys may still be sealed with. */
export function previousSecretsFrom(environment) {
  return (environment.PERSONA_STUDIO_PREVIOUS_SECRETS ?? "").split(",").map((s) => s.trim()).filter(Boolean);
}

/** The generated secret in the data directory, or null when there is none. */
export function readKeyFile(dataDir) {
  try {
    return readFileSync(path.join(/*turbopackIgnore: true*/ dataDir, KEY_FILE), "utf8").trim() || null;
  } catch {
    return null;
  }
}

/**
 * The current secret (PERSONA_STUDIO_SECRET, else the key file) first, then the
 * previous ones, then the key file when the environment overrides it — so moving
 * from the generated file to an explicit secret keeps old values readable.
 * @returns {{ current: string | null, all: string[] }}
 */
export function availableSecrets(environment, dataDir) {
  const file = readKeyFile(dataDir);
  const current = environment.PERSONA_STUDIO_SECRET || file;
  return { current, all: [...new Set([current, ...previousSecretsFrom(environment), file].filter(Boolean))] };
}

export const keysFor = (secrets) => secrets.map(deriveKey);

/** Every sealed provider key, on either database ("quoted" names: PostgreSQL keeps their case). */
export const SEALED_ROWS_SQL = 'SELECT "id", "workspaceId", "name", "apiKeyEnc" FROM "ModelProvider" WHERE "apiKeyEnc" IS NOT NULL';

/**
 * Every sealed provider key: [{ id, workspaceId, name, apiKeyEnc }]. Empty when
 * the database or its tables do not exist yet (a fresh install).
 * Synchronous, because the server asks just before it would generate a key, inside
 * a synchronous call: on PostgreSQL (whose driver is asynchronous) the query runs
 * in a short-lived child process — only on start-up checks and that rare moment.
 */
export function readSealedRows(databaseUrl) {
  if (isPostgresUrl(databaseUrl)) return readSealedRowsFromPostgres(databaseUrl);
  const file = sqliteFile(databaseUrl);
  if (!file || !existsSync(/*turbopackIgnore: true*/ file)) return [];
  const db = new Database(/*turbopackIgnore: true*/ file, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ModelProvider'").get();
    if (!table) return [];
    return db.prepare(SEALED_ROWS_SQL).all();
  } finally {
    db.close();
  }
}

// The URL comes on stdin, never in the arguments (ps would show its password).
// 42P01: no ModelProvider table yet (migrations not applied) — nothing sealed.
const POSTGRES_READER = `
const pg = require("pg");
let url = "";
process.stdin.on("data", (d) => (url += d)).on("end", async () => {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    process.stdout.write(JSON.stringify((await client.query(process.argv[1])).rows));
  } catch (e) {
    if (e.code === "42P01") process.stdout.write("[]");
    else { process.stderr.write(String(e.message)); process.exitCode = 1; }
  } finally {
    await client.end().catch(() => {});
  }
});`;

function readSealedRowsFromPostgres(databaseUrl) {
  const r = spawnSync(process.execPath, ["-e", POSTGRES_READER, SEALED_ROWS_SQL], { input: databaseUrl, encoding: "utf8", timeout: 30_000 });
  if (r.status !== 0) {
    throw new Error(`Could not read the stored provider keys from PostgreSQL: ${(r.stderr || r.error?.message || `exit ${r.status}`).trim()}`);
  }
  return JSON.parse(r.stdout);
}

/**
 * The sealed rows whose encryption key is not among `keys`: a v2 value whose key
 * id none of them has, or a v1 value none of them opens. (A value whose key is
 * present but which fails to open was altered; no key would help it.)
 */
export function rowsWithoutKey(rows, keys) {
  return rows.filter((row) => {
    const p = parseSealed(row.apiKeyEnc);
    if (!p) return false;
    if (p.version === "v2") return !keys.some((k) => k.kid === p.kid);
    try {
      open(row.apiKeyEnc, keys);
      return false;
    } catch {
      return true;
    }
  });
}
