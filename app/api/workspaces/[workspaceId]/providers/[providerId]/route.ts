// PATCH /api/workspaces/[workspaceId]/providers/[providerId] – edit (owner) · DELETE – remove (owner)
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { deleteProvider } from "@/lib/services/providers/delete-provider";
import { updateProvider } from "@/lib/services/providers/update-provider";

export const PATCH = handle(ops.updateProvider, ({ ctx, params, body }) => updateProvider(ctx, params.providerId, body));
export const DELETE = handle(ops.deleteProvider, ({ ctx, params }) => deleteProvider(ctx, params.providerId));

export * from "@/lib/http/method-not-allowed";
