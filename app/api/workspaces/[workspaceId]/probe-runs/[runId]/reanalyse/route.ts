// POST /api/workspaces/[workspaceId]/probe-runs/[runId]/reanalyse – re-analyse with the current method, keep older analyses
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { reanalyseProbeRun } from "@/lib/services/probes/probe-runs";

export const POST = handle(ops.reanalyseProbeRun, ({ ctx, params }) => reanalyseProbeRun(ctx, params.runId));

export * from "@/lib/http/method-not-allowed";
