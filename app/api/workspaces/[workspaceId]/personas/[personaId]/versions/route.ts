// GET /api/workspaces/[workspaceId]/personas/[personaId]/versions – list · POST – save a version
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { createVersion, listVersions } from "@/lib/services/versions/versions";

export const GET = handle(ops.listVersions, ({ ctx, params }) => listVersions(ctx, params.personaId));
export const POST = handle(ops.createVersion, ({ ctx, params, body }) => createVersion(ctx, params.personaId, body));

export * from "@/lib/http/method-not-allowed";
