// PATCH  /api/workspaces/[workspaceId]/comments/[commentId] – edit your own comment
// DELETE /api/workspaces/[workspaceId]/comments/[commentId] – delete your own reply or unanswered thread
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { deleteComment, editComment } from "@/lib/services/review/comments";

export const PATCH = handle(ops.editComment, ({ ctx, params, body }) => editComment(ctx, params.commentId, body));
export const DELETE = handle(ops.deleteComment, ({ ctx, params }) => deleteComment(ctx, params.commentId));

export * from "@/lib/http/method-not-allowed";
