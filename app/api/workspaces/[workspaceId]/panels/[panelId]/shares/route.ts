// GET/POST /api/workspaces/[workspaceId]/panels/[panelId]/shares – a panel's share links
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { createPanelShareLink, listPanelShareLinks } from "@/lib/services/panels/panel-shares";

export const GET = handle(ops.listPanelShares, ({ ctx, params }) => listPanelShareLinks(ctx, params.panelId));
export const POST = handle(ops.createPanelShare, ({ ctx, params, body }) => createPanelShareLink(ctx, params.panelId, body));

export * from "@/lib/http/method-not-allowed";
