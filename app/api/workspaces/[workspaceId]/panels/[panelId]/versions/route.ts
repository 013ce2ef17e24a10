// GET /api/workspaces/[workspaceId]/panels/[panelId]/versions – list · POST – save a version
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { createPanelVersion, listPanelVersions } from "@/lib/services/panels/versions";

export const GET = handle(ops.listPanelVersions, ({ ctx, params }) => listPanelVersions(ctx, params.panelId));
export const POST = handle(ops.createPanelVersion, ({ ctx, params, body }) => createPanelVersion(ctx, params.panelId, body));

export * from "@/lib/http/method-not-allowed";
