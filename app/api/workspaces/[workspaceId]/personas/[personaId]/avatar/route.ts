// GET|PUT|DELETE /api/workspaces/[workspaceId]/personas/[personaId]/avatar – the persona's picture
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { deleteAvatar, getAvatar, putAvatar } from "@/lib/services/avatars/avatar";

export const GET = handle(ops.getAvatar, ({ ctx, params, request }) => getAvatar(ctx, params.personaId, request));
export const PUT = handle(ops.putAvatar, ({ ctx, params, body }) => putAvatar(ctx, params.personaId, body));
export const DELETE = handle(ops.deleteAvatar, ({ ctx, params }) => deleteAvatar(ctx, params.personaId));

export * from "@/lib/http/method-not-allowed";
