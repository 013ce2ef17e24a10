// POST /api/workspaces/[workspaceId]/panels/[panelId]/preview – every member answers one question (NDJSON)
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { panelPreviewCalls, streamPanelPreview } from "@/lib/services/panels/panel-preview";

export const dynamic = "force-dynamic";

export const POST = handle(ops.panelPreview, ({ ctx, params, body, request }) => streamPanelPreview(ctx, params.panelId, body, request.signal), {
  costPoints: ({ ctx, params, body }) => panelPreviewCalls(ctx, params.panelId, body),
});

export * from "@/lib/http/method-not-allowed";
