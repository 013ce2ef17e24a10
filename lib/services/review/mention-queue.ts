import "server-only";
import type { z } from "zod";
import { decodeCursor, encodeCursor, type KeyField } from "@/lib/db/keyset";
import { db } from "@/lib/db/client";
import { countOpenThreadMentions, openThreadMentions } from "@/lib/db/mention-index";
import { MENTIONS_PAGE, type listMentionsQuery, type ReviewQueue } from "@/lib/schemas/review";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// "Open threads that mention me": one entry per thread (its newest mention of
// me), newest first, read through the CommentMention index (lib/db/mention-index)
// a page at a time. The review queue carries the first page, how many there are
// in all and the cursor of the next; "Show older" pages on with listMentions —
// before, a LIKE over every comment kept the newest 200 and dropped the rest.

type MentionItem = ReviewQueue["mentions"][number];
type MentionPage = { items: MentionItem[]; nextCursor: string | null };

const KEYS: KeyField[] = [{ field: "createdAt", dir: "desc", type: "date" }, { field: "commentId", dir: "desc", type: "string" }];

/** The queue's part: the first page, the total and the next page's cursor. */
export async function mentionQueue(ctx: WorkspaceContext): Promise<Pick<ReviewQueue, "mentions" | "mentionsTotal" | "mentionsNextCursor">> {
  const [first, total] = await Promise.all([listMentions(ctx, { limit: MENTIONS_PAGE }), countOpenThreadMentions(ctx.workspaceId, ctx.userId)]);
  return { mentions: first.items, mentionsTotal: total, mentionsNextCursor: first.nextCursor };
}

/** One page of the open threads that mention me; a malformed cursor is a 422 naming `cursor`. */
export async function listMentions(ctx: WorkspaceContext, q: Pick<z.output<typeof listMentionsQuery>, "limit" | "cursor">): Promise<MentionPage> {
  const after = q.cursor ? decodeCursor("mentions", KEYS, q.cursor) : null;
  const rows = await openThreadMentions(ctx.workspaceId, ctx.userId, q.limit + 1, after ? { createdAt: after[0] as Date, commentId: after[1] as string } : undefined);
  const page = rows.slice(0, q.limit);
  const nextCursor = rows.length > q.limit ? encodeCursor("mentions", KEYS, page[page.length - 1]) : null;
  return { items: await toItems(ctx.workspaceId, page.map((r) => r.commentId)), nextCursor };
}

async function toItems(workspaceId: string, commentIds: string[]): Promise<MentionItem[]> {
  if (!commentIds.length) return [];
  const rows = await db.comment.findMany({ where: { id: { in: commentIds }, workspaceId }, include: { persona: { select: { name: true } } } });
  const byId = new Map(rows.map((c) => [c.id, c]));
  const panelIds = [...new Set(rows.map((c) => c.panelId).filter((id): id is string => !!id))];
  const panels = new Map((panelIds.length ? await db.panel.findMany({ where: { id: { in: panelIds }, workspaceId }, select: { id: true, name: true } }) : []).map((p) => [p.id, p]));
  return commentIds.flatMap((id) => {
    const c = byId.get(id);
    if (!c) return [];
    return [{
      threadId: c.parentId ?? c.id, commentId: c.id, personaId: c.personaId, personaName: c.persona.name,
      panel: c.panelId ? panels.get(c.panelId) ?? null : null,
      anchor: { kind: c.anchorKind as "persona", key: c.anchorKey, label: c.anchorLabel, version: c.versionNumber },
      excerpt: c.body.length > 160 ? `${c.body.slice(0, 159)}…` : c.body,
      author: { id: c.authorId, name: c.authorName }, createdAt: c.createdAt.toISOString(),
    }];
  });
}
