// GET /api/workspaces/[workspaceId]/panels/[panelId]/sessions – recorded panel previews
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { listPanelSessions } from "@/lib/services/panels/panel-sessions";

export const GET = handle(ops.listPanelSessions, ({ ctx, params }) => listPanelSessions(ctx, params.panelId));

export * from "@/lib/http/method-not-allowed";
