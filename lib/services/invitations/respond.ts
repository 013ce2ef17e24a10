import "server-only";
import type { Invitation as Row } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { mailConfigured } from "@/lib/mail/mailer";
import type { AcceptResult, InvitationView } from "@/lib/schemas/invitation";
import type { Role } from "@/lib/schemas/workspace";
import { hashShareToken, tokenMatches } from "@/lib/services/sharing/tokens";
import type { UserContext } from "@/lib/services/workspaces/access";

// The invitee's side: open an invitation by its link (token) or from the inbox
// (id, for the invited address only), then accept or decline. Accepting writes
// the invitation and the membership in one transaction; accepting twice, or
// while already a member, is fine and answers the same membership.
//
// Whoever signs up may type any address, so with mail configured the inbox
// answers an invitation only for a confirmed address (a link mailed to it:
// better-auth's email verification, lib/auth/auth.ts); otherwise someone who
// registered a colleague's address first could join in their place. The
// invitation's own link proves the mailbox too, so accepting by it confirms the
// address. Without mail nothing can be confirmed, and the inbox answers for the
// address as signed up (the README says so).

type WithWorkspace = Row & { workspace: { name: string } };

const include = { workspace: { select: { name: true } } } as const;

function stateOf(r: Row, now = new Date()): InvitationView["state"] {
  if (r.acceptedAt) return "accepted";
  if (r.declinedAt) return "declined";
  if (r.revokedAt) return "revoked";
  return r.expiresAt <= now ? "expired" : "pending";
}

const forUser = (r: Row, user: UserContext) => r.email === user.email.trim().toLowerCase();

export function toView(r: WithWorkspace, user: UserContext): InvitationView {
  return {
    id: r.id, workspaceId: r.workspaceId, workspaceName: r.workspace.name, invitedBy: r.invitedByName, role: r.role as Role,
    email: r.email, state: stateOf(r), expiresAt: r.expiresAt.toISOString(), createdAt: r.createdAt.toISOString(), forYou: forUser(r, user),
  };
}

async function byToken(token: string): Promise<WithWorkspace> {
  const hash = hashShareToken(token);
  const row = await db.invitation.findUnique({ where: { tokenHash: hash }, include });
  if (!tokenMatches(hash, row?.tokenHash ?? null) || !row) throw notFound("Invitation");
  return row;
}

/** From the inbox: an invitation is addressed by id only to the account whose email it names; to anyone else it does not exist. */
async function byId(user: UserContext, id: string): Promise<WithWorkspace> {
  const row = await db.invitation.findFirst({ where: { id, email: user.email.trim().toLowerCase() }, include });
  if (!row) throw notFound("Invitation");
  return row;
}

export const viewInvitation = async (user: UserContext, token: string) => toView(await byToken(token), user);

function assertForUser(r: Row, user: UserContext) {
  if (!forUser(r, user)) {
    throw new AppError("forbidden", `This invitation was sent to another email address. You are signed in as ${user.email}: sign out and sign in (or sign up) with the invited address to accept it.`);
  }
}

const CLOSED: Record<Exclude<InvitationView["state"], "pending" | "accepted">, string> = {
  declined: "You declined this invitation; ask an owner of the workspace to invite you again",
  revoked: "This invitation was withdrawn by the workspace's owners",
  expired: "This invitation has expired; ask an owner of the workspace to invite you again",
};

async function accept(user: UserContext, r: WithWorkspace): Promise<AcceptResult> {
  assertForUser(r, user);
  const state = stateOf(r);
  if (state !== "pending" && state !== "accepted") throw new AppError("conflict", CLOSED[state]);
  return db.$transaction(async (tx) => {
    const existing = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: r.workspaceId, userId: user.userId } } });
    if (state === "accepted") {
      // Accepted before (a second click, another tab): the same membership, or — if they left since — nothing to reuse.
      if (!existing) throw new AppError("conflict", "This invitation was already used; ask an owner of the workspace to invite you again");
      return { workspaceId: r.workspaceId, memberId: existing.id, role: existing.role as Role };
    }
    // Only a still-pending row is claimed: a concurrent revoke or accept makes this a no-op that the count reveals.
    const { count } = await tx.invitation.updateMany({
      where: { id: r.id, acceptedAt: null, declinedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date(), acceptedById: user.userId },
    });
    if (count === 0 && !existing) throw new AppError("conflict", "This invitation is no longer open; ask an owner of the workspace to invite you again");
    const membership = existing ?? await tx.membership.create({ data: { workspaceId: r.workspaceId, userId: user.userId, role: r.role } });
    return { workspaceId: r.workspaceId, memberId: membership.id, role: membership.role as Role };
  });
}

async function decline(user: UserContext, r: WithWorkspace): Promise<InvitationView> {
  assertForUser(r, user);
  const state = stateOf(r);
  if (state === "accepted") throw new AppError("conflict", "You already accepted this invitation; leave the workspace from its settings instead");
  if (state === "pending") await db.invitation.updateMany({ where: { id: r.id, acceptedAt: null, declinedAt: null }, data: { declinedAt: new Date() } });
  return toView(await db.invitation.findUniqueOrThrow({ where: { id: r.id }, include }), user);
}

/** Whether the inbox may answer invitations for this account: its address confirmed, or no mail to confirm it with. */
export async function addressConfirmed(user: UserContext): Promise<boolean> {
  if (!mailConfigured()) return true;
  const row = await db.user.findUnique({ where: { id: user.userId }, select: { emailVerified: true } });
  return row?.emailVerified === true;
}

async function assertAddressConfirmed(user: UserContext) {
  if (await addressConfirmed(user)) return;
  throw new AppError(
    "forbidden",
    `Confirm your email address first: open the link we mailed to ${user.email} (your inbox can send a new one), or the link in the invitation's own mail`,
  );
}

export async function acceptByToken(user: UserContext, token: string): Promise<AcceptResult> {
  const result = await accept(user, await byToken(token));
  // The link was mailed to this address (accept checked it is the account's): the mailbox is theirs.
  if (mailConfigured()) await db.user.updateMany({ where: { id: user.userId, emailVerified: false }, data: { emailVerified: true } });
  return result;
}

export const declineByToken = async (user: UserContext, token: string) => decline(user, await byToken(token));

export async function acceptById(user: UserContext, id: string): Promise<AcceptResult> {
  const row = await byId(user, id);
  await assertAddressConfirmed(user);
  return accept(user, row);
}

export async function declineById(user: UserContext, id: string): Promise<InvitationView> {
  const row = await byId(user, id);
  await assertAddressConfirmed(user);
  return decline(user, row);
}
