// GET /api/workspaces – my workspaces · POST – create one
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { createWorkspace } from "@/lib/services/workspaces/create-workspace";
import { listWorkspaces } from "@/lib/services/workspaces/list-workspaces";

export const GET = handle(ops.listWorkspaces, ({ ctx }) => listWorkspaces(ctx));
export const POST = handle(ops.createWorkspace, ({ ctx, body }) => createWorkspace(ctx, body));

export * from "@/lib/http/method-not-allowed";
