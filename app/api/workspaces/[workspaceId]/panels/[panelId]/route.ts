// GET /api/workspaces/[workspaceId]/panels/[panelId] – read · PATCH – save (409 when stale) · DELETE – delete
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { deletePanel, getPanel, updatePanel } from "@/lib/services/panels/panels";

export const GET = handle(ops.getPanel, ({ ctx, params }) => getPanel(ctx, params.panelId));
export const PATCH = handle(ops.updatePanel, ({ ctx, params, body }) => updatePanel(ctx, params.panelId, body));
export const DELETE = handle(ops.deletePanel, ({ ctx, params }) => deletePanel(ctx, params.panelId));

export * from "@/lib/http/method-not-allowed";
