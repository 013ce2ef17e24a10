// GET /api/workspaces/[workspaceId]/personas/[personaId]/probe-runs – history, a page at a time · POST – start a probe
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { pagedArray } from "@/lib/http/paging";
import { createProbeRun, listProbeRuns } from "@/lib/services/probes/probe-runs";

export const GET = handle(ops.listProbeRuns, async ({ ctx, params, query }) => pagedArray(await listProbeRuns(ctx, params.personaId, query)));
export const POST = handle(ops.createProbeRun, ({ ctx, params, body }) => createProbeRun(ctx, params.personaId, body));

export * from "@/lib/http/method-not-allowed";
