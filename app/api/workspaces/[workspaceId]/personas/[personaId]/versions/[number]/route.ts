// GET /api/workspaces/[workspaceId]/personas/[personaId]/versions/[number] – one version
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { getVersion } from "@/lib/services/versions/versions";

export const GET = handle(ops.getVersion, ({ ctx, params }) => getVersion(ctx, params.personaId, params.number));

export * from "@/lib/http/method-not-allowed";
