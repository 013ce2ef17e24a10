// GET/POST /api/workspaces/[workspaceId]/personas/[personaId]/comments – comment threads a page at a time; start a thread or reply
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { pagedArray } from "@/lib/http/paging";
import { createComment, listComments } from "@/lib/services/review/comments";

export const GET = handle(ops.listComments, async ({ ctx, params, query }) => pagedArray(await listComments(ctx, params.personaId, query)));
export const POST = handle(ops.createComment, ({ ctx, params, body }) => createComment(ctx, params.personaId, body));

export * from "@/lib/http/method-not-allowed";
