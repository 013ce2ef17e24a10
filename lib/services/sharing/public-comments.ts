import type { Comment, CommentThread } from "@/lib/schemas/review";
import type { SharedComment, SharedCommentThread } from "@/lib/schemas/share";

// Comments as a share page shows them (a persona's or a panel's): people by
// display name only, no user ids.

export function publicComment(c: Comment): SharedComment {
  return {
    id: c.id, parentId: c.parentId, anchor: c.anchor, body: c.body, createdAt: c.createdAt, editedAt: c.editedAt,
    resolvedAt: c.resolvedAt, resolvedBy: c.resolvedBy,
    author: { name: c.author.name }, mentions: c.mentions.map((m) => ({ name: m.name })),
  };
}

export const publicThread = (t: CommentThread): SharedCommentThread => ({ ...publicComment(t), replies: t.replies.map(publicComment) });
