// GET /api/workspaces/[workspaceId]/personas/[personaId]/activity – the persona's activity trail, a page at a time
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { pagedArray } from "@/lib/http/paging";
import { listActivity } from "@/lib/services/activity/activity";

export const GET = handle(ops.listActivity, async ({ ctx, params, query }) => pagedArray(await listActivity(ctx, params.personaId, query)));

export * from "@/lib/http/method-not-allowed";
