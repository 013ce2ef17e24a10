import "server-only";
import type { Tx } from "@/lib/db/client";

// CommentMention rows are the index the review queue reads "threads that mention
// me" through; Comment.mentions keeps the JSON the API returns. Both are written
// in the same transaction, so the queue never disagrees with the comment.

type MentioningComment = { id: string; workspaceId: string; parentId: string | null; createdAt: Date };

/** Makes the comment's mention rows exactly `userIds`: on create, and on edit (a removed mention leaves the queue, an added one enters it). */
export async function setCommentMentions(tx: Tx, comment: MentioningComment, userIds: readonly string[]): Promise<void> {
  await tx.commentMention.deleteMany({ where: { commentId: comment.id } });
  const ids = [...new Set(userIds)];
  if (!ids.length) return;
  await tx.commentMention.createMany({
    data: ids.map((userId) => ({
      commentId: comment.id, userId, workspaceId: comment.workspaceId, threadId: comment.parentId ?? comment.id, createdAt: comment.createdAt,
    })),
  });
}
