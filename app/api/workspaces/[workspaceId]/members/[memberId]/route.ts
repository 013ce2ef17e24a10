// PATCH /api/workspaces/[workspaceId]/members/[memberId] – change role · DELETE – remove or leave
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { changeMemberRole, removeMember } from "@/lib/services/members/members";

// Membership is never managed with an API token (a CI token must not remove its creator).
const sessionOnly = "Change members from a signed-in session, not with an API token";
export const PATCH = handle(ops.updateMember, ({ ctx, params, body }) => changeMemberRole(ctx, params.memberId, body), { sessionOnly });
export const DELETE = handle(ops.removeMember, ({ ctx, params }) => removeMember(ctx, params.memberId), { sessionOnly });

export * from "@/lib/http/method-not-allowed";
