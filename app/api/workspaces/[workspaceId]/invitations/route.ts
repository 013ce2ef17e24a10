// GET /api/workspaces/[workspaceId]/invitations – pending invitations · POST – invite by email (owner)
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { inviteMember, listInvitations } from "@/lib/services/invitations/invitations";

// Membership is never managed with an API token (a CI token must not invite owners).
const sessionOnly = "Invite members from a signed-in session, not with an API token";
export const GET = handle(ops.listInvitations, ({ ctx }) => listInvitations(ctx));
export const POST = handle(ops.inviteMember, ({ ctx, body }) => inviteMember(ctx, body), { sessionOnly });

export * from "@/lib/http/method-not-allowed";
