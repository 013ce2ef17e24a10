// POST /api/workspaces/[workspaceId]/custom-traits/draft – the model drafts a trait from one line
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { draftCustomTrait } from "@/lib/services/custom-traits/draft-custom-trait";

export const POST = handle(ops.draftCustomTrait, ({ ctx, body }) => draftCustomTrait(ctx, body));

export * from "@/lib/http/method-not-allowed";
