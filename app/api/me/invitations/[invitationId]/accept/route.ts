// POST /api/me/invitations/[invitationId]/accept – accept an invitation to my email from the inbox
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { acceptById } from "@/lib/services/invitations/respond";

export const POST = handle(ops.acceptMyInvitation, ({ ctx, params }) => acceptById(ctx, params.invitationId));

export * from "@/lib/http/method-not-allowed";
