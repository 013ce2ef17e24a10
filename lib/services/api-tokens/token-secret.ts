import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { API_TOKEN_PREFIX_LENGTH } from "@/lib/schemas/api-token";

// API tokens are made and checked like share tokens (lib/services/sharing/tokens.ts):
// 32 random bytes, only the SHA-256 stored, looked up by hash and compared in
// constant time (tokenMatches). The "ps_" prefix makes a leaked token easy to
// recognise in logs and by secret scanners.

export function newApiToken(): { token: string; hash: string; prefix: string } {
  const token = `ps_${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashApiToken(token), prefix: token.slice(0, API_TOKEN_PREFIX_LENGTH) };
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export { tokenMatches } from "@/lib/services/sharing/tokens";
