// GET /api/share/[token]/conversations/[index] – a pressure conversation of the shared report's run
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { sharedConversation } from "@/lib/services/sharing/shared-conversation";

export const GET = handle(ops.sharedConversation, ({ params }) => sharedConversation(params.token, params.index));

export * from "@/lib/http/method-not-allowed";
