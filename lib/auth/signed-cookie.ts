import { createHmac, timingSafeEqual } from "node:crypto";

// better-call's signed cookies (the session cookie of better-auth): the value is
// `token.signature`, the signature base64 HMAC-SHA-256 of the token with the auth
// secret, 44 characters ending in "=". tests/unit/auth/signed-cookie.test.ts keeps
// this equal to better-auth's own makeSignature.

export function cookieSignature(value: string, secret: string): string {
  return createHmac("sha256", secret).update(value).digest("base64");
}

/** The token of a well-signed cookie value, else null (compared in constant time). */
export function verifiedToken(cookieValue: string, secret: string): string | null {
  const dot = cookieValue.lastIndexOf(".");
  if (dot < 1) return null;
  const token = cookieValue.slice(0, dot);
  const signature = cookieValue.slice(dot + 1);
  if (signature.length !== 44 || !signature.endsWith("=")) return null;
  const expected = Buffer.from(cookieSignature(token, secret));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}
