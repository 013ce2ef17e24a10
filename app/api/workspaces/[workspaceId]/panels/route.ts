// GET /api/workspaces/[workspaceId]/panels – list · POST – create
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { createPanel, listPanels } from "@/lib/services/panels/panels";

export const GET = handle(ops.listPanels, ({ ctx }) => listPanels(ctx));
export const POST = handle(ops.createPanel, ({ ctx, body }) => createPanel(ctx, body));

export * from "@/lib/http/method-not-allowed";
