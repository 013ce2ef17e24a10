// GET /api/workspaces/[workspaceId]/providers – list with the default · POST – connect a provider (owner)
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { createProvider } from "@/lib/services/providers/create-provider";
import { listProviders } from "@/lib/services/providers/list-providers";

export const GET = handle(ops.listProviders, ({ ctx }) => listProviders(ctx));
export const POST = handle(ops.createProvider, ({ ctx, body }) => createProvider(ctx, body));

export * from "@/lib/http/method-not-allowed";
