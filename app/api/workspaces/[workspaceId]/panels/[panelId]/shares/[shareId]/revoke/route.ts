// POST /api/workspaces/[workspaceId]/panels/[panelId]/shares/[shareId]/revoke – revoke a panel's link
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { revokePanelShareLink } from "@/lib/services/panels/panel-shares";

export const POST = handle(ops.revokePanelShare, ({ ctx, params }) => revokePanelShareLink(ctx, params.panelId, params.shareId));

export * from "@/lib/http/method-not-allowed";
