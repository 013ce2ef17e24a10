// The sealed format of provider keys, shared by the server (lib/crypto/secrets.ts)
// and the operator scripts (start-up check, reseal, backup), which run under plain
// Node — hence JavaScript, typed by sealed-box.d.mts. Pure: keys are passed in.
//
//   v2:<kid>:<iv>:<tag>:<data>   AES-256-GCM; kid names the key, "v2:<kid>" is authenticated too
//   v1:<iv>:<tag>:<data>         the first format: no key id, so every known key is tried
//
// A key is sha256(secret). Its id is a short hash of the key (not reversible to it),
// so an operator can tell which secret a value needs without the value revealing it.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/** A sealed value that no available key opens (wrong or missing key, tampered, or not a sealed value). */
export class SecretUnreadableError extends Error {
  /** @param {"no_key" | "auth_failed" | "format"} reason @param {string | null} kid */
  constructor(reason, kid) {
    super(
      reason === "no_key" ? `Sealed with encryption key ${kid}, which this studio does not have`
        : reason === "auth_failed" ? "The sealed value does not open with the studio's encryption keys (wrong key or altered value)"
        : "Not a sealed value",
    );
    this.name = "SecretUnreadableError";
    this.reason = reason;
    this.kid = kid;
  }
}

/** @param {string} secret */
export function deriveKey(secret) {
  const key = createHash("sha256").update(secret).digest();
  return { key, kid: createHash("sha256").update("persona-studio key id\0").update(key).digest().subarray(0, 6).toString("base64url") };
}

const b64 = (s) => Buffer.from(s, "base64url");

/** @param {string} plain @param {{ key: Buffer, kid: string }} k */
export function seal(plain, k) {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", k.key, iv);
  cipher.setAAD(Buffer.from(`v2:${k.kid}`));
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v2", k.kid, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(":");
}

/** "v2" with its kid, "v1" (no kid), or null when the text is not a sealed value. */
export function parseSealed(sealed) {
  const parts = String(sealed).split(":");
  if (parts[0] === "v2" && parts.length === 5 && parts[1]) return { version: "v2", kid: parts[1], iv: parts[2], tag: parts[3], data: parts[4] };
  if (parts[0] === "v1" && parts.length === 4) return { version: "v1", kid: null, iv: parts[1], tag: parts[2], data: parts[3] };
  return null;
}

function tryOpen(p, k) {
  try {
    const iv = b64(p.iv);
    const tag = b64(p.tag);
    if (iv.length !== 12 || tag.length !== 16) return null;
    const decipher = createDecipheriv("aes-256-gcm", k.key, iv);
    if (p.version === "v2") decipher.setAAD(Buffer.from(`v2:${p.kid}`));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(b64(p.data)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/**
 * Opens a sealed value with the first of `keys` that fits (keys[0] is the current
 * one). `stale` says it should be sealed again with the current key: it was opened
 * with a previous key, or is in the old format.
 * @param {string} sealed @param {{ key: Buffer, kid: string }[]} keys
 */
export function open(sealed, keys) {
  const p = parseSealed(sealed);
  if (!p) throw new SecretUnreadableError("format", null);
  const candidates = p.version === "v2" ? keys.filter((k) => k.kid === p.kid) : keys;
  if (p.version === "v2" && candidates.length === 0) throw new SecretUnreadableError("no_key", p.kid);
  for (const k of candidates) {
    const plain = tryOpen(p, k);
    if (plain !== null) return { plain, kid: k.kid, stale: p.version !== "v2" || k.kid !== keys[0]?.kid };
  }
  throw new SecretUnreadableError("auth_failed", p.kid);
}
