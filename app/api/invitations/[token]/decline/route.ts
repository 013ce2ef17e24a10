// POST /api/invitations/[token]/decline – say no (the invited account only)
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { declineByToken } from "@/lib/services/invitations/respond";

export const POST = handle(ops.declineInvitation, ({ ctx, params }) => declineByToken(ctx, params.token));

export * from "@/lib/http/method-not-allowed";
