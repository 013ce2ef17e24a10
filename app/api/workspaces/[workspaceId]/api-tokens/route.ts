// GET  /api/workspaces/[workspaceId]/api-tokens – the workspace's API tokens (owners, signed in)
// POST /api/workspaces/[workspaceId]/api-tokens – create a token for CI (returned once)
import { SESSION_ONLY } from "@/lib/http/api-token-operations";
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { createApiToken, listApiTokens } from "@/lib/services/api-tokens/api-tokens";

export const GET = handle(ops.listApiTokens, ({ ctx }) => listApiTokens(ctx), SESSION_ONLY);
export const POST = handle(ops.createApiToken, ({ ctx, body }) => createApiToken(ctx, body), SESSION_ONLY);

export * from "@/lib/http/method-not-allowed";
