// GET|PUT|DELETE /api/workspaces/[workspaceId]/personas/[personaId]/avatar – the persona's picture
import { conditionalBytes } from "@/lib/http/etag";
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { deleteAvatar, getAvatar, putAvatar } from "@/lib/services/avatars/avatar";

export const GET = handle(ops.getAvatar, async ({ ctx, params, request }) =>
  conditionalBytes(request, await getAvatar(ctx, params.personaId, new URL(request.url).searchParams.get("v"))));
export const PUT = handle(ops.putAvatar, ({ ctx, params, body }) => putAvatar(ctx, params.personaId, body));
export const DELETE = handle(ops.deleteAvatar, ({ ctx, params }) => deleteAvatar(ctx, params.personaId));

export * from "@/lib/http/method-not-allowed";
