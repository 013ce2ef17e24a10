// GET /api/workspaces/[workspaceId]/panels/[panelId]/runs/[runId]/report – the panel report (partial while running)
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { getPanelReport } from "@/lib/services/panels/panel-report";

export const GET = handle(ops.getPanelReport, ({ ctx, params }) => getPanelReport(ctx, params.panelId, params.runId));

export * from "@/lib/http/method-not-allowed";
