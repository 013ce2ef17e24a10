import { defineOperation } from "@/lib/http/operation";
import { wsResource } from "@/lib/http/params";
import { spreadSeatsBody, spreadSeatsResultSchema } from "@/lib/schemas/panel-seats";

// "Spread seats" (issue 13 §2). Editors: it proposes seats for the panel they
// edit; nothing is saved (the page saves the kept plan with PATCH).

export const panelSeatOps = {
  spreadSeats: defineOperation({
    id: "spreadSeats", method: "POST", path: "/api/workspaces/{workspaceId}/panels/{panelId}/spread-seats", tag: "Panels",
    summary: "Propose seats: the single-model plan (every member on the workspace default) and a routed plan across the workspace's providers — spread evenly, providers first, a polarity pair never on one provider when another is free — each seat explained. Saves nothing",
    auth: "workspace", role: "editor", params: wsResource("panelId"), body: spreadSeatsBody, response: spreadSeatsResultSchema,
  }),
};
