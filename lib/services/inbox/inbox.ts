import "server-only";
import { db } from "@/lib/db/client";
import type { Inbox, Notification } from "@/lib/schemas/invitation";
import { pendingWhere } from "@/lib/services/invitations/invitations";
import { addressConfirmed, toView } from "@/lib/services/invitations/respond";
import { toPanelRequest } from "@/lib/services/panels/panel-review";
import { toRequest } from "@/lib/services/review/review";
import type { UserContext } from "@/lib/services/workspaces/access";

// One inbox across every workspace (issue 16 §7): invitations to my address,
// open review requests (of persona and panel versions) addressed to me in
// workspaces I still belong to, and my
// in-app notices (unread first). What a designer sees first after signing in.

const READ_SHOWN = 20;

function toNotification(n: { id: string; kind: string; workspaceId: string | null; summary: string; href: string; data: string; readAt: Date | null; createdAt: Date }): Notification {
  let reason: string | null = null;
  try {
    const data = JSON.parse(n.data) as { reason?: unknown };
    reason = typeof data.reason === "string" ? data.reason : null;
  } catch { /* a notice without data */ }
  return {
    id: n.id, kind: n.kind as Notification["kind"], workspaceId: n.workspaceId, summary: n.summary, href: n.href, reason,
    readAt: n.readAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString(),
  };
}

export async function getInbox(user: UserContext): Promise<Inbox> {
  const email = user.email.trim().toLowerCase();
  const memberships = await db.membership.findMany({ where: { userId: user.userId }, select: { workspaceId: true, workspace: { select: { name: true } } } });
  const names = new Map(memberships.map((m) => [m.workspaceId, m.workspace.name]));
  // Notices about a workspace I have left say nothing to me any more (persona names, reasons).
  const mine = { userId: user.userId, OR: [{ workspaceId: null }, { workspaceId: { in: [...names.keys()] } }] };
  const inMyWorkspaces = { reviewerId: user.userId, status: "open", workspaceId: { in: [...names.keys()] } };
  const [invitations, requests, panelRequests, unread, read, confirmed] = await Promise.all([
    db.invitation.findMany({ where: { email, ...pendingWhere() }, include: { workspace: { select: { name: true } } }, orderBy: { createdAt: "desc" } }),
    db.reviewRequest.findMany({ where: inMyWorkspaces, include: { persona: { select: { name: true } } }, orderBy: { createdAt: "asc" } }),
    db.panelReviewRequest.findMany({ where: inMyWorkspaces, include: { panel: { select: { name: true } } }, orderBy: { createdAt: "asc" } }),
    db.notification.findMany({ where: { ...mine, readAt: null }, orderBy: { createdAt: "desc" }, take: 200 }),
    db.notification.findMany({ where: { ...mine, readAt: { not: null } }, orderBy: { createdAt: "desc" }, take: READ_SHOWN }),
    addressConfirmed(user),
  ]);
  // An invitation to a workspace I already belong to asks nothing of me.
  const open = invitations.filter((i) => !names.has(i.workspaceId));
  return {
    invitations: open.map((i) => toView(i, user)),
    addressConfirmed: confirmed,
    reviewRequests: requests.map((r) => ({ ...toRequest(r), workspaceId: r.workspaceId, workspaceName: names.get(r.workspaceId) ?? "" })),
    panelReviewRequests: panelRequests.map((r) => ({ ...toPanelRequest(r), workspaceId: r.workspaceId, workspaceName: names.get(r.workspaceId) ?? "" })),
    notifications: [...unread, ...read].map(toNotification),
    unread: open.length + requests.length + panelRequests.length + unread.length,
  };
}

/** Marks my notices read: the ones named, or all. Someone else's ids are simply not mine to mark. */
export async function markNotificationsRead(user: UserContext, input: { ids?: string[] }): Promise<{ marked: number }> {
  const { count } = await db.notification.updateMany({
    where: { userId: user.userId, readAt: null, ...(input.ids ? { id: { in: input.ids } } : {}) },
    data: { readAt: new Date() },
  });
  return { marked: count };
}
