// POST /api/workspaces/[workspaceId]/personas/[personaId]/scenarios/import – import scenarios (CSV/JSONL) into the draft
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { importScenariosIntoDraft } from "@/lib/services/personas/import-scenarios";

export const POST = handle(ops.importScenarios, ({ ctx, params, body }) => importScenariosIntoDraft(ctx, params.personaId, body));

export * from "@/lib/http/method-not-allowed";
