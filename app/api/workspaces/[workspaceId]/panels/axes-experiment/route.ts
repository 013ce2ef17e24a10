// POST /api/workspaces/[workspaceId]/panels/axes-experiment – draft the axes members, two panels, a probe of each · GET ?topicRun=&frameworkRun= – the per-axis comparison
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { getAxesComparison, startAxesExperiment } from "@/lib/services/panels/axes-experiment";

export const POST = handle(ops.startAxesExperiment, ({ ctx, body }) => startAxesExperiment(ctx, body));
export const GET = handle(ops.getAxesComparison, ({ ctx, query }) => getAxesComparison(ctx, query));

export * from "@/lib/http/method-not-allowed";
