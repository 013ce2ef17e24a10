// GET /api/me – the signed-in account and its workspaces
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { getMe } from "@/lib/services/workspaces/list-workspaces";

export const GET = handle(ops.me, ({ ctx }) => getMe(ctx));

export * from "@/lib/http/method-not-allowed";
