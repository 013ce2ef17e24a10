// POST /api/workspaces/[workspaceId]/panels/[panelId]/runs/[runId]/cancel – stop every member run and the distinguishability pass
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { cancelPanelRun } from "@/lib/services/panels/panel-runs";

export const POST = handle(ops.cancelPanelRun, ({ ctx, params }) => cancelPanelRun(ctx, params.panelId, params.runId));

export * from "@/lib/http/method-not-allowed";
