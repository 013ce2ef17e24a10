// GET /api/workspaces/[workspaceId]/members – list (people join by invitation: see ./invitations)
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { listMembers } from "@/lib/services/members/members";

export const GET = handle(ops.listMembers, ({ ctx }) => listMembers(ctx));

export * from "@/lib/http/method-not-allowed";
