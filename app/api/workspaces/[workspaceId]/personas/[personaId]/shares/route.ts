// GET  /api/workspaces/[workspaceId]/personas/[personaId]/shares – share links of a persona
// POST /api/workspaces/[workspaceId]/personas/[personaId]/shares – create a read-only link
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { createShareLink, listShareLinks } from "@/lib/services/sharing/share-links";

export const GET = handle(ops.listShares, ({ ctx, params }) => listShareLinks(ctx, params.personaId));
export const POST = handle(ops.createShare, ({ ctx, params, body }) => createShareLink(ctx, params.personaId, body));

export * from "@/lib/http/method-not-allowed";
