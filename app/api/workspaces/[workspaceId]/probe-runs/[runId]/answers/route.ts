// GET /api/workspaces/[workspaceId]/probe-runs/[runId]/answers – answers with judge scores, a page at a time
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { pagedArray } from "@/lib/http/paging";
import { listProbeAnswers } from "@/lib/services/probes/probe-runs";

export const GET = handle(ops.listProbeAnswers, async ({ ctx, params, query }) => pagedArray(await listProbeAnswers(ctx, params.runId, query)));

export * from "@/lib/http/method-not-allowed";
