// GET /api/workspaces/[workspaceId]/personas/[personaId]/diff?from=1&to=draft – diff two snapshots
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { diffVersions } from "@/lib/services/versions/versions";

export const GET = handle(ops.diff, ({ ctx, params, query }) => diffVersions(ctx, params.personaId, query));

export * from "@/lib/http/method-not-allowed";
