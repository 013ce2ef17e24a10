// POST /api/workspaces/[workspaceId]/panels/[panelId]/runs/[runId]/resume – continue a cancelled or failed panel probe
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { resumePanelRun } from "@/lib/services/panels/panel-runs";

export const POST = handle(ops.resumePanelRun, ({ ctx, params }) => resumePanelRun(ctx, params.panelId, params.runId));

export * from "@/lib/http/method-not-allowed";
