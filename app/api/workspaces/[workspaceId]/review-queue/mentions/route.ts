// GET /api/workspaces/[workspaceId]/review-queue/mentions – open threads that mention me, a page at a time
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { pagedArray } from "@/lib/http/paging";
import { listMentions } from "@/lib/services/review/mention-queue";

export const GET = handle(ops.listMentions, async ({ ctx, query }) => pagedArray(await listMentions(ctx, query)));

export * from "@/lib/http/method-not-allowed";
