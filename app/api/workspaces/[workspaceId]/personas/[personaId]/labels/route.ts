// GET /api/workspaces/[workspaceId]/personas/[personaId]/labels – the persona's version labels
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { listLabels } from "@/lib/services/labels/labels";

export const GET = handle(ops.listLabels, ({ ctx, params }) => listLabels(ctx, params.personaId));

export * from "@/lib/http/method-not-allowed";
