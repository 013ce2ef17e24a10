// GET/POST /api/workspaces/[workspaceId]/panels/[panelId]/comments – a panel's comment threads
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { createPanelComment, listPanelComments } from "@/lib/services/panels/panel-comments";

export const GET = handle(ops.listPanelComments, ({ ctx, params, query }) => listPanelComments(ctx, params.panelId, query));
export const POST = handle(ops.createPanelComment, ({ ctx, params, body }) => createPanelComment(ctx, params.panelId, body));

export * from "@/lib/http/method-not-allowed";
