// POST /api/workspaces/[workspaceId]/shares/[shareId]/revoke – revoke a share link at once
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { revokeShareLink } from "@/lib/services/sharing/share-links";

export const POST = handle(ops.revokeShare, ({ ctx, params }) => revokeShareLink(ctx, params.shareId));

export * from "@/lib/http/method-not-allowed";
