// GET /api/workspaces/[workspaceId]/probe-runs/[runId]/conversations/[index] – one pressure conversation as a chat
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { getPressureConversation } from "@/lib/services/probes/pressure-conversation";

export const GET = handle(ops.getPressureConversation, ({ ctx, params }) => getPressureConversation(ctx, params.runId, params.index));

export * from "@/lib/http/method-not-allowed";
