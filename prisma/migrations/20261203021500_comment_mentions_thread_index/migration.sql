-- The review queue pages mentioned threads by cursor, one row per thread: a mention
-- is listed only when no newer mention of the same member is in its thread. That
-- check probes this index (it also serves the cascade from a deleted thread).
-- DropIndex
DROP INDEX "CommentMention_threadId_idx";

-- CreateIndex
CREATE INDEX "CommentMention_threadId_userId_createdAt_idx" ON "CommentMention"("threadId", "userId", "createdAt");

