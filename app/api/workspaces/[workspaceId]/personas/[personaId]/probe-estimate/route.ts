// POST /api/workspaces/[workspaceId]/personas/[personaId]/probe-estimate – size a probe before starting it
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { estimateProbeRun } from "@/lib/services/probes/probe-estimate";

export const POST = handle(ops.estimateProbeRun, ({ ctx, params, body }) => estimateProbeRun(ctx, params.personaId, body));

export * from "@/lib/http/method-not-allowed";
