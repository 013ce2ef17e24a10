// GET /api/workspaces/[workspaceId]/personas – list · POST – create
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { createPersona } from "@/lib/services/personas/create-persona";
import { listPersonas } from "@/lib/services/personas/list-personas";

export const GET = handle(ops.listPersonas, ({ ctx, query }) => listPersonas(ctx, query));
export const POST = handle(ops.createPersona, ({ ctx, body }) => createPersona(ctx, body));

export * from "@/lib/http/method-not-allowed";
