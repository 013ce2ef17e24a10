// npm run secrets:reseal — seal every stored provider key again with the current
// encryption key (PERSONA_STUDIO_SECRET, else the generated key file), so the
// secrets in PERSONA_STUDIO_PREVIOUS_SECRETS can be dropped afterwards.
// npm run secrets:forget-unreadable — last resort when an encryption key is lost
// for good: removes the stored keys no available secret opens (owners re-enter them).
// Safe while the studio runs: each row is only rewritten if it still holds what was read.
// Either database: SQLite (DATABASE_URL=file:…) or PostgreSQL (postgresql://…).
import path from "node:path";
import { availableSecrets, keysFor } from "../lib/crypto/key-ring.mjs";
import { redactUrl, withDatabase } from "../lib/crypto/operator-db.mjs";
import { SecretUnreadableError, deriveKey, open, seal } from "../lib/crypto/sealed-box.mjs";

/**
 * @param {{ databaseUrl?: string, dataDir?: string, environment?: Record<string, string | undefined>, forgetUnreadable?: boolean }} [options]
 */
export async function resealAll({
  databaseUrl = process.env.DATABASE_URL ?? "file:./prisma/dev.db",
  dataDir = path.resolve(process.env.PERSONA_STUDIO_DATA_DIR ?? ".data"),
  environment = process.env,
  forgetUnreadable = false,
} = {}) {
  const secrets = availableSecrets(environment, dataDir);
  const keys = keysFor(secrets.all);
  const current = secrets.current ? deriveKey(secrets.current) : null;
  if (!current && !forgetUnreadable) {
    throw new Error("No current encryption key: set PERSONA_STUDIO_SECRET (or restore the encryption-key file) before re-sealing");
  }
  const result = { currentKeyId: current?.kid ?? null, resealed: 0, upToDate: 0, unreadable: [], forgotten: 0 };
  const found = await withDatabase(databaseUrl, async (db) => {
    const rows = await db.all(
      'SELECT p."id", p."name", p."apiKeyEnc", w."name" AS "workspace" FROM "ModelProvider" p JOIN "Workspace" w ON w."id" = p."workspaceId" WHERE p."apiKeyEnc" IS NOT NULL',
    );
    const replace = 'UPDATE "ModelProvider" SET "apiKeyEnc" = ? WHERE "id" = ? AND "apiKeyEnc" = ?';
    const forget = 'UPDATE "ModelProvider" SET "apiKeyEnc" = NULL, "apiKeyMask" = NULL WHERE "id" = ? AND "apiKeyEnc" = ?';
    for (const row of rows) {
      let opened;
      try {
        opened = open(row.apiKeyEnc, keys); // keys[0] is the current key: `stale` is relative to it
      } catch (e) {
        if (!(e instanceof SecretUnreadableError)) throw e;
        result.unreadable.push({ id: row.id, name: row.name, workspace: row.workspace, reason: e.reason });
        if (forgetUnreadable) result.forgotten += await db.run(forget, [row.id, row.apiKeyEnc]);
        continue;
      }
      if (!opened.stale || forgetUnreadable) {
        result.upToDate++;
        continue;
      }
      result.resealed += await db.run(replace, [seal(opened.plain, current), row.id, row.apiKeyEnc]);
    }
    return true;
  });
  if (!found) throw new Error(`No database at ${redactUrl(databaseUrl)}`);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const forgetUnreadable = process.argv.includes("--forget-unreadable");
  try {
    const r = await resealAll({ forgetUnreadable });
    const list = r.unreadable.map((u) => `    • ${u.workspace} / ${u.name}`).join("\n");
    if (forgetUnreadable) {
      console.log(r.forgotten
        ? `✔ Removed ${r.forgotten} provider key(s) that no available secret opens; their owners must re-enter them:\n${list}`
        : "✔ Every stored provider key opens; nothing removed");
      process.exit(0);
    }
    console.log(`✔ Re-sealed ${r.resealed} provider key(s) with the current encryption key (id ${r.currentKeyId}); ${r.upToDate} already were`);
    if (r.unreadable.length) {
      console.error(`✖ ${r.unreadable.length} key(s) could not be opened with any available secret:\n${list}`);
      console.error("  Add the secret they were sealed with to PERSONA_STUDIO_PREVIOUS_SECRETS and run this again,");
      console.error("  or remove them with `npm run secrets:forget-unreadable` (owners re-enter them).");
      process.exit(1);
    }
    console.log("  Every key now opens with the current secret alone: PERSONA_STUDIO_PREVIOUS_SECRETS can be removed.");
  } catch (e) {
    console.error(`✖ ${e.message}`);
    process.exit(1);
  }
}
