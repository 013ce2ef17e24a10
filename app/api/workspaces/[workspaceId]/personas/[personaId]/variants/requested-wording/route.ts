// POST /api/workspaces/[workspaceId]/personas/[personaId]/variants/requested-wording – a variant with one trait as a role requirement
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { createRequestedWordingVariant } from "@/lib/services/variants/requested-wording";

export const POST = handle(ops.createRequestedWordingVariant, ({ ctx, params, body }) => createRequestedWordingVariant(ctx, params.personaId, body));

export * from "@/lib/http/method-not-allowed";
