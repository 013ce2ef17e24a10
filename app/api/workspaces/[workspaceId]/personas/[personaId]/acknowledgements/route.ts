// GET|POST /api/workspaces/[workspaceId]/personas/[personaId]/acknowledgements – list, or acknowledge a flag as expected (201; again: reason replaced, 200)
import { upsertReply } from "@/lib/http/acknowledgement-operations";
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { acknowledgeFlag, listAcknowledgements } from "@/lib/services/acknowledgements/acknowledgements";

export const GET = handle(ops.listAcknowledgements, ({ ctx, params }) => listAcknowledgements(ctx, params.personaId));
export const POST = handle(ops.acknowledgeFlag, async ({ ctx, params, body }) => upsertReply(await acknowledgeFlag(ctx, params.personaId, body)));

export * from "@/lib/http/method-not-allowed";
