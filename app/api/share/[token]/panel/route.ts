// GET /api/share/[token]/panel – a shared panel's bundle (public: the token is the credential)
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { openPanelShare } from "@/lib/services/panels/panel-shares";

export const GET = handle(ops.openPanelShare, ({ params }) => openPanelShare(params.token));

export * from "@/lib/http/method-not-allowed";
