// GET /api/workspaces/[workspaceId]/panels/[panelId]/runs/[runId] – a panel probe and its member runs
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { getPanelRun } from "@/lib/services/panels/panel-runs";

export const GET = handle(ops.getPanelRun, ({ ctx, params }) => getPanelRun(ctx, params.panelId, params.runId));

export * from "@/lib/http/method-not-allowed";
