import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";

// "Open threads that mention me" over CommentMention (prisma/schema.prisma), as
// plain SQL because one row per thread needs a correlated condition the query
// builder cannot say: a mention is the thread's entry when no newer mention of
// the same member is in the thread. The walk is the (workspaceId, userId,
// createdAt) index newest first, each row checked against its thread's root
// (open?) and probed on (threadId, userId, createdAt) — so a page costs about
// its own rows, however many comments the workspace has. The SQL is the same on
// SQLite and PostgreSQL: quoted identifiers, Date parameters compared with the
// column Prisma wrote. Keep it in step with prisma/schema.prisma.

/** Where a page starts: after this mention, in (createdAt, commentId) descending order. */
export type MentionKey = { createdAt: Date; commentId: string };
export type MentionRow = MentionKey & { threadId: string };

/** Up to `take` open threads mentioning `userId`, one row each (its newest mention of them), newest first, after `after`. */
export async function openThreadMentions(workspaceId: string, userId: string, take: number, after?: MentionKey): Promise<MentionRow[]> {
  const afterKey = after
    // The redundant <= lets both databases read the index from the cursor on (as lib/db/keyset's afterKey).
    ? Prisma.sql`AND m."createdAt" <= ${after.createdAt} AND (m."createdAt" < ${after.createdAt} OR (m."createdAt" = ${after.createdAt} AND m."commentId" < ${after.commentId}))`
    : Prisma.empty;
  const rows = await db.$queryRaw<MentionRow[]>`
    SELECT m."threadId", m."commentId", m."createdAt"
    FROM "CommentMention" m
    JOIN "Comment" t ON t."id" = m."threadId"
    WHERE m."workspaceId" = ${workspaceId} AND m."userId" = ${userId} AND t."resolvedAt" IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM "CommentMention" n
        WHERE n."threadId" = m."threadId" AND n."userId" = m."userId"
          AND (n."createdAt" > m."createdAt" OR (n."createdAt" = m."createdAt" AND n."commentId" > m."commentId")))
      ${afterKey}
    ORDER BY m."createdAt" DESC, m."commentId" DESC
    LIMIT ${take}`;
  // A Date whatever the driver hands back (a Date, or text a Date parses).
  return rows.map((r) => ({ threadId: r.threadId, commentId: r.commentId, createdAt: new Date(r.createdAt) }));
}

/**
 * How many open threads mention `userId` in the workspace. The thread's state is a
 * scalar subquery, not a join: with a join PostgreSQL hashes the whole Comment
 * table once a member has a few thousand mentions (seen at 100,000 comments); a
 * subquery in WHERE is a primary-key probe per mention of mine, on both databases.
 */
export async function countOpenThreadMentions(workspaceId: string, userId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ n: bigint | number }[]>`
    SELECT COUNT(DISTINCT m."threadId") AS n
    FROM "CommentMention" m
    WHERE m."workspaceId" = ${workspaceId} AND m."userId" = ${userId}
      AND (SELECT t."resolvedAt" FROM "Comment" t WHERE t."id" = m."threadId") IS NULL`;
  return Number(row?.n ?? 0);
}
