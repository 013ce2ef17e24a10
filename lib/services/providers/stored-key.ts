import "server-only";
import { SecretUnreadableError, encryptSecret, openSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

// A stored provider key, opened for one use. A key the studio can no longer open
// (its encryption key was lost or changed) is the owner's to re-enter: a 409 that
// says so, never a 500. A key opened with a previous encryption key is sealed
// again with the current one, so the previous key can eventually be dropped.

export const keyUnreadableMessage = (providerName: string) =>
  `The API key stored for "${providerName}" can no longer be read (the studio's encryption key changed). ` +
  "Re-enter this key in Settings → Model providers.";

export function keyUnreadable(providerName: string): AppError {
  return new AppError("key_unreadable", keyUnreadableMessage(providerName), { field: "apiKey" });
}

type Row = { id: string; name: string; apiKeyEnc: string | null };

export async function openStoredKey(row: Row): Promise<string | null> {
  if (!row.apiKeyEnc) return null;
  let opened: { plain: string; stale: boolean };
  try {
    opened = openSecret(row.apiKeyEnc);
  } catch (e) {
    if (e instanceof SecretUnreadableError) throw keyUnreadable(row.name);
    throw e;
  }
  if (opened.stale) await reseal(row.id, row.apiKeyEnc, opened.plain);
  return opened.plain;
}

/** Only if the column still holds what was read: a key re-entered meanwhile wins. Best effort: the key was opened either way. */
async function reseal(id: string, sealed: string, plain: string): Promise<void> {
  try {
    await db.modelProvider.updateMany({ where: { id, apiKeyEnc: sealed }, data: { apiKeyEnc: encryptSecret(plain) } });
  } catch (e) {
    console.warn(`[secrets] could not re-seal the key of provider ${id}:`, (e as Error).message);
  }
}
