// Start-up check (either database: SQLite or PostgreSQL): refuse to start when the database holds provider keys sealed
// with an encryption key this installation does not have — otherwise a lost
// key file would be silently replaced by a new one and every key would be dead.
// Reads only: never generates a key, never writes the database.
import path from "node:path";
import { KEY_FILE, availableSecrets, keysFor, readSealedRows, rowsWithoutKey } from "../lib/crypto/key-ring.mjs";
import { parseSealed } from "../lib/crypto/sealed-box.mjs";

/**
 * @param {{ databaseUrl?: string, dataDir?: string, environment?: Record<string, string | undefined> }} [options]
 * @returns {{ ok: true } | { ok: false, message: string }}
 */
export function checkSealedKeys({
  databaseUrl = process.env.DATABASE_URL ?? "file:./prisma/dev.db",
  dataDir = path.resolve(process.env.PERSONA_STUDIO_DATA_DIR ?? ".data"),
  environment = process.env,
} = {}) {
  const rows = readSealedRows(databaseUrl);
  if (rows.length === 0) return { ok: true };
  const missing = rowsWithoutKey(rows, keysFor(availableSecrets(environment, dataDir).all));
  if (missing.length === 0) return { ok: true };
  const byKey = new Map();
  for (const row of missing) {
    const label = parseSealed(row.apiKeyEnc)?.kid ?? "v1 (no key id)";
    byKey.set(label, (byKey.get(label) ?? 0) + 1);
  }
  const which = [...byKey].map(([label, n]) => `key id ${label}: ${n}`).join(", ");
  const keyFile = path.join(dataDir, KEY_FILE);
  return {
    ok: false,
    message: [
      `✖ ${missing.length} provider API key(s) in the database were sealed with an encryption key this studio does not have (${which}).`,
      `  The studio will not start: it would otherwise create a new key and every stored provider key would be lost.`,
      `  To restore, do one of:`,
      `  • put the encryption-key file back from your backup: copy <backup>/data/${KEY_FILE} to ${keyFile}`,
      `  • or set PERSONA_STUDIO_SECRET to the secret the keys were sealed with`,
      `    (after a rotation: the new one in PERSONA_STUDIO_SECRET, the old one in PERSONA_STUDIO_PREVIOUS_SECRETS)`,
      `  Last resort — drop the keys that cannot be opened (owners then re-enter them in Settings → Model providers):`,
      `    npm run secrets:forget-unreadable`,
    ].join("\n"),
  };
}

// `node scripts/check-secrets.mjs`: the same check from the command line (exit 1 on failure).
if (import.meta.url === `file://${process.argv[1]}`) {
  const result = checkSealedKeys();
  if (result.ok) console.log("✔ Every stored provider key has its encryption key");
  else console.error(result.message);
  process.exit(result.ok ? 0 : 1);
}
