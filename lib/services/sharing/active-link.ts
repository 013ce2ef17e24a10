import "server-only";
import type { ShareLink } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { hashShareToken, tokenMatches } from "@/lib/services/sharing/tokens";

// The one lookup every share page starts with (a persona's link or a panel's):
// malformed, unknown, revoked and expired are the same 404.

export const GONE = "This link does not exist, has expired or was revoked";
const ACCESS_WRITE_MS = 60_000;

export async function findActiveLink(token: string): Promise<ShareLink> {
  const hash = hashShareToken(token);
  const row = await db.shareLink.findUnique({ where: { tokenHash: hash } });
  if (!tokenMatches(hash, row?.tokenHash ?? null) || !row) throw notFound(GONE);
  if (row.revokedAt || (row.expiresAt && row.expiresAt <= new Date())) throw notFound(GONE);
  return row;
}

/** Counts a visit; last access is for the link list, not an audit log: one write a minute is enough. */
export async function countVisit(link: ShareLink): Promise<void> {
  const now = new Date();
  if (!link.lastAccessedAt || now.getTime() - link.lastAccessedAt.getTime() > ACCESS_WRITE_MS) {
    await db.shareLink.update({ where: { id: link.id }, data: { lastAccessedAt: now, accessCount: { increment: 1 } } });
  } else {
    await db.shareLink.update({ where: { id: link.id }, data: { accessCount: { increment: 1 } } });
  }
}
