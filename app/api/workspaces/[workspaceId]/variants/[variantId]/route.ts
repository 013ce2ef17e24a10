// GET    /api/workspaces/[workspaceId]/variants/[variantId] – one variant
// PATCH  /api/workspaces/[workspaceId]/variants/[variantId] – rename or edit it
// DELETE /api/workspaces/[workspaceId]/variants/[variantId] – delete it
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { deleteVariant, getVariant, updateVariant } from "@/lib/services/variants/variants";

export const GET = handle(ops.getVariant, ({ ctx, params }) => getVariant(ctx, params.variantId));
export const PATCH = handle(ops.updateVariant, ({ ctx, params, body }) => updateVariant(ctx, params.variantId, body));
export const DELETE = handle(ops.deleteVariant, ({ ctx, params }) => deleteVariant(ctx, params.variantId));

export * from "@/lib/http/method-not-allowed";
