// GET /api/share/[token] – the shared bundle (public: the token is the credential)
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { openShare } from "@/lib/services/sharing/open-share";

export const GET = handle(ops.openShare, ({ params }) => openShare(params.token));

export * from "@/lib/http/method-not-allowed";
