// PUT /api/workspaces/[workspaceId]/providers/default – choose the workspace's default provider and model (owner)
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { setDefaultProvider } from "@/lib/services/providers/set-default-provider";

export const PUT = handle(ops.setDefaultProvider, ({ ctx, body }) => setDefaultProvider(ctx, body));

export * from "@/lib/http/method-not-allowed";
