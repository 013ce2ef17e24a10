// POST /api/workspaces/[workspaceId]/panels/[panelId]/runs/estimate – size a panel probe before starting it
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { estimatePanelRun } from "@/lib/services/panels/panel-run-estimate";

export const POST = handle(ops.estimatePanelRun, ({ ctx, params, body }) => estimatePanelRun(ctx, params.panelId, body));

export * from "@/lib/http/method-not-allowed";
