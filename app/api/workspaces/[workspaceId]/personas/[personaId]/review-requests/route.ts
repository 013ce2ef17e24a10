// POST /api/workspaces/[workspaceId]/personas/[personaId]/review-requests – ask members to review a version
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { requestReview } from "@/lib/services/review/review";

export const POST = handle(ops.requestReview, ({ ctx, params, body }) => requestReview(ctx, params.personaId, body));

export * from "@/lib/http/method-not-allowed";
