// GET  /api/workspaces/[workspaceId]/personas/[personaId]/variants – variants of a persona
// POST /api/workspaces/[workspaceId]/personas/[personaId]/variants – create a variant
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { createVariant, listVariants } from "@/lib/services/variants/variants";

export const GET = handle(ops.listVariants, ({ ctx, params }) => listVariants(ctx, params.personaId));
export const POST = handle(ops.createVariant, ({ ctx, params, body }) => createVariant(ctx, params.personaId, body));

export * from "@/lib/http/method-not-allowed";
