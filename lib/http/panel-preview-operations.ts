import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { wsResource } from "@/lib/http/params";
import { panelPreviewBody, panelPreviewEventSchema } from "@/lib/schemas/panel-preview";

// Panel preview (issue 13 §3). Like the live preview it calls models, so viewers
// cannot; reviewers and above can. Each member's call counts against the preview
// limit (members × rounds units, charged up front).

export const panelPreviewOps = {
  panelPreview: defineOperation({
    id: "streamPanelPreview", method: "POST", path: "/api/workspaces/{workspaceId}/panels/{panelId}/preview", tag: "Panels",
    summary: "Ask every panel member one question on its seat, streamed as NDJSON events tagged by member and round (optional cross-examination round)",
    auth: "workspace", role: "reviewer", params: wsResource("panelId"), body: panelPreviewBody, cost: "preview",
    response: z.array(panelPreviewEventSchema).describe("Sent as application/x-ndjson: panel, then start/delta/done|error per member and round, then end"),
  }),
};
