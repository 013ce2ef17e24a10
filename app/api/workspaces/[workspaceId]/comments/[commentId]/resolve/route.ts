// POST /api/workspaces/[workspaceId]/comments/[commentId]/resolve – resolve or reopen a thread
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { resolveComment } from "@/lib/services/review/comments";

export const POST = handle(ops.resolveComment, ({ ctx, params, body }) => resolveComment(ctx, params.commentId, body));

export * from "@/lib/http/method-not-allowed";
