import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// Share tokens: 32 random bytes (256 bits) as base64url. Only the SHA-256 is
// stored, so a database leak reveals no working link. The lookup is by hash;
// the final comparison is constant-time, and an unknown token is compared
// against a dummy so both paths do the same work.

export function newShareToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashShareToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

const DUMMY = hashShareToken("no-such-token");

/** Constant-time equality of a presented token's hash and a stored hash (or the dummy when none was found). */
export function tokenMatches(presentedHash: string, storedHash: string | null): boolean {
  const a = Buffer.from(presentedHash, "hex");
  const b = Buffer.from(storedHash ?? DUMMY, "hex");
  return a.length === b.length && timingSafeEqual(a, b) && storedHash !== null;
}
