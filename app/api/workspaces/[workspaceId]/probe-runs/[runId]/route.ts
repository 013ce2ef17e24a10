// GET /api/workspaces/[workspaceId]/probe-runs/[runId] – a run and its landing report
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { getProbeRun } from "@/lib/services/probes/probe-runs";

export const dynamic = "force-dynamic";

export const GET = handle(ops.getProbeRun, ({ ctx, params, query }) => getProbeRun(ctx, params.runId, query));

export * from "@/lib/http/method-not-allowed";
