// GET /api/workspaces/[workspaceId]/personas/[personaId]/activity – the persona's activity trail
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { listActivity } from "@/lib/services/activity/activity";

export const GET = handle(ops.listActivity, ({ ctx, params, query }) => listActivity(ctx, params.personaId, query.limit));

export * from "@/lib/http/method-not-allowed";
