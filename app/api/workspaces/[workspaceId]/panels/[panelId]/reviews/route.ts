// GET/POST /api/workspaces/[workspaceId]/panels/[panelId]/reviews – a panel's reviews; ask for one
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { listPanelReviews, requestPanelReview } from "@/lib/services/panels/panel-review";

export const GET = handle(ops.listPanelReviews, ({ ctx, params }) => listPanelReviews(ctx, params.panelId));
export const POST = handle(ops.requestPanelReview, ({ ctx, params, body }) => requestPanelReview(ctx, params.panelId, body));

export * from "@/lib/http/method-not-allowed";
