import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { UserContext } from "@/lib/services/workspaces/access";
import { API_TOKEN_PATTERN } from "@/lib/schemas/api-token";
import { roleAtLeast, type Role } from "@/lib/schemas/workspace";
import { hashApiToken, tokenMatches } from "@/lib/services/api-tokens/token-secret";
import { tokenState } from "@/lib/services/api-tokens/api-tokens";

// `Authorization: Bearer ps_…`: the token acts as the member who made it, in its
// own workspace only, with the lower of the token's role and that member's
// role today — so demoting or removing the member reins in their tokens at once.
// The token names the membership it was made under: a member removed and added
// again has a new membership, and their old tokens stay dead.

const LAST_USED_WRITE_MS = 60_000;

const invalid = (message = "Invalid API token") => new AppError("unauthorized", message);

export async function authenticateApiToken(presented: string, now = new Date()): Promise<UserContext> {
  // The format is public; a malformed token needs no database lookup.
  if (!API_TOKEN_PATTERN.test(presented)) throw invalid();
  const hash = hashApiToken(presented);
  const row = await db.apiToken.findUnique({ where: { tokenHash: hash } });
  if (!tokenMatches(hash, row?.tokenHash ?? null) || !row) throw invalid();
  const state = tokenState(row, now);
  if (state === "revoked") throw invalid("This API token is revoked");
  if (state === "expired") throw invalid("This API token has expired");

  const membership = await db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: row.workspaceId, userId: row.userId } },
    select: { id: true, role: true, user: { select: { id: true, name: true, email: true } } },
  });
  if (!membership || membership.id !== row.membershipId) throw invalid("The member who created this API token has left the workspace; ask an owner for a new token");

  // Last use is for the token list, not an audit log: one write a minute is enough.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_WRITE_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  const memberRole = membership.role as Role;
  const tokenRole = row.role as Role;
  return {
    userId: membership.user.id, userName: membership.user.name, email: membership.user.email,
    apiToken: { id: row.id, workspaceId: row.workspaceId, role: roleAtLeast(memberRole, tokenRole) ? tokenRole : memberRole },
  };
}
