// GET  /api/workspaces/[workspaceId]/personas/[personaId]/comments – comment threads
// POST /api/workspaces/[workspaceId]/personas/[personaId]/comments – start a thread or reply
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { createComment, listComments } from "@/lib/services/review/comments";

export const GET = handle(ops.listComments, ({ ctx, params, query }) => listComments(ctx, params.personaId, query));
export const POST = handle(ops.createComment, ({ ctx, params, body }) => createComment(ctx, params.personaId, body));

export * from "@/lib/http/method-not-allowed";
