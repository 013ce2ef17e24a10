// POST /api/workspaces/[workspaceId]/personas/[personaId]/versions/[number]/restore – version → draft
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { restoreVersion } from "@/lib/services/versions/versions";

export const POST = handle(ops.restoreVersion, ({ ctx, params, body }) =>
  restoreVersion(ctx, params.personaId, params.number, body),
);

export * from "@/lib/http/method-not-allowed";
