// GET /api/workspaces/[workspaceId]/personas/[personaId]/labels/[label] – the label's compiled prompt (ETag) · PUT – move it · DELETE – remove it
import { conditionalJson } from "@/lib/http/etag";
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { getLabelPrompt, moveLabel, removeLabel } from "@/lib/services/labels/labels";

// private: a workspace's prompt never sits in a shared cache; a minute's max-age spares
// applications a request per call, and the ETag makes the revalidation after it a 304.
export const GET = handle(ops.getLabelPrompt, async ({ ctx, params, request }) => conditionalJson(request, await getLabelPrompt(ctx, params.personaId, params.label), "private, max-age=60"));
export const PUT = handle(ops.moveLabel, ({ ctx, params, body }) => moveLabel(ctx, params.personaId, params.label, body));
export const DELETE = handle(ops.removeLabel, ({ ctx, params }) => removeLabel(ctx, params.personaId, params.label));

export * from "@/lib/http/method-not-allowed";
