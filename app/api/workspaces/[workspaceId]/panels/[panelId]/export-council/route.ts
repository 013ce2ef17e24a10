// GET /api/workspaces/[workspaceId]/panels/[panelId]/export-council – the panel as council member files + a seat plan
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { exportCouncil } from "@/lib/services/panels/export-council";

export const GET = handle(ops.exportCouncil, ({ ctx, params }) => exportCouncil(ctx, params.panelId));

export * from "@/lib/http/method-not-allowed";
