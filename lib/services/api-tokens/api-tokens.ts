import "server-only";
import type { z } from "zod";
import type { ApiToken as Row } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import type { ApiToken, ApiTokenRole, CreatedApiToken, createApiTokenBody } from "@/lib/schemas/api-token";
import { newApiToken } from "@/lib/services/api-tokens/token-secret";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// Creating, listing and revoking a workspace's API tokens (owners, signed in).
// The token is returned once, at creation; afterwards only its prefix is shown.
// A token is bound to the membership it was made under (not just the account),
// so removing a member kills their tokens for good, even if they are added again.

const DAY_MS = 24 * 3600_000;

export function tokenState(r: Pick<Row, "revokedAt" | "expiresAt">, now = new Date()): ApiToken["state"] {
  if (r.revokedAt) return "revoked";
  if (r.expiresAt && r.expiresAt <= now) return "expired";
  return "active";
}

function toToken(r: Row): ApiToken {
  return {
    id: r.id, name: r.name, role: r.role as ApiTokenRole, prefix: r.prefix, createdBy: r.createdByName,
    createdAt: r.createdAt.toISOString(), lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    expiresAt: r.expiresAt?.toISOString() ?? null, revokedAt: r.revokedAt?.toISOString() ?? null, state: tokenState(r),
  };
}

export async function createApiToken(ctx: WorkspaceContext, input: z.output<typeof createApiTokenBody>): Promise<CreatedApiToken> {
  const membership = await db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: ctx.workspaceId, userId: ctx.userId } },
    select: { id: true },
  });
  if (!membership) throw notFound("Workspace");
  const { token, hash, prefix } = newApiToken();
  const row = await db.apiToken.create({
    data: {
      workspaceId: ctx.workspaceId, userId: ctx.userId, membershipId: membership.id, createdByName: ctx.userName, name: input.name, role: input.role,
      prefix, tokenHash: hash, expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * DAY_MS) : null,
    },
  });
  return { ...toToken(row), token };
}

export async function listApiTokens(ctx: WorkspaceContext): Promise<ApiToken[]> {
  const rows = await db.apiToken.findMany({ where: { workspaceId: ctx.workspaceId }, orderBy: { createdAt: "desc" } });
  return rows.map(toToken);
}

/** Revoking twice is harmless: the second call returns the token as it is. */
export async function revokeApiToken(ctx: WorkspaceContext, tokenId: string): Promise<ApiToken> {
  const found = await db.apiToken.findFirst({ where: { id: tokenId, workspaceId: ctx.workspaceId } });
  if (!found) throw notFound("API token");
  if (found.revokedAt) return toToken(found);
  return toToken(await db.apiToken.update({ where: { id: found.id }, data: { revokedAt: new Date() } }));
}
