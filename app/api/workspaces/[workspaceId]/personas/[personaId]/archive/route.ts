// POST /api/workspaces/[workspaceId]/personas/[personaId]/archive – archive or unarchive
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { setArchived } from "@/lib/services/personas/archive-delete";

export const POST = handle(ops.archivePersona, ({ ctx, params, body }) => setArchived(ctx, params.personaId, body));

export * from "@/lib/http/method-not-allowed";
