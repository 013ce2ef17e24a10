// DELETE /api/workspaces/[workspaceId]/personas/[personaId]/acknowledgements/[ackId] – withdraw an acknowledgement
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { removeAcknowledgement } from "@/lib/services/acknowledgements/acknowledgements";

export const DELETE = handle(ops.removeAcknowledgement, ({ ctx, params }) => removeAcknowledgement(ctx, params.personaId, params.ackId));

export * from "@/lib/http/method-not-allowed";
