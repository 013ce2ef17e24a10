// POST /api/workspaces/[workspaceId]/panels/import-council – council member files + a seat plan → personas and a panel
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { importCouncil } from "@/lib/services/panels/import-council";

export const POST = handle(ops.importCouncil, ({ ctx, body }) => importCouncil(ctx, body));

export * from "@/lib/http/method-not-allowed";
