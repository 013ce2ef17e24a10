import "server-only";
import { db } from "@/lib/db/client";
import type { ReviewQueue } from "@/lib/schemas/review";
import { toPanelRequest } from "@/lib/services/panels/panel-review";
import { toRequest } from "@/lib/services/review/review";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// "What awaits me": open review requests addressed to me, and open threads in
// which someone mentioned me; "what I requested": my open requests and those
// decided in the last 30 days (so I see the answer).

const RECENT_MS = 30 * 24 * 3600_000;
const personaName = { persona: { select: { name: true } } } as const;

export async function reviewQueue(ctx: WorkspaceContext): Promise<ReviewQueue> {
  const me = ctx.userId;
  const recent = { OR: [{ status: "open" }, { decidedAt: { gte: new Date(Date.now() - RECENT_MS) } }] };
  const panelName = { panel: { select: { name: true } } } as const;
  const [awaiting, mine, mentioned, panelAwaiting, panelMine] = await Promise.all([
    db.reviewRequest.findMany({ where: { workspaceId: ctx.workspaceId, reviewerId: me, status: "open" }, include: personaName, orderBy: { createdAt: "asc" } }),
    db.reviewRequest.findMany({
      where: { workspaceId: ctx.workspaceId, requestedById: me, OR: [{ status: "open" }, { decidedAt: { gte: new Date(Date.now() - RECENT_MS) } }] },
      include: personaName, orderBy: { createdAt: "desc" },
    }),
    // Mentions are stored as a JSON array of user ids; ids are cuid-like, so the quoted id cannot match a substring of another.
    db.comment.findMany({
      where: { workspaceId: ctx.workspaceId, mentions: { contains: JSON.stringify(me) } },
      include: personaName, orderBy: { createdAt: "desc" }, take: 200,
    }),
    // Panel versions (issue 13 §1) are reviewed the same way.
    db.panelReviewRequest.findMany({ where: { workspaceId: ctx.workspaceId, reviewerId: me, status: "open" }, include: panelName, orderBy: { createdAt: "asc" } }),
    db.panelReviewRequest.findMany({ where: { workspaceId: ctx.workspaceId, requestedById: me, ...recent }, include: panelName, orderBy: { createdAt: "desc" } }),
  ]);
  const threadIds = [...new Set(mentioned.map((c) => c.parentId ?? c.id))];
  const open = new Set((await db.comment.findMany({ where: { id: { in: threadIds }, resolvedAt: null }, select: { id: true } })).map((t) => t.id));
  const seen = new Set<string>();
  const panelIds = [...new Set(mentioned.map((c) => c.panelId).filter((id): id is string => !!id))];
  const panels = new Map((panelIds.length ? await db.panel.findMany({ where: { id: { in: panelIds }, workspaceId: ctx.workspaceId }, select: { id: true, name: true } }) : []).map((p) => [p.id, p]));
  const mentions = mentioned
    .filter((c) => open.has(c.parentId ?? c.id) && !seen.has(c.parentId ?? c.id) && seen.add(c.parentId ?? c.id))
    .map((c) => ({
      threadId: c.parentId ?? c.id, commentId: c.id, personaId: c.personaId, personaName: c.persona.name,
      panel: c.panelId ? panels.get(c.panelId) ?? null : null,
      anchor: { kind: c.anchorKind as "persona", key: c.anchorKey, label: c.anchorLabel, version: c.versionNumber },
      excerpt: c.body.length > 160 ? `${c.body.slice(0, 159)}…` : c.body,
      author: { id: c.authorId, name: c.authorName }, createdAt: c.createdAt.toISOString(),
    }));
  return {
    awaitingMe: awaiting.map(toRequest), mentions, requestedByMe: mine.map(toRequest),
    panelAwaitingMe: panelAwaiting.map(toPanelRequest), panelRequestedByMe: panelMine.map(toPanelRequest),
  };
}
