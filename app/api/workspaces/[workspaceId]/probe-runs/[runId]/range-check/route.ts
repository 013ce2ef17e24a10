// POST /api/workspaces/[workspaceId]/probe-runs/[runId]/range-check – the trait asked at 0/25/50/75/100 on this run's model
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { startRangeCheck } from "@/lib/services/probes/range-check";

export const POST = handle(ops.startRangeCheck, ({ ctx, params, body }) => startRangeCheck(ctx, params.runId, body));

export * from "@/lib/http/method-not-allowed";
