// GET /api/workspaces/[workspaceId]/personas/[personaId]/versions/[number]/review – report, policy warnings, requests and decisions of a version
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { getVersionReview } from "@/lib/services/review/review";

export const GET = handle(ops.getVersionReview, ({ ctx, params }) => getVersionReview(ctx, params.personaId, params.number));

export * from "@/lib/http/method-not-allowed";
