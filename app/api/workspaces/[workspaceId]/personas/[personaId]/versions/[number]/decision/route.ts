// POST /api/workspaces/[workspaceId]/personas/[personaId]/versions/[number]/decision – approve a version or request changes
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { decide } from "@/lib/services/review/review";

export const POST = handle(ops.decide, ({ ctx, params, body }) => decide(ctx, params.personaId, params.number, body));

export * from "@/lib/http/method-not-allowed";
