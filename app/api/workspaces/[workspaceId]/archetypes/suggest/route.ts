// POST /api/workspaces/[workspaceId]/archetypes/suggest – character types that hold these traits together
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { suggestArchetypes } from "@/lib/services/preview/suggest-archetypes";

export const POST = handle(ops.suggestArchetypes, ({ ctx, body }) => suggestArchetypes(ctx, body));

export * from "@/lib/http/method-not-allowed";
