// POST /api/me/invitations/[invitationId]/decline – decline an invitation to my email from the inbox
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { declineById } from "@/lib/services/invitations/respond";

export const POST = handle(ops.declineMyInvitation, ({ ctx, params }) => declineById(ctx, params.invitationId));

export * from "@/lib/http/method-not-allowed";
