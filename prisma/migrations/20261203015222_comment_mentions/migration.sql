-- Who each comment mentions, as rows the review queue reads through an index on
-- (workspaceId, userId, createdAt), instead of a LIKE over every comment's JSON
-- (capped at the newest 200, so older mentions were silently lost).
-- CreateTable
CREATE TABLE "CommentMention" (
    "commentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "threadId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,

    PRIMARY KEY ("commentId", "userId"),
    CONSTRAINT "CommentMention_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CommentMention_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CommentMention_workspaceId_userId_createdAt_idx" ON "CommentMention"("workspaceId", "userId", "createdAt");

-- CreateIndex
CREATE INDEX "CommentMention_threadId_idx" ON "CommentMention"("threadId");

-- Backfill from the JSON the comments already carry. A reply whose thread root is
-- gone (Comment.parentId has no foreign key) has no open thread to list: skipped.
INSERT INTO "CommentMention" ("commentId", "userId", "workspaceId", "threadId", "createdAt")
SELECT DISTINCT c."id", m."value", c."workspaceId", COALESCE(c."parentId", c."id"), c."createdAt"
FROM "Comment" c, json_each(CASE WHEN json_valid(c."mentions") AND json_type(c."mentions") = 'array' THEN c."mentions" ELSE '[]' END) m
WHERE m."type" = 'text'
  AND (c."parentId" IS NULL OR EXISTS (SELECT 1 FROM "Comment" t WHERE t."id" = c."parentId"));
