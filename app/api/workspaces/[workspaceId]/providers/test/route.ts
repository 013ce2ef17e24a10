// POST /api/workspaces/[workspaceId]/providers/test – list an endpoint's models to check the connection (owner)
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { testProvider } from "@/lib/services/providers/test-provider";

export const POST = handle(ops.testProvider, ({ ctx, body }) => testProvider(ctx, body));

export * from "@/lib/http/method-not-allowed";
