// PATCH /api/workspaces/[workspaceId] – rename a workspace (owner)
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { renameWorkspace } from "@/lib/services/workspaces/create-workspace";

export const PATCH = handle(ops.updateWorkspace, ({ ctx, body }) => renameWorkspace(ctx, body));
