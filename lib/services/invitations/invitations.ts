import "server-only";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { invitationMessage } from "@/lib/mail/messages";
import { sendMailLater } from "@/lib/mail/mailer";
import { INVITATION_DAYS, type Invitation, type InviteResult } from "@/lib/schemas/invitation";
import type { Role } from "@/lib/schemas/workspace";
import { studioUrl } from "@/lib/services/inbox/notify";
import { hashShareToken, newShareToken } from "@/lib/services/sharing/tokens";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// The owner's side of invitations. Inviting answers the same whether or not the
// address has an account (the form must not reveal who uses the studio); the
// invitee joins only by accepting (lib/services/invitations/respond.ts).
// Only the SHA-256 of the accept token is stored: the link exists in the mail
// and in the owner's answer, never in the database.

const DAY_MS = 24 * 3600_000;

type Row = { id: string; email: string; role: string; invitedByName: string; createdAt: Date; expiresAt: Date };

export function toInvitation(r: Row): Invitation {
  return { id: r.id, email: r.email, role: r.role as Role, invitedBy: r.invitedByName, createdAt: r.createdAt.toISOString(), expiresAt: r.expiresAt.toISOString() };
}

/** Still answerable: neither accepted, declined nor revoked, and not expired. */
export const pendingWhere = (now = new Date()) => ({ acceptedAt: null, declinedAt: null, revokedAt: null, expiresAt: { gt: now } });

export async function inviteMember(ctx: WorkspaceContext, input: { email: string; role: Role }): Promise<InviteResult> {
  const email = input.email.trim().toLowerCase();
  // Owners see every member's email on the members page, so saying "already a member" reveals nothing new.
  const member = await db.membership.findFirst({ where: { workspaceId: ctx.workspaceId, user: { email } }, select: { id: true } });
  if (member) throw new AppError("conflict", `${email} is already a member of this workspace`, { field: "email" });

  const token = newShareToken();
  const now = new Date();
  const data = {
    role: input.role, tokenHash: hashShareToken(token), invitedById: ctx.userId, invitedByName: ctx.userName,
    expiresAt: new Date(now.getTime() + INVITATION_DAYS * DAY_MS),
  };
  // Inviting a pending address again refreshes that invitation (new link, role and expiry): one row per person.
  const pending = await db.invitation.findFirst({ where: { workspaceId: ctx.workspaceId, email, ...pendingWhere(now) }, select: { id: true } });
  const row = pending
    ? await db.invitation.update({ where: { id: pending.id }, data: { ...data, createdAt: now } })
    : await db.invitation.create({ data: { ...data, workspaceId: ctx.workspaceId, email } });

  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: ctx.workspaceId }, select: { name: true } });
  const base = studioUrl();
  sendMailLater([{ to: email, kind: "invitation", ...invitationMessage(base, { inviter: ctx.userName, workspace: workspace.name, role: input.role, token, days: INVITATION_DAYS }) }]);
  return { message: `Invitation sent to ${email}`, invitation: toInvitation(row), link: `${base}/invite/${token}` };
}

export async function listInvitations(ctx: WorkspaceContext): Promise<Invitation[]> {
  const rows = await db.invitation.findMany({ where: { workspaceId: ctx.workspaceId, ...pendingWhere() }, orderBy: { createdAt: "desc" } });
  return rows.map(toInvitation);
}

/** Withdraws a pending invitation; its link stops working at once. */
export async function revokeInvitation(ctx: WorkspaceContext, invitationId: string): Promise<void> {
  const { count } = await db.invitation.updateMany({
    where: { id: invitationId, workspaceId: ctx.workspaceId, ...pendingWhere() },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound("Invitation");
}
