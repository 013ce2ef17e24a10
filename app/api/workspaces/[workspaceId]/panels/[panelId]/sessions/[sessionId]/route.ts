// GET/DELETE /api/workspaces/[workspaceId]/panels/[panelId]/sessions/[sessionId] – one recorded panel preview
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { deletePanelSession, getPanelSession } from "@/lib/services/panels/panel-sessions";

export const GET = handle(ops.getPanelSession, ({ ctx, params }) => getPanelSession(ctx, params.panelId, params.sessionId));
export const DELETE = handle(ops.deletePanelSession, ({ ctx, params }) => deletePanelSession(ctx, params.panelId, params.sessionId));

export * from "@/lib/http/method-not-allowed";
