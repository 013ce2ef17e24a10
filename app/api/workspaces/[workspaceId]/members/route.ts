// GET /api/workspaces/[workspaceId]/members – list · POST – add an account by email (owner)
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { addMember, listMembers } from "@/lib/services/members/members";

export const GET = handle(ops.listMembers, ({ ctx }) => listMembers(ctx));
export const POST = handle(ops.addMember, ({ ctx, body }) => addMember(ctx, body));

export * from "@/lib/http/method-not-allowed";
