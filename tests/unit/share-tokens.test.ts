import { describe, expect, it } from "vitest";
import { SHARE_TOKEN_PATTERN } from "@/lib/schemas/share";
import { hashShareToken, newShareToken, tokenMatches } from "@/lib/services/sharing/tokens";

// Share tokens: 256 random bits, stored only as SHA-256, compared in constant time.

describe("share tokens", () => {
  it("are 43 base64url characters (256 bits) and never repeat", () => {
    const tokens = Array.from({ length: 500 }, newShareToken);
    for (const t of tokens) expect(t).toMatch(SHARE_TOKEN_PATTERN);
    expect(new Set(tokens).size).toBe(500);
    expect(Buffer.from(tokens[0], "base64url")).toHaveLength(32);
  });

  it("are stored as a SHA-256 hex digest that does not contain the token", () => {
    const t = newShareToken();
    const h = hashShareToken(t);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(h).not.toContain(t);
    expect(hashShareToken(t)).toBe(h);
  });

  it("match only the exact token, and never when nothing was found", () => {
    const t = newShareToken();
    const stored = hashShareToken(t);
    expect(tokenMatches(hashShareToken(t), stored)).toBe(true);
    expect(tokenMatches(hashShareToken(t.slice(0, 42)), stored)).toBe(false);
    expect(tokenMatches(hashShareToken(`${t}A`), stored)).toBe(false);
    expect(tokenMatches(hashShareToken(t), null)).toBe(false);
    // Even the dummy's own preimage does not open anything.
    expect(tokenMatches(hashShareToken("no-such-token"), null)).toBe(false);
  });
});
