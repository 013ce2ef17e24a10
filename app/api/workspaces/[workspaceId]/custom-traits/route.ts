// GET  /api/workspaces/[workspaceId]/custom-traits – latest version of each custom trait
// POST /api/workspaces/[workspaceId]/custom-traits – save a custom trait as its next version
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { listCustomTraits, saveCustomTrait } from "@/lib/services/custom-traits/custom-traits";

export const dynamic = "force-dynamic";

export const GET = handle(ops.listCustomTraits, ({ ctx }) => listCustomTraits(ctx));
export const POST = handle(ops.saveCustomTrait, ({ ctx, body }) => saveCustomTrait(ctx, body));

export * from "@/lib/http/method-not-allowed";
