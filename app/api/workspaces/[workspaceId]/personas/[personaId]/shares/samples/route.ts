// GET /api/workspaces/[workspaceId]/personas/[personaId]/shares/samples – what a new link's page would show as sample answers
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { shareSamplesPlan } from "@/lib/services/sharing/share-samples";

export const GET = handle(ops.shareSamplesPlan, ({ ctx, params, query }) => shareSamplesPlan(ctx, params.personaId, query));

export * from "@/lib/http/method-not-allowed";
