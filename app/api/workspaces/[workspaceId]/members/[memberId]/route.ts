// PATCH /api/workspaces/[workspaceId]/members/[memberId] – change role · DELETE – remove or leave
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { changeMemberRole, removeMember } from "@/lib/services/members/members";

export const PATCH = handle(ops.updateMember, ({ ctx, params, body }) => changeMemberRole(ctx, params.memberId, body));
export const DELETE = handle(ops.removeMember, ({ ctx, params }) => removeMember(ctx, params.memberId));
