// GET  /api/workspaces/[workspaceId]/personas/[personaId]/versions/[number]/samples – the latest recorded sample answers
// POST /api/workspaces/[workspaceId]/personas/[personaId]/versions/[number]/samples – answer the sample messages now and keep them
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { getSamples, recordSamples } from "@/lib/services/review/sample-answers";

export const GET = handle(ops.getSamples, ({ ctx, params }) => getSamples(ctx, params.personaId, params.number));
export const POST = handle(ops.recordSamples, ({ ctx, params, body }) => recordSamples(ctx, params.personaId, params.number, body));

export * from "@/lib/http/method-not-allowed";
