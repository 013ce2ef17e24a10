import "server-only";
import { db } from "@/lib/db/client";
import type { ReviewQueue } from "@/lib/schemas/review";
import { toPanelRequest } from "@/lib/services/panels/panel-review";
import { mentionQueue } from "@/lib/services/review/mention-queue";
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
    mentionQueue(ctx),
    // Panel versions (issue 13 §1) are reviewed the same way.
    db.panelReviewRequest.findMany({ where: { workspaceId: ctx.workspaceId, reviewerId: me, status: "open" }, include: panelName, orderBy: { createdAt: "asc" } }),
    db.panelReviewRequest.findMany({ where: { workspaceId: ctx.workspaceId, requestedById: me, ...recent }, include: panelName, orderBy: { createdAt: "desc" } }),
  ]);
  return {
    awaitingMe: awaiting.map(toRequest), ...mentioned, requestedByMe: mine.map(toRequest),
    panelAwaitingMe: panelAwaiting.map(toPanelRequest), panelRequestedByMe: panelMine.map(toPanelRequest),
  };
}
