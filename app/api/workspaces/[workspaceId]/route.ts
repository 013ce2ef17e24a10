// PATCH /api/workspaces/[workspaceId] – rename a workspace or set its approval policy (owner)
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { updateWorkspace } from "@/lib/services/workspaces/create-workspace";

export const PATCH = handle(ops.updateWorkspace, ({ ctx, body }) => updateWorkspace(ctx, body));

export * from "@/lib/http/method-not-allowed";
