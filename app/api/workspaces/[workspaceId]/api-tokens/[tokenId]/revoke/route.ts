// POST /api/workspaces/[workspaceId]/api-tokens/[tokenId]/revoke – revoke an API token at once
import { SESSION_ONLY } from "@/lib/http/api-token-operations";
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { revokeApiToken } from "@/lib/services/api-tokens/api-tokens";

export const POST = handle(ops.revokeApiToken, ({ ctx, params }) => revokeApiToken(ctx, params.tokenId), SESSION_ONLY);

export * from "@/lib/http/method-not-allowed";
