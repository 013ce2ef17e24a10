import { z } from "zod";
import { panelReviewRequestSchema, reviewRequestSchema } from "@/lib/schemas/review";
import { roleSchema } from "@/lib/schemas/workspace";

// Invitations (issue 16 §7): an owner invites an address, the person behind it
// accepts or declines. Nobody joins a workspace without consenting, and the
// owner's answer never says whether the address has an account.

export const INVITATION_DAYS = 7;

/** 32 random bytes as base64url: 43 characters. Anything else in the path is simply "not found". */
export const invitationTokenParam = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const inviteMemberBody = z.object({
  email: z.email("Enter an email address").transform((e) => e.trim().toLowerCase()).describe("Normalised to lower case"),
  role: roleSchema.describe("The role the invitee gets on accepting"),
});

/** A pending invitation as its workspace's owners see it. */
export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  invitedBy: z.string().describe("The inviter's name"),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type Invitation = z.infer<typeof invitationSchema>;

export const inviteResultSchema = z.object({
  message: z.string().describe("The same words whether or not the address has an account"),
  invitation: invitationSchema,
  link: z.string().describe("The accept link, for the owner to pass on in their own words (only its hash is stored; it is shown once)"),
});
export type InviteResult = z.infer<typeof inviteResultSchema>;

export const INVITATION_STATES = ["pending", "accepted", "declined", "revoked", "expired"] as const;

/** What the invitee sees: on the /invite/{token} page and in their inbox. */
export const invitationViewSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  workspaceName: z.string(),
  invitedBy: z.string(),
  role: roleSchema,
  email: z.string(),
  state: z.enum(INVITATION_STATES),
  expiresAt: z.string(),
  createdAt: z.string(),
  forYou: z.boolean().describe("Whether the signed-in account's email is the invited address"),
});
export type InvitationView = z.infer<typeof invitationViewSchema>;

export const acceptResultSchema = z.object({
  workspaceId: z.string(),
  memberId: z.string(),
  role: roleSchema,
});
export type AcceptResult = z.infer<typeof acceptResultSchema>;

export const NOTIFICATION_KINDS = ["review_requested", "mention", "decision", "invitation"] as const;

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  workspaceId: z.string().nullable(),
  summary: z.string(),
  href: z.string(),
  reason: z.string().nullable().describe("A decision's note (why changes were requested), a mention's excerpt"),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const inboxSchema = z.object({
  invitations: z.array(invitationViewSchema).describe("Pending invitations to the signed-in account's email"),
  addressConfirmed: z.boolean()
    .describe("Whether invitations can be answered from the inbox: the account's address is confirmed (a mailed link), or the studio sends no mail"),
  reviewRequests: z.array(reviewRequestSchema.extend({ workspaceId: z.string(), workspaceName: z.string() }))
    .describe("Open review requests addressed to me, in every workspace I belong to"),
  panelReviewRequests: z.array(panelReviewRequestSchema.extend({ workspaceId: z.string(), workspaceName: z.string() }))
    .describe("Open panel review requests addressed to me, in every workspace I belong to"),
  notifications: z.array(notificationSchema).describe("Unread notices first, then the last read ones (newest first)"),
  unread: z.number().int().describe("Pending invitations + open requests (persona and panel) + unread notices"),
});
export type Inbox = z.infer<typeof inboxSchema>;

export const readNotificationsBody = z.object({
  ids: z.array(z.string().min(1).max(64)).max(200).optional().describe("Omit to mark every notice read"),
});
