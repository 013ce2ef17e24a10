import "server-only";
import { env, persistentSecret } from "@/lib/config/env";
import { KEY_FILE, availableSecrets, keysFor, readSealedRows, rowsWithoutKey } from "@/lib/crypto/key-ring.mjs";
import { SecretUnreadableError, deriveKey, open, seal, type SealKey } from "@/lib/crypto/sealed-box.mjs";

// Provider keys at rest: AES-256-GCM with a server secret that lives in the
// environment or in the data directory — never in the database, so a leaked
// database alone reveals no key. Each sealed value names its key (sealed-box.mjs),
// so the secret can be rotated: the new one in PERSONA_STUDIO_SECRET, the old
// one in PERSONA_STUDIO_PREVIOUS_SECRETS until `npm run secrets:reseal` ran.

export { SecretUnreadableError };

/** No encryption key, and generating one would orphan the keys already sealed. */
export class EncryptionKeyMissingError extends SecretUnreadableError {
  constructor(readonly sealedCount: number) {
    super("no_key", null);
    this.name = "EncryptionKeyMissingError";
    this.message =
      `The encryption key (${KEY_FILE} in ${env.dataDir}, or PERSONA_STUDIO_SECRET) is missing while ${sealedCount} stored provider ` +
      "key(s) need it. Restore the file from a backup or set PERSONA_STUDIO_SECRET; as a last resort run `npm run secrets:forget-unreadable`.";
  }
}

/**
 * A new key is generated only when that orphans nothing: on a fresh install, or
 * when every sealed value opens with a previous secret. Otherwise the key file
 * was lost, and replacing it silently would make every stored key unreadable.
 */
function refuseIfSealedValuesNeedTheKey(): void {
  const orphaned = rowsWithoutKey(readSealedRows(env.databaseUrl), keysFor(availableSecrets(process.env, env.dataDir).all)).length;
  if (orphaned > 0) throw new EncryptionKeyMissingError(orphaned);
}

function currentKey(): SealKey {
  return deriveKey(persistentSecret("PERSONA_STUDIO_SECRET", KEY_FILE, { beforeGenerate: refuseIfSealedValuesNeedTheKey }));
}

/** The current key first, then every previous one this installation still knows. */
function allKeys(): SealKey[] {
  let current: SealKey[] = [];
  try {
    current = [currentKey()];
  } catch (e) {
    // Without a current key, values sealed with a previous one still open.
    if (!(e instanceof EncryptionKeyMissingError)) throw e;
  }
  const keys = [...current, ...keysFor(availableSecrets(process.env, env.dataDir).all)];
  return keys.filter((k, i) => keys.findIndex((o) => o.kid === k.kid) === i);
}

export function encryptSecret(plain: string): string {
  return seal(plain, currentKey());
}

/**
 * Opens a sealed value; `stale` means it was sealed with a previous key (or the
 * old format) and should be sealed again with the current one.
 * @throws SecretUnreadableError when no available key opens it.
 */
export function openSecret(sealed: string): { plain: string; stale: boolean } {
  const { plain, stale } = open(sealed, allKeys());
  return { plain, stale };
}

/** @throws SecretUnreadableError when no available key opens it. */
export function decryptSecret(sealed: string): string {
  return openSecret(sealed).plain;
}

/** "ok" when a stored key opens, "unreadable" when it does not, "none" when there is no key. Never the key. */
export function sealedKeyState(sealed: string | null): "ok" | "unreadable" | "none" {
  if (sealed === null) return "none";
  try {
    open(sealed, allKeys());
    return "ok";
  } catch (e) {
    if (e instanceof SecretUnreadableError) return "unreadable";
    throw e;
  }
}

/** "sk-…f3a9": enough to recognise a key, useless to use it. */
export function maskSecret(plain: string): string {
  if (plain.length <= 8) return "•".repeat(plain.length);
  return `${plain.slice(0, 3)}…${plain.slice(-4)}`;
}
