// Which encryption secrets this installation has, and which sealed values need
// one — read without ever generating a key, so the start-up check, the reseal
// script and the backup see exactly what the operator has (see sealed-box.mjs).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { deriveKey, open, parseSealed } from "./sealed-box.mjs";

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

/** The SQLite file behind a DATABASE_URL ("file:./prisma/dev.db", relative to the working directory), or null for another database. */
export function sqliteFile(databaseUrl) {
  if (!databaseUrl?.startsWith("file:")) return null;
  return path.resolve(/*turbopackIgnore: true*/ databaseUrl.slice("file:".length).split("?")[0]);
}

/**
 * Every sealed provider key: [{ id, workspaceId, name, apiKeyEnc }]. Empty when
 * the database or its tables do not exist yet (a fresh install).
 */
export function readSealedRows(databaseUrl) {
  const file = sqliteFile(databaseUrl);
  if (!file || !existsSync(/*turbopackIgnore: true*/ file)) return [];
  const db = new Database(/*turbopackIgnore: true*/ file, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ModelProvider'").get();
    if (!table) return [];
    return db.prepare("SELECT id, workspaceId, name, apiKeyEnc FROM ModelProvider WHERE apiKeyEnc IS NOT NULL").all();
  } finally {
    db.close();
  }
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
