// GET /api/invitations/[token] – the invitation behind a link, for the signed-in account
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { viewInvitation } from "@/lib/services/invitations/respond";

export const GET = handle(ops.getInvitation, ({ ctx, params }) => viewInvitation(ctx, params.token));

export * from "@/lib/http/method-not-allowed";
