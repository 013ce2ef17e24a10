import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { personaParams, wsResource } from "@/lib/http/params";
import { sharedPanelBundleSchema } from "@/lib/schemas/panel-session";
import { conversationIndexParam } from "@/lib/http/probe-operations";
import { pressureConversationSchema } from "@/lib/schemas/pressure";
import { probeAnswerSchema } from "@/lib/schemas/probe";
import {
  createdShareSchema, createShareBody, shareBundleSchema, sharedAnswersQuery, shareLinkSchema, shareSamplesPlanSchema, shareSamplesQuery, shareTokenSchema,
} from "@/lib/schemas/share";

// Share links. Making and revoking one is editing the persona (editor or
// above); every member sees the list. The two public routes take the token as
// their only credential: a malformed, unknown, revoked or expired token is 404.

const persona = personaParams;
const share = wsResource("shareId");
const token = z.object({ token: shareTokenSchema });
const W = "/api/workspaces/{workspaceId}";

export const shareOps = {
  listShares: defineOperation({ id: "listShareLinks", method: "GET", path: `${W}/personas/{personaId}/shares`, tag: "Sharing", summary: "Share links of a persona with creation and last access", auth: "workspace", role: "viewer", params: persona, response: z.array(shareLinkSchema) }),
  createShare: defineOperation({ id: "createShareLink", method: "POST", path: `${W}/personas/{personaId}/shares`, tag: "Sharing", summary: "Create a read-only link (the token is returned once); with recordSamples, a version without sample answers has them recorded first", auth: "workspace", role: "editor", params: persona, body: createShareBody, response: createdShareSchema, status: 201, cost: "samples" }),
  shareSamplesPlan: defineOperation({ id: "getShareSamplesPlan", method: "GET", path: `${W}/personas/{personaId}/shares/samples`, tag: "Sharing", summary: "Before a link is made: whether the version it would show has sample answers, how many messages a recording would answer, on which provider and at what estimated cost", auth: "workspace", role: "editor", params: persona, query: shareSamplesQuery, response: shareSamplesPlanSchema }),
  revokeShare: defineOperation({ id: "revokeShareLink", method: "POST", path: `${W}/shares/{shareId}/revoke`, tag: "Sharing", summary: "Revoke a link; it stops working at once", auth: "workspace", role: "editor", params: share, response: shareLinkSchema }),
  openShare: defineOperation({ id: "openShare", method: "GET", path: "/api/share/{token}", tag: "Sharing", summary: "The shared bundle (no login; the token is the credential)", auth: "public", params: token, response: shareBundleSchema }),
  openPanelShare: defineOperation({ id: "openPanelShare", method: "GET", path: "/api/share/{token}/panel", tag: "Sharing", summary: "A shared panel: members, seats, declared opposites, the latest final panel report and, with comments, the latest recorded preview (no login; a persona's link is 404 here, a panel's is 404 at /api/share/{token})", auth: "public", params: token, response: sharedPanelBundleSchema }),
  sharedConversation: defineOperation({ id: "getSharedPressureConversation", method: "GET", path: "/api/share/{token}/conversations/{index}", tag: "Sharing", summary: "A pressure conversation of the shared report's run, as a chat (no login; 404 when that run has no such conversation)", auth: "public", params: token.extend({ index: conversationIndexParam }), response: pressureConversationSchema }),
  sharedAnswers: defineOperation({ id: "listSharedAnswers", method: "GET", path: "/api/share/{token}/answers", tag: "Sharing", summary: "Answers behind the shared report (drill-down, flag evidence)", auth: "public", params: token, query: sharedAnswersQuery, response: z.array(probeAnswerSchema) }),
};
