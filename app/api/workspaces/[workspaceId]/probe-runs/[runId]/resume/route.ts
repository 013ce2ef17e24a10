// POST /api/workspaces/[workspaceId]/probe-runs/[runId]/resume – continue a failed or cancelled probe
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { resumeProbeRun } from "@/lib/services/probes/probe-runs";

export const POST = handle(ops.resumeProbeRun, ({ ctx, params }) => resumeProbeRun(ctx, params.runId));

export * from "@/lib/http/method-not-allowed";
