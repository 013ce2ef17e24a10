// GET /api/workspaces/[workspaceId]/personas/[personaId]/variant-probes/[batchId] – which variant lands closer
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { getVariantBatch } from "@/lib/services/variants/variant-probes";

export const GET = handle(ops.getVariantBatch, ({ ctx, params }) => getVariantBatch(ctx, params.personaId, params.batchId));

export * from "@/lib/http/method-not-allowed";
