// GET /api/workspaces/[workspaceId]/custom-traits/[traitKey]/versions – every saved version, newest first
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { listCustomTraitVersions } from "@/lib/services/custom-traits/custom-traits";

export const dynamic = "force-dynamic";

export const GET = handle(ops.listCustomTraitVersions, ({ ctx, params }) => listCustomTraitVersions(ctx, params.traitKey));

export * from "@/lib/http/method-not-allowed";
