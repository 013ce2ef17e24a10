import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { idParam, wsParams, wsResource } from "@/lib/http/params";
import {
  acceptResultSchema, inboxSchema, invitationSchema, invitationTokenParam, invitationViewSchema, inviteMemberBody, inviteResultSchema,
  readNotificationsBody,
} from "@/lib/schemas/invitation";

// Invitations and the inbox (issue 16 §7). Owners invite and withdraw; the
// invitee — any signed-in account whose email is the invited address — opens
// the link (token) or the inbox entry (id) and accepts or declines.

const W = "/api/workspaces/{workspaceId}";
const token = z.object({ token: invitationTokenParam });
const invitation = z.object({ invitationId: idParam });

export const invitationOps = {
  inviteMember: defineOperation({ id: "inviteMember", method: "POST", path: `${W}/invitations`, tag: "Members", summary: "Invite someone by email: they join only when they accept. The answer is the same whether or not the address has an account", auth: "workspace", role: "owner", params: wsParams, body: inviteMemberBody, response: inviteResultSchema, status: 201, idempotent: true }),
  listInvitations: defineOperation({ id: "listInvitations", method: "GET", path: `${W}/invitations`, tag: "Members", summary: "Pending invitations (not yet accepted, declined, withdrawn or expired)", auth: "workspace", role: "owner", params: wsParams, response: z.array(invitationSchema) }),
  revokeInvitation: defineOperation({ id: "revokeInvitation", method: "DELETE", path: `${W}/invitations/{invitationId}`, tag: "Members", summary: "Withdraw a pending invitation; its link stops working", auth: "workspace", role: "owner", params: wsResource("invitationId"), response: z.null() }),

  getInvitation: defineOperation({ id: "getInvitation", method: "GET", path: "/api/invitations/{token}", tag: "Invitations", summary: "An invitation by its link: workspace, inviter, role and whether it is for the signed-in account", auth: "user", params: token, response: invitationViewSchema }),
  acceptInvitation: defineOperation({ id: "acceptInvitation", method: "POST", path: "/api/invitations/{token}/accept", tag: "Invitations", summary: "Accept an invitation by its link (the signed-in account's email must be the invited one); accepting again is fine", auth: "user", params: token, response: acceptResultSchema }),
  declineInvitation: defineOperation({ id: "declineInvitation", method: "POST", path: "/api/invitations/{token}/decline", tag: "Invitations", summary: "Decline an invitation by its link", auth: "user", params: token, response: invitationViewSchema }),
  acceptMyInvitation: defineOperation({ id: "acceptMyInvitation", method: "POST", path: "/api/me/invitations/{invitationId}/accept", tag: "Invitations", summary: "Accept an invitation to my email from the inbox", auth: "user", params: invitation, response: acceptResultSchema }),
  declineMyInvitation: defineOperation({ id: "declineMyInvitation", method: "POST", path: "/api/me/invitations/{invitationId}/decline", tag: "Invitations", summary: "Decline an invitation to my email from the inbox", auth: "user", params: invitation, response: invitationViewSchema }),

  inbox: defineOperation({ id: "getInbox", method: "GET", path: "/api/me/inbox", tag: "Account", summary: "My inbox across every workspace: invitations to my email, open review requests addressed to me, notices", auth: "user", response: inboxSchema }),
  readNotifications: defineOperation({ id: "readNotifications", method: "POST", path: "/api/me/notifications/read", tag: "Account", summary: "Mark notices read (the ids given, or all)", auth: "user", body: readNotificationsBody, response: z.object({ marked: z.number().int() }) }),
};
