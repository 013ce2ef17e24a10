// POST /api/workspaces/[workspaceId]/personas/[personaId]/variant-probes – probe variants side by side
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { probeVariants } from "@/lib/services/variants/variant-probes";

export const POST = handle(ops.probeVariants, ({ ctx, params, body }) => probeVariants(ctx, params.personaId, body));

export * from "@/lib/http/method-not-allowed";
