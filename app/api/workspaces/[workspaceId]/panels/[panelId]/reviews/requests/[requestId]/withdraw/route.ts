// POST /api/workspaces/[workspaceId]/panels/[panelId]/reviews/requests/[requestId]/withdraw – withdraw a review request
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { withdrawPanelReviewRequest } from "@/lib/services/panels/panel-review";

export const POST = handle(ops.withdrawPanelReviewRequest, ({ ctx, params }) => withdrawPanelReviewRequest(ctx, params.panelId, params.requestId));

export * from "@/lib/http/method-not-allowed";
