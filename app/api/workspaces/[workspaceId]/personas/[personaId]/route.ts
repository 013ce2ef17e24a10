// GET /api/workspaces/[workspaceId]/personas/[personaId] – read · PATCH – autosave draft · DELETE – delete
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { deletePersona } from "@/lib/services/personas/archive-delete";
import { getPersona } from "@/lib/services/personas/get-persona";
import { updateDraft } from "@/lib/services/personas/update-draft";

export const GET = handle(ops.getPersona, ({ ctx, params }) => getPersona(ctx, params.personaId));
export const PATCH = handle(ops.updateDraft, ({ ctx, params, body }) => updateDraft(ctx, params.personaId, body));
export const DELETE = handle(ops.deletePersona, ({ ctx, params }) => deletePersona(ctx, params.personaId));

export * from "@/lib/http/method-not-allowed";
