// GET /api/workspaces/[workspaceId]/panels/[panelId]/runs – the panel's probes · POST – probe the whole panel
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { createPanelRun, listPanelRuns } from "@/lib/services/panels/panel-runs";

export const GET = handle(ops.listPanelRuns, ({ ctx, params }) => listPanelRuns(ctx, params.panelId));
export const POST = handle(ops.createPanelRun, ({ ctx, params, body }) => createPanelRun(ctx, params.panelId, body));

export * from "@/lib/http/method-not-allowed";
