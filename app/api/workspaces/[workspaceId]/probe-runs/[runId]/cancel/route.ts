// POST /api/workspaces/[workspaceId]/probe-runs/[runId]/cancel – stop a probe, keep its answers
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { cancelProbeRun } from "@/lib/services/probes/probe-runs";

export const POST = handle(ops.cancelProbeRun, ({ ctx, params }) => cancelProbeRun(ctx, params.runId));

export * from "@/lib/http/method-not-allowed";
