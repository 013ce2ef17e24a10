import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { idParam, wsResource } from "@/lib/http/params";
import {
  decidePanelBody, panelDecisionResultSchema, panelReviewRequestSchema, panelReviewsSchema, panelVersionReviewSchema,
  requestPanelReviewBody,
} from "@/lib/schemas/panel-review";

// Panel review (issue 13 §1), with the persona review's roles: every member
// reads; asking for a review is editing the panel (editor); deciding needs
// reviewer or above; withdrawing a request is for whoever asked or an editor
// (the service checks the requester). Another workspace's panel is not found.

const panel = wsResource("panelId");
const version = panel.extend({ number: z.coerce.number().int().min(1) });
const request = panel.extend({ requestId: idParam });
const R = "/api/workspaces/{workspaceId}/panels/{panelId}/reviews";

export const panelReviewOps = {
  listPanelReviews: defineOperation({ id: "listPanelReviews", method: "GET", path: R, tag: "Panels", summary: "Review requests and decisions of every panel version that has any, newest version first", auth: "workspace", role: "viewer", params: panel, response: panelReviewsSchema }),
  requestPanelReview: defineOperation({ id: "requestPanelReview", method: "POST", path: R, tag: "Panels", summary: "Ask members (reviewer or above) to review a saved panel version", auth: "workspace", role: "editor", params: panel, body: requestPanelReviewBody, response: z.array(panelReviewRequestSchema), status: 201, idempotent: true }),
  getPanelVersionReview: defineOperation({ id: "getPanelVersionReview", method: "GET", path: `${R}/versions/{number}`, tag: "Panels", summary: "Review state of a panel version: its latest final panel probe and flags, policy warnings or blockers, requests and decisions", auth: "workspace", role: "viewer", params: version, response: panelVersionReviewSchema }),
  decidePanelVersion: defineOperation({ id: "decidePanelVersion", method: "POST", path: `${R}/versions/{number}/decision`, tag: "Panels", summary: "Approve a panel version or request changes on it (409 under the block policy while its latest final panel probe has open flags)", auth: "workspace", role: "reviewer", params: version, body: decidePanelBody, response: panelDecisionResultSchema, status: 201, idempotent: true }),
  withdrawPanelReviewRequest: defineOperation({ id: "withdrawPanelReviewRequest", method: "POST", path: `${R}/requests/{requestId}/withdraw`, tag: "Panels", summary: "Withdraw an open review request (whoever asked, or an editor)", auth: "workspace", role: "reviewer", params: request, response: panelReviewRequestSchema }),
};
