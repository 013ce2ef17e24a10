// GET /api/workspaces/[workspaceId]/probe-runs/[runId]/answers – answers with judge scores
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { listProbeAnswers } from "@/lib/services/probes/probe-runs";

export const GET = handle(ops.listProbeAnswers, ({ ctx, params, query }) => listProbeAnswers(ctx, params.runId, query));

export * from "@/lib/http/method-not-allowed";
