// GET /api/share/[token]/answers – answers behind the shared report
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { sharedAnswers } from "@/lib/services/sharing/open-share";

export const GET = handle(ops.sharedAnswers, ({ params, query }) => sharedAnswers(params.token, query));

export * from "@/lib/http/method-not-allowed";
