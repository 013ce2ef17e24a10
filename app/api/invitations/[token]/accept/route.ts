// POST /api/invitations/[token]/accept – join the workspace (the invited account only)
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { acceptByToken } from "@/lib/services/invitations/respond";

export const POST = handle(ops.acceptInvitation, ({ ctx, params }) => acceptByToken(ctx, params.token));

export * from "@/lib/http/method-not-allowed";
