import { createCipheriv, createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { SecretUnreadableError, deriveKey, open, parseSealed, seal } from "@/lib/crypto/sealed-box.mjs";

// Sealed provider keys: the format names its key, a value opens only with the
// key it names (or, for the old format, any available key), rotation keeps old
// values readable, and any alteration is detected.

const OLD = "old-secret-0123456789abcdefghijklmnopqrstuvwxyz";
const NEW = "new-secret-9876543210zyxwvutsrqponmlkjihgfedcba";
const OTHER = "unrelated-secret-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

/** A value in the first format (v1:iv:tag:data, key = sha256(secret)), as the landed code wrote it. */
function sealV1(plain: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", createHash("sha256").update(secret).digest(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(":");
}

/** Flips one bit of the base64url field at `index` (the value stays well-formed). */
function flip(sealed: string, index: number): string {
  const parts = sealed.split(":");
  const bytes = Buffer.from(parts[index], "base64url");
  bytes[0] ^= 1;
  parts[index] = bytes.toString("base64url");
  return parts.join(":");
}

function unreadable(fn: () => unknown): SecretUnreadableError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SecretUnreadableError);
    return e as SecretUnreadableError;
  }
  throw new Error("expected SecretUnreadableError");
}

describe("the sealed format", () => {
  it("is v2:<kid>:iv:tag:data with the key id of the key that sealed it", () => {
    const key = deriveKey(NEW);
    const sealed = seal("sk-live-abc", key);
    const [version, kid, iv, tag, data] = sealed.split(":");
    expect(version).toBe("v2");
    expect(kid).toBe(key.kid);
    expect(Buffer.from(iv, "base64url")).toHaveLength(12);
    expect(Buffer.from(tag, "base64url")).toHaveLength(16);
    expect(data.length).toBeGreaterThan(0);
    expect(sealed).not.toContain("sk-live-abc");
    expect(parseSealed(sealed)).toMatchObject({ version: "v2", kid: key.kid });
  });

  it("gives a short key id that is stable per secret, differs between secrets and reveals neither secret nor key", () => {
    const a = deriveKey(NEW);
    expect(deriveKey(NEW).kid).toBe(a.kid);
    expect(deriveKey(OLD).kid).not.toBe(a.kid);
    expect(a.kid).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect(a.key.toString("base64url")).not.toContain(a.kid);
    expect(a.key.toString("hex")).not.toContain(Buffer.from(a.kid, "base64url").toString("hex"));
  });

  it("seals the same key differently every time (random IV)", () => {
    const key = deriveKey(NEW);
    expect(seal("same", key)).not.toBe(seal("same", key));
  });
});

describe("opening", () => {
  const current = deriveKey(NEW);
  const previous = deriveKey(OLD);

  it("picks the key named by the kid among the current and previous keys", () => {
    expect(open(seal("sk-a", current), [current, previous])).toMatchObject({ plain: "sk-a", kid: current.kid, stale: false });
    expect(open(seal("sk-b", previous), [current, previous])).toMatchObject({ plain: "sk-b", kid: previous.kid, stale: true });
  });

  it("refuses a value whose key is not available, naming the missing key id", () => {
    const other = deriveKey(OTHER);
    const e = unreadable(() => open(seal("sk-c", other), [current, previous]));
    expect(e.reason).toBe("no_key");
    expect(e.kid).toBe(other.kid);
    expect(e.message).toContain(other.kid);
    expect(e.message).not.toContain("sk-c");
  });

  it("tries every available key on a v1 value and marks it stale (to be sealed again as v2)", () => {
    expect(open(sealV1("sk-legacy", OLD), [current, previous])).toMatchObject({ plain: "sk-legacy", kid: previous.kid, stale: true });
    expect(open(sealV1("sk-legacy", NEW), [current, previous])).toMatchObject({ plain: "sk-legacy", kid: current.kid, stale: true });
    expect(unreadable(() => open(sealV1("sk-legacy", OTHER), [current, previous])).reason).toBe("auth_failed");
  });
});

describe("tamper detection", () => {
  const key = deriveKey(NEW);
  const second = deriveKey(OLD);
  const sealed = seal("sk-tamper-me", key);

  it("detects a changed ciphertext, tag or IV", () => {
    for (const index of [2, 3, 4]) expect(unreadable(() => open(flip(sealed, index), [key])).reason).toBe("auth_failed");
  });

  it("authenticates the key id: relabelling a value with another available key's id fails", () => {
    const relabelled = sealed.replace(`v2:${key.kid}:`, `v2:${second.kid}:`);
    expect(unreadable(() => open(relabelled, [key, second])).reason).toBe("auth_failed");
  });

  it("refuses text that is not a sealed value", () => {
    for (const text of ["", "sk-plain-key", "v2:abc:def", "v3:a:b:c:d", sealed.split(":").slice(0, 4).join(":")]) {
      expect(unreadable(() => open(text, [key])).reason).toBe("format");
    }
  });
});

describe("rotation through the settings (lib/crypto/secrets.ts)", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "secrets-unit-"));
  const saved = { ...process.env };
  process.env.PERSONA_STUDIO_DATA_DIR = dataDir;
  process.env.DATABASE_URL = `file:${path.join(dataDir, "absent.db")}`;
  const load = () => import("@/lib/crypto/secrets");

  afterEach(() => {
    for (const name of ["PERSONA_STUDIO_SECRET", "PERSONA_STUDIO_PREVIOUS_SECRETS"]) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    rmSync(path.join(dataDir, "encryption-key"), { force: true });
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    process.env.PERSONA_STUDIO_DATA_DIR = saved.PERSONA_STUDIO_DATA_DIR;
    process.env.DATABASE_URL = saved.DATABASE_URL;
  });

  it("keeps old values readable with the old secret in PERSONA_STUDIO_PREVIOUS_SECRETS, and says they are stale", async () => {
    const { encryptSecret, openSecret, decryptSecret, sealedKeyState } = await load();
    process.env.PERSONA_STUDIO_SECRET = OLD;
    const before = encryptSecret("sk-rotate-me");
    expect(parseSealed(before)?.kid).toBe(deriveKey(OLD).kid);

    process.env.PERSONA_STUDIO_SECRET = NEW;
    expect(sealedKeyState(before)).toBe("unreadable");
    expect(() => decryptSecret(before)).toThrow(SecretUnreadableError);

    process.env.PERSONA_STUDIO_PREVIOUS_SECRETS = ` ${OTHER} , ${OLD} `;
    expect(openSecret(before)).toEqual({ plain: "sk-rotate-me", stale: true });
    expect(sealedKeyState(before)).toBe("ok");
    const after = encryptSecret("sk-rotate-me");
    expect(parseSealed(after)?.kid).toBe(deriveKey(NEW).kid);
    expect(openSecret(after)).toEqual({ plain: "sk-rotate-me", stale: false });

    delete process.env.PERSONA_STUDIO_PREVIOUS_SECRETS;
    expect(decryptSecret(after)).toBe("sk-rotate-me");
    expect(sealedKeyState(null)).toBe("none");
  });

  it("keeps values sealed with the generated key file readable after moving to PERSONA_STUDIO_SECRET", async () => {
    const { encryptSecret, openSecret } = await load();
    writeFileSync(path.join(dataDir, "encryption-key"), "generated-file-secret-0123456789abcdefghijkl\n");
    const fromFile = encryptSecret("sk-file");
    process.env.PERSONA_STUDIO_SECRET = NEW;
    expect(openSecret(fromFile)).toEqual({ plain: "sk-file", stale: true });
  });

  it("reads the values the landed code wrote (v1)", async () => {
    const { openSecret } = await load();
    process.env.PERSONA_STUDIO_SECRET = NEW;
    expect(openSecret(sealV1("sk-v1", NEW))).toEqual({ plain: "sk-v1", stale: true });
  });
});
