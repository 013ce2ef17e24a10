import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { idParam, wsResource } from "@/lib/http/params";
import {
  createdPanelShareSchema, createPanelCommentBody, createPanelShareBody, listPanelCommentsQuery, panelSessionSchema,
  panelSessionSummarySchema, panelShareLinkSchema,
} from "@/lib/schemas/panel-session";
import { commentSchema, commentThreadSchema, resolveCommentBody } from "@/lib/schemas/review";

// Recorded panel previews, a panel's comments and its share links (issue 13 §1, §3).
// Roles follow the persona ones: every member reads; reviewers comment and
// resolve (editing or deleting one's own comment is the workspace-level comment
// route); deleting a recording and making or revoking a share link is editing
// the panel (editor). Another workspace's panel is not found.

const panel = wsResource("panelId");
const session = panel.extend({ sessionId: idParam });
const comment = panel.extend({ commentId: idParam });
const share = panel.extend({ shareId: idParam });
const PN = "/api/workspaces/{workspaceId}/panels/{panelId}";

export const panelSessionOps = {
  listPanelSessions: defineOperation({ id: "listPanelSessions", method: "GET", path: `${PN}/sessions`, tag: "Panels", summary: "Recorded panel previews, newest first", auth: "workspace", role: "viewer", params: panel, response: z.array(panelSessionSummarySchema) }),
  getPanelSession: defineOperation({ id: "getPanelSession", method: "GET", path: `${PN}/sessions/{sessionId}`, tag: "Panels", summary: "A recorded panel preview: the question and every member's answer per round", auth: "workspace", role: "viewer", params: session, response: panelSessionSchema }),
  deletePanelSession: defineOperation({ id: "deletePanelSession", method: "DELETE", path: `${PN}/sessions/{sessionId}`, tag: "Panels", summary: "Delete a recorded preview and the comment threads on its answers", auth: "workspace", role: "editor", params: session, response: z.null() }),

  listPanelComments: defineOperation({ id: "listPanelComments", method: "GET", path: `${PN}/comments`, tag: "Panels", summary: "Comment threads of a panel (on recorded answers and on members), oldest first", auth: "workspace", role: "viewer", params: panel, query: listPanelCommentsQuery, response: z.array(commentThreadSchema) }),
  createPanelComment: defineOperation({ id: "createPanelComment", method: "POST", path: `${PN}/comments`, tag: "Panels", summary: "Start a thread on a recorded answer or a member — or reply to one", auth: "workspace", role: "reviewer", params: panel, body: createPanelCommentBody, response: commentSchema, status: 201, idempotent: true }),
  resolvePanelComment: defineOperation({ id: "resolvePanelComment", method: "POST", path: `${PN}/comments/{commentId}/resolve`, tag: "Panels", summary: "Resolve or reopen one of the panel's threads", auth: "workspace", role: "reviewer", params: comment, body: resolveCommentBody, response: commentThreadSchema }),

  listPanelShares: defineOperation({ id: "listPanelShareLinks", method: "GET", path: `${PN}/shares`, tag: "Sharing", summary: "Share links of a panel with creation and last access", auth: "workspace", role: "viewer", params: panel, response: z.array(panelShareLinkSchema) }),
  createPanelShare: defineOperation({ id: "createPanelShareLink", method: "POST", path: `${PN}/shares`, tag: "Sharing", summary: "Create a read-only link to the panel and its latest final report (the token is returned once)", auth: "workspace", role: "editor", params: panel, body: createPanelShareBody, response: createdPanelShareSchema, status: 201 }),
  revokePanelShare: defineOperation({ id: "revokePanelShareLink", method: "POST", path: `${PN}/shares/{shareId}/revoke`, tag: "Sharing", summary: "Revoke a panel's link; it stops working at once", auth: "workspace", role: "editor", params: share, response: panelShareLinkSchema }),
};
