// DELETE /api/workspaces/[workspaceId]/invitations/[invitationId] – withdraw a pending invitation (owner)
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { revokeInvitation } from "@/lib/services/invitations/invitations";

const sessionOnly = "Manage invitations from a signed-in session, not with an API token";
export const DELETE = handle(ops.revokeInvitation, ({ ctx, params }) => revokeInvitation(ctx, params.invitationId), { sessionOnly });

export * from "@/lib/http/method-not-allowed";
