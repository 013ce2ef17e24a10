import { makeSignature } from "better-auth/crypto";
import { describe, expect, it } from "vitest";
import { cookieSignature, verifiedToken } from "@/lib/auth/signed-cookie";

// The API's session fast path (lib/auth/session-reader) verifies better-auth's
// session cookie itself: its signature must be exactly better-auth's.
describe("signed session cookies", () => {
  const secret = "a-secret-of-some-length-0123456789";

  it("signs exactly as better-auth does", async () => {
    for (const token of ["abc", "Zx9_-token.with.dots", "ü-ß-unicode", "x".repeat(200)]) {
      expect(cookieSignature(token, secret)).toBe(await makeSignature(token, secret));
    }
  });

  it("accepts a well-signed value and returns its token (the token may contain dots)", () => {
    const token = "tok.en";
    expect(verifiedToken(`${token}.${cookieSignature(token, secret)}`, secret)).toBe(token);
  });

  it("refuses a value signed with another secret, a tampered token, a truncated or missing signature", () => {
    const good = cookieSignature("abc", secret);
    expect(verifiedToken(`abc.${cookieSignature("abc", "other-secret")}`, secret)).toBeNull();
    expect(verifiedToken(`abd.${good}`, secret)).toBeNull();
    expect(verifiedToken(`abc.${good.slice(0, -2)}=`, secret)).toBeNull();
    expect(verifiedToken("abc", secret)).toBeNull();
    expect(verifiedToken(`.${good}`, secret)).toBeNull();
    expect(verifiedToken(`abc.${"A".repeat(43)}=`, secret)).toBeNull();
  });
});
