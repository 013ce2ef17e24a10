// GET /api/workspaces/[workspaceId]/measured-correlations – trait-pair correlations measured by this workspace's runs
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { measuredCorrelations } from "@/lib/services/probes/measured-correlations";

export const GET = handle(ops.measuredCorrelations, ({ ctx, query }) => measuredCorrelations(ctx, query.traits, query.personaId));

export * from "@/lib/http/method-not-allowed";
