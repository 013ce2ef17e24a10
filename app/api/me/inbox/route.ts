// GET /api/me/inbox – invitations, review requests and notices across every workspace
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { getInbox } from "@/lib/services/inbox/inbox";

export const GET = handle(ops.inbox, ({ ctx }) => getInbox(ctx));

export * from "@/lib/http/method-not-allowed";
