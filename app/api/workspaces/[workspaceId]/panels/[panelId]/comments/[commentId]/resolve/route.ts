// POST /api/workspaces/[workspaceId]/panels/[panelId]/comments/[commentId]/resolve – resolve or reopen a panel thread
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { resolvePanelComment } from "@/lib/services/panels/panel-comments";

export const POST = handle(ops.resolvePanelComment, ({ ctx, params, body }) => resolvePanelComment(ctx, params.panelId, params.commentId, body));

export * from "@/lib/http/method-not-allowed";
