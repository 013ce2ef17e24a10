// GET /api/workspaces/[workspaceId]/personas/[personaId]/export – download a persona in another format
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { exportPersona } from "@/lib/services/interop/export-persona";

export const GET = handle(ops.exportPersona, ({ ctx, params, query }) => exportPersona(ctx, params.personaId, query));

export * from "@/lib/http/method-not-allowed";
