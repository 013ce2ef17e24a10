// POST /api/workspaces/[workspaceId]/personas/[personaId]/scenarios/draft – draft scenarios with the model (nothing stored)
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { draftScenarios } from "@/lib/services/personas/draft-scenarios";

export const POST = handle(ops.draftScenarios, ({ ctx, params, body }) => draftScenarios(ctx, params.personaId, body));

export * from "@/lib/http/method-not-allowed";
