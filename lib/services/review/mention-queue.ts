import "server-only";
import { db } from "@/lib/db/client";
import { QUEUE_MENTIONS_LISTED, type ReviewQueue } from "@/lib/schemas/review";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// "Open threads that mention me", read through CommentMention's index on
// (workspaceId, userId, createdAt) joined to each thread's root, so the cost is
// my own open mentions, not every comment of the workspace. One entry per thread
// (its newest mention of me); the newest QUEUE_MENTIONS_LISTED threads are listed,
// the rest counted per persona or panel — a busy reviewer sees how many are left
// and where, instead of older mentions silently falling off the end.

type MentionsPart = Pick<ReviewQueue, "mentions" | "mentionsTotal" | "moreMentions">;
type Place = { personaId: string; panelId: string | null };

export async function mentionQueue(ctx: WorkspaceContext): Promise<MentionsPart> {
  const rows = await db.commentMention.findMany({
    where: { workspaceId: ctx.workspaceId, userId: ctx.userId, thread: { resolvedAt: null } },
    orderBy: [{ createdAt: "desc" }, { commentId: "desc" }],
    select: { threadId: true, commentId: true, thread: { select: { personaId: true, panelId: true } } },
  });
  const newest = new Map<string, { commentId: string; place: Place }>();
  for (const r of rows) if (!newest.has(r.threadId)) newest.set(r.threadId, { commentId: r.commentId, place: r.thread });
  const threads = [...newest.values()];
  const listed = threads.slice(0, QUEUE_MENTIONS_LISTED);
  const rest = threads.slice(QUEUE_MENTIONS_LISTED);

  const comments = new Map((listed.length
    ? await db.comment.findMany({ where: { id: { in: listed.map((t) => t.commentId) }, workspaceId: ctx.workspaceId }, include: { persona: { select: { name: true } } } })
    : []).map((c) => [c.id, c]));
  const panels = await panelNames(ctx.workspaceId, threads.map((t) => t.place.panelId));
  const mentions = listed.flatMap(({ commentId }) => {
    const c = comments.get(commentId);
    if (!c) return [];
    return [{
      threadId: c.parentId ?? c.id, commentId: c.id, personaId: c.personaId, personaName: c.persona.name,
      panel: c.panelId ? panels.get(c.panelId) ?? null : null,
      anchor: { kind: c.anchorKind as "persona", key: c.anchorKey, label: c.anchorLabel, version: c.versionNumber },
      excerpt: c.body.length > 160 ? `${c.body.slice(0, 159)}…` : c.body,
      author: { id: c.authorId, name: c.authorName }, createdAt: c.createdAt.toISOString(),
    }];
  });
  return { mentions, mentionsTotal: threads.length, moreMentions: await countPerPlace(ctx.workspaceId, rest.map((t) => t.place), panels) };
}

async function panelNames(workspaceId: string, ids: (string | null)[]): Promise<Map<string, { id: string; name: string }>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return new Map();
  const rows = await db.panel.findMany({ where: { id: { in: wanted }, workspaceId }, select: { id: true, name: true } });
  return new Map(rows.map((p) => [p.id, p]));
}

/** The unlisted threads counted per panel (a panel's threads together) or persona, in the order of their newest mention. */
async function countPerPlace(workspaceId: string, places: Place[], panels: Map<string, { id: string; name: string }>): Promise<MentionsPart["moreMentions"]> {
  const groups = new Map<string, { personaId: string; panelId: string | null; threads: number }>();
  for (const p of places) {
    const key = p.panelId ? `panel:${p.panelId}` : `persona:${p.personaId}`;
    const g = groups.get(key);
    if (g) g.threads++;
    else groups.set(key, { ...p, threads: 1 });
  }
  if (!groups.size) return [];
  const personaIds = [...new Set([...groups.values()].map((g) => g.personaId))];
  const names = new Map((await db.persona.findMany({ where: { id: { in: personaIds }, workspaceId }, select: { id: true, name: true } })).map((p) => [p.id, p.name]));
  return [...groups.values()].map((g) => ({
    personaId: g.personaId, personaName: names.get(g.personaId) ?? "",
    panel: g.panelId ? panels.get(g.panelId) ?? null : null, threads: g.threads,
  }));
}
