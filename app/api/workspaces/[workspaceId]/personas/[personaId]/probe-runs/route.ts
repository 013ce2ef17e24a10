// GET /api/workspaces/[workspaceId]/personas/[personaId]/probe-runs – history · POST – start a probe
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { createProbeRun, listProbeRuns } from "@/lib/services/probes/probe-runs";

export const GET = handle(ops.listProbeRuns, ({ ctx, params }) => listProbeRuns(ctx, params.personaId));
export const POST = handle(ops.createProbeRun, ({ ctx, params, body }) => createProbeRun(ctx, params.personaId, body));

export * from "@/lib/http/method-not-allowed";
