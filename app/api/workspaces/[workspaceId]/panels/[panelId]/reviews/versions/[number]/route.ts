// GET /api/workspaces/[workspaceId]/panels/[panelId]/reviews/versions/[number] – review state of a panel version
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { getPanelVersionReview } from "@/lib/services/panels/panel-review";

export const GET = handle(ops.getPanelVersionReview, ({ ctx, params }) => getPanelVersionReview(ctx, params.panelId, params.number));

export * from "@/lib/http/method-not-allowed";
