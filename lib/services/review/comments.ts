import "server-only";
import type { z } from "zod";
import type { Comment as Row } from "@/generated/prisma/client";
import { orderByOf, pageOf, pageQuery, type KeyField } from "@/lib/db/keyset";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { findMentions } from "@/lib/review/mentions";
import { setCommentMentions } from "@/lib/services/review/comment-mentions";
import { noticeMentions, noticePanelMentions } from "@/lib/services/review/review-notices";
import { personaSpecSchema } from "@/lib/schemas/persona";
import type { Comment, CommentThread, createCommentBody, listCommentsQuery } from "@/lib/schemas/review";
import { FIELD_LABELS, fieldLabel } from "@/lib/persona/field-labels";
import { findTrait, humanizeTraitKey } from "@/lib/traits/catalog";
import { recordActivity } from "@/lib/services/activity/activity";
import { findPersonaRow } from "@/lib/services/personas/find-persona";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// Comments are threads anchored to what they are about: the persona, a version,
// a spec field, a trait in a report, or one recorded sample answer. The anchor
// is checked against the persona (a sample id from another persona is "not
// found"); mentions are resolved against the workspace's members at write time.

type CreateInput = z.output<typeof createCommentBody>;
type Anchor = NonNullable<CreateInput["anchor"]>;

// Keep the label table honest: every top-level spec field can be commented on.
for (const k of Object.keys(personaSpecSchema.shape)) if (!FIELD_LABELS[k]) throw new Error(`comments: no label for spec field ${k}`);

const excerpt = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

type StoredAnchor = { kind: Anchor["kind"] | PanelAnchorInput["kind"]; key: string; label: string; version: number | null };

/** Validates an anchor against the persona; returns what is stored. */
async function resolveAnchor(personaId: string, latestVersion: number, a: Anchor): Promise<StoredAnchor> {
  const versionExists = (v: number | null) => v === null || (v >= 1 && v <= latestVersion);
  if (!versionExists(a.version)) throw new AppError("validation", `Version ${a.version} does not exist`, { field: "anchor.version" });
  switch (a.kind) {
    case "persona":
      return { kind: a.kind, key: "", label: "General", version: a.version };
    case "version":
      return { kind: a.kind, key: "", label: `v${a.version}`, version: a.version };
    case "field": {
      const label = fieldLabel(a.key);
      if (!label) throw new AppError("validation", `"${a.key}" is not a field of a persona`, { field: "anchor.key" });
      return { kind: a.kind, key: a.key, label, version: a.version };
    }
    case "trait": {
      if (!/^[a-z][a-z0-9_]{1,39}$/.test(a.key)) throw new AppError("validation", "Not a trait key", { field: "anchor.key" });
      return { kind: a.kind, key: a.key, label: findTrait(a.key)?.name ?? humanizeTraitKey(a.key), version: a.version };
    }
    case "sample": {
      const sample = await db.sampleAnswer.findFirst({ where: { id: a.key, personaId }, select: { message: true, versionNumber: true } });
      if (!sample) throw new AppError("validation", "No such sample answer on this persona", { field: "anchor.key" });
      return { kind: a.kind, key: a.key, label: `Answer to “${excerpt(sample.message)}”`, version: sample.versionNumber };
    }
  }
}

type Names = Map<string, string>;

function toComment(r: Row, names: Names): Comment {
  return {
    id: r.id, parentId: r.parentId,
    anchor: { kind: r.anchorKind as Comment["anchor"]["kind"], key: r.anchorKey, label: r.anchorLabel, version: r.versionNumber },
    body: r.body,
    mentions: (JSON.parse(r.mentions) as string[]).map((id) => ({ id, name: names.get(id) ?? "former member" })),
    author: { id: r.authorId, name: r.authorName },
    createdAt: r.createdAt.toISOString(),
    editedAt: r.editedByAuthor ? r.updatedAt.toISOString() : null,
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    resolvedBy: r.resolvedByName,
  };
}

async function mentionsIn(workspaceId: string, body: string, authorId: string): Promise<{ ids: string[]; names: Names }> {
  const members = await db.membership.findMany({ where: { workspaceId }, select: { userId: true, user: { select: { name: true, email: true } } } });
  const ids = findMentions(body, members.map((m) => ({ userId: m.userId, name: m.user.name, email: m.user.email }))).filter((id) => id !== authorId);
  return { ids, names: new Map(members.map((m) => [m.userId, m.user.name])) };
}

/** Only a comment's author edits or deletes it; anyone else (even an owner) gets 403. */
async function ownComment(ctx: WorkspaceContext, commentId: string) {
  const found = await db.comment.findFirst({ where: { id: commentId, workspaceId: ctx.workspaceId } });
  if (!found) throw notFound("Comment");
  if (found.authorId !== ctx.userId) throw new AppError("forbidden", "Only its author can change a comment");
  return found;
}

export async function editComment(ctx: WorkspaceContext, commentId: string, input: { body: string }): Promise<Comment> {
  const found = await ownComment(ctx, commentId);
  const { ids, names } = await mentionsIn(ctx.workspaceId, input.body, ctx.userId);
  const row = await db.$transaction(async (tx) => {
    const updated = await tx.comment.update({ where: { id: found.id }, data: { body: input.body, mentions: JSON.stringify(ids), editedByAuthor: true } });
    await setCommentMentions(tx, updated, ids);
    return updated;
  });
  const before = new Set(JSON.parse(found.mentions) as string[]);
  const added = ids.filter((id) => !before.has(id));
  if (added.length && found.panelId) {
    const panel = await db.panel.findFirst({ where: { id: found.panelId, workspaceId: ctx.workspaceId }, select: { id: true, name: true } });
    if (panel) await noticePanelMentions(ctx, panel, input.body, added);
  } else if (added.length) {
    const persona = await db.persona.findUnique({ where: { id: found.personaId }, select: { id: true, name: true } });
    if (persona) await noticeMentions(ctx, persona, found.versionNumber, input.body, added);
  }
  return toComment(row, names);
}

/** A reply, or a thread nobody answered yet, can be deleted; a thread with replies is resolved instead. */
export async function deleteComment(ctx: WorkspaceContext, commentId: string): Promise<void> {
  const found = await ownComment(ctx, commentId);
  if (!found.parentId && (await db.comment.count({ where: { parentId: found.id } })) > 0) {
    throw new AppError("conflict", "Others replied to this thread; resolve it instead of deleting it");
  }
  await db.comment.delete({ where: { id: found.id } });
}

async function memberNames(workspaceId: string): Promise<Names> {
  const rows = await db.membership.findMany({ where: { workspaceId }, select: { userId: true, user: { select: { name: true } } } });
  return new Map(rows.map((r) => [r.userId, r.user.name]));
}

export function toThreads(rows: Row[], names: Names): CommentThread[] {
  const replies = new Map<string, Comment[]>();
  for (const r of rows) if (r.parentId) replies.set(r.parentId, [...(replies.get(r.parentId) ?? []), toComment(r, names)]);
  return rows.filter((r) => !r.parentId).map((r) => ({ ...toComment(r, names), replies: replies.get(r.id) ?? [] }));
}

type ThreadFilters = { version?: number; status: "open" | "resolved" | "all" };

const threadWhere = (workspaceId: string, personaId: string, q: ThreadFilters) => ({
  personaId, workspaceId, parentId: null, panelId: null,
  ...(q.version ? { versionNumber: q.version } : {}),
  ...(q.status === "open" ? { resolvedAt: null } : q.status === "resolved" ? { resolvedAt: { not: null } } : {}),
});

// Threads oldest first by their root comment, the root's id breaking ties; a
// thread's replies oldest first under it. A page holds whole threads.
const THREAD_KEYS: KeyField[] = [{ field: "createdAt", dir: "asc", type: "date" }, { field: "id", dir: "asc", type: "string" }];

async function withReplies(workspaceId: string, tops: Row[]): Promise<CommentThread[]> {
  const replies = tops.length
    ? await db.comment.findMany({ where: { parentId: { in: tops.map((t) => t.id) } }, orderBy: orderByOf(THREAD_KEYS) })
    : [];
  return toThreads([...tops, ...replies], await memberNames(workspaceId));
}

/** Every thread of a persona (by id; callers check ownership), oldest first — for server-side uses such as share pages. */
export async function threadsOf(workspaceId: string, personaId: string, q: ThreadFilters): Promise<CommentThread[]> {
  const tops = await db.comment.findMany({ where: threadWhere(workspaceId, personaId, q), orderBy: orderByOf(THREAD_KEYS) });
  return withReplies(workspaceId, tops);
}

/** One page of a persona's threads, oldest first; `nextCursor` (sent as the X-Next-Cursor header) when there is more. */
export async function listComments(
  ctx: WorkspaceContext, personaId: string, q: z.output<typeof listCommentsQuery>,
): Promise<{ items: CommentThread[]; nextCursor: string | null }> {
  const persona = await findPersonaRow(ctx, personaId);
  const where = threadWhere(ctx.workspaceId, persona.id, q);
  const tops = await db.comment.findMany(pageQuery("comments", THREAD_KEYS, where, q));
  const { page, nextCursor } = pageOf("comments", THREAD_KEYS, tops, q.limit);
  return { items: await withReplies(ctx.workspaceId, page), nextCursor };
}

export async function createComment(ctx: WorkspaceContext, personaId: string, input: CreateInput): Promise<Comment> {
  const persona = await findPersonaRow(ctx, personaId);
  let anchor: StoredAnchor;
  let parentId: string | null = null;
  if (input.parentId) {
    const parent = await db.comment.findFirst({ where: { id: input.parentId, personaId: persona.id, parentId: null, panelId: null } });
    if (!parent) throw new AppError("validation", "No such thread on this persona", { field: "parentId" });
    parentId = parent.id;
    anchor = { kind: parent.anchorKind as Anchor["kind"], key: parent.anchorKey, label: parent.anchorLabel, version: parent.versionNumber };
  } else {
    anchor = await resolveAnchor(persona.id, persona.latestVersion, input.anchor!);
  }
  const { ids: mentions, names } = await mentionsIn(ctx.workspaceId, input.body, ctx.userId);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.comment.create({
      data: {
        workspaceId: ctx.workspaceId, personaId: persona.id, parentId, anchorKind: anchor.kind, anchorKey: anchor.key,
        anchorLabel: anchor.label, versionNumber: anchor.version, body: input.body, mentions: JSON.stringify(mentions),
        authorId: ctx.userId, authorName: ctx.userName,
      },
    });
    await setCommentMentions(tx, created, mentions);
    // A reply reopens nothing by itself, but it is news: the thread moves up in the trail.
    await recordActivity(ctx, persona.id, "commented", `${parentId ? "replied on" : "commented on"} ${anchor.label}${anchor.version && anchor.kind !== "version" ? ` (v${anchor.version})` : ""}: “${excerpt(input.body, 80)}”`, { version: anchor.version, commentId: created.id }, tx);
    return created;
  });
  await noticeMentions(ctx, persona, anchor.version, input.body, mentions);
  return toComment(row, names);
}

export async function resolveComment(ctx: WorkspaceContext, commentId: string, input: { resolved: boolean }, panelId?: string): Promise<CommentThread> {
  const found = await db.comment.findFirst({ where: { id: commentId, workspaceId: ctx.workspaceId, ...(panelId ? { panelId } : {}) } });
  if (!found) throw notFound("Comment");
  const threadId = found.parentId ?? found.id;
  await db.$transaction(async (tx) => {
    await tx.comment.update({
      where: { id: threadId },
      data: input.resolved ? { resolvedAt: new Date(), resolvedByName: ctx.userName } : { resolvedAt: null, resolvedByName: null },
    });
    const top = await tx.comment.findUniqueOrThrow({ where: { id: threadId }, select: { anchorLabel: true, versionNumber: true } });
    // A panel's threads are listed on the panel, not in its members' persona trails.
    if (found.panelId) return;
    await recordActivity(ctx, found.personaId, input.resolved ? "comment_resolved" : "comment_reopened", `${input.resolved ? "resolved" : "reopened"} the thread on ${top.anchorLabel}`, { version: top.versionNumber, commentId: threadId }, tx);
  });
  const rows = await db.comment.findMany({ where: { OR: [{ id: threadId }, { parentId: threadId }] }, orderBy: { createdAt: "asc" } });
  return toThreads(rows, await memberNames(ctx.workspaceId))[0];
}

// ── A panel's comments (issue 13 §3) ────────────────────────────────────────
// The same threads, replies, mentions and resolving as a persona's, scoped by
// Comment.panelId. Comment.personaId stays the persona the thread is about: the
// member whose recorded answer it anchors (panel_answer) or the member itself
// (panel_member) — there is no comment without a member, so deleting a member's
// persona removes its threads like any of the persona's comments. A persona's
// own comment list leaves these out (panelId: null above): they are read on the panel.

type PanelAnchorInput = { kind: "panel_answer" | "panel_member"; key: string };
type PanelCommentInput = { body: string; anchor?: PanelAnchorInput; parentId?: string };

/** A panel's threads (callers check the panel is the caller's); `answerIds` narrows to those answers' threads. */
export async function panelThreadsOf(workspaceId: string, panelId: string, q: { status: "open" | "resolved" | "all"; answerIds?: string[] }): Promise<CommentThread[]> {
  const tops = await db.comment.findMany({
    where: {
      workspaceId, panelId, parentId: null,
      ...(q.answerIds ? { anchorKind: "panel_answer", anchorKey: { in: q.answerIds } } : {}),
      ...(q.status === "open" ? { resolvedAt: null } : q.status === "resolved" ? { resolvedAt: { not: null } } : {}),
    },
    orderBy: { createdAt: "asc" },
  });
  const replies = await db.comment.findMany({ where: { parentId: { in: tops.map((t) => t.id) } }, orderBy: { createdAt: "asc" } });
  return toThreads([...tops, ...replies], await memberNames(workspaceId));
}

/** Resolves a panel anchor to the member's persona and a label; unknown answer or member → 422 naming anchor.key. */
async function resolvePanelAnchor(workspaceId: string, panelId: string, members: readonly { key: string; personaId: string; name: string }[], a: PanelAnchorInput): Promise<StoredAnchor & { personaId: string }> {
  if (a.kind === "panel_answer") {
    const answer = await db.panelSessionAnswer.findFirst({ where: { id: a.key, session: { panelId, workspaceId } }, include: { session: { select: { question: true } } } });
    if (!answer) throw new AppError("validation", "No such recorded answer on this panel", { field: "anchor.key" });
    return { kind: a.kind, key: answer.id, label: `${answer.memberName}${answer.round === 2 ? " (cross-examination)" : ""} on “${excerpt(answer.session.question)}”`, version: null, personaId: answer.personaId };
  }
  const member = members.find((m) => m.key === a.key);
  if (!member) throw new AppError("validation", `"${a.key}" is not a member of this panel`, { field: "anchor.key" });
  return { kind: a.kind, key: member.key, label: member.name, version: null, personaId: member.personaId };
}

export async function createPanelCommentIn(
  ctx: WorkspaceContext, panel: { id: string; name: string; members: readonly { key: string; personaId: string; name: string }[] }, input: PanelCommentInput,
): Promise<Comment> {
  let anchor: StoredAnchor;
  let personaId: string;
  let parentId: string | null = null;
  if (input.parentId) {
    const parent = await db.comment.findFirst({ where: { id: input.parentId, workspaceId: ctx.workspaceId, panelId: panel.id, parentId: null } });
    if (!parent) throw new AppError("validation", "No such thread on this panel", { field: "parentId" });
    parentId = parent.id;
    personaId = parent.personaId;
    anchor = { kind: parent.anchorKind as StoredAnchor["kind"], key: parent.anchorKey, label: parent.anchorLabel, version: parent.versionNumber };
  } else {
    const resolved = await resolvePanelAnchor(ctx.workspaceId, panel.id, panel.members, input.anchor!);
    personaId = resolved.personaId;
    anchor = resolved;
  }
  // The member's persona must still be in this workspace (a member whose persona is gone cannot be commented on).
  if (!(await db.persona.findFirst({ where: { id: personaId, workspaceId: ctx.workspaceId }, select: { id: true } }))) {
    throw new AppError("validation", "This member's persona no longer exists", { field: input.parentId ? "parentId" : "anchor.key" });
  }
  const { ids: mentions, names } = await mentionsIn(ctx.workspaceId, input.body, ctx.userId);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.comment.create({
      data: {
        workspaceId: ctx.workspaceId, personaId, panelId: panel.id, parentId, anchorKind: anchor.kind, anchorKey: anchor.key,
        anchorLabel: anchor.label, versionNumber: null, body: input.body, mentions: JSON.stringify(mentions),
        authorId: ctx.userId, authorName: ctx.userName,
      },
    });
    await setCommentMentions(tx, created, mentions);
    return created;
  });
  await noticePanelMentions(ctx, panel, input.body, mentions);
  return toComment(row, names);
}
