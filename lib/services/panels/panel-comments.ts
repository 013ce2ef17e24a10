import "server-only";
import type { z } from "zod";
import type { createPanelCommentBody, listPanelCommentsQuery } from "@/lib/schemas/panel-session";
import type { Comment, CommentThread } from "@/lib/schemas/review";
import { findPanelRow, parseStoredPanelSpec } from "@/lib/services/panels/find-panel";
import { findSessionRow } from "@/lib/services/panels/panel-sessions";
import { createPanelCommentIn, panelThreadsOf, resolveComment } from "@/lib/services/review/comments";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";
import { db } from "@/lib/db/client";

// A panel's comment threads (issue 13 §3): on a recorded answer or on a member.
// The thread logic (replies, mentions, resolving, editing and deleting one's
// own comment) is the persona comments' (lib/services/review/comments.ts),
// scoped by the panel; here the panel is found in the caller's workspace first,
// so another workspace's panel — and its comments — are "not found".

export async function listPanelComments(ctx: WorkspaceContext, panelId: string, q: z.output<typeof listPanelCommentsQuery>): Promise<CommentThread[]> {
  const panel = await findPanelRow(ctx, panelId);
  const answerIds = q.session ? (await findSessionRow(ctx, panel.id, q.session)).session.answers.map((a) => a.id) : undefined;
  return panelThreadsOf(ctx.workspaceId, panel.id, { status: q.status, answerIds });
}

export async function createPanelComment(ctx: WorkspaceContext, panelId: string, input: z.output<typeof createPanelCommentBody>): Promise<Comment> {
  const panel = await findPanelRow(ctx, panelId);
  const spec = parseStoredPanelSpec(panel.spec);
  const personas = await db.persona.findMany({ where: { id: { in: spec.members.map((m) => m.personaId) }, workspaceId: ctx.workspaceId }, select: { id: true, name: true } });
  const names = new Map(personas.map((p) => [p.id, p.name]));
  const members = spec.members.map((m) => ({ key: m.key, personaId: m.personaId, name: m.label?.trim() || names.get(m.personaId) || m.key }));
  return createPanelCommentIn(ctx, { id: panel.id, name: panel.name, members }, input);
}

/** Resolve or reopen one of this panel's threads (a comment of another panel is not found). */
export async function resolvePanelComment(ctx: WorkspaceContext, panelId: string, commentId: string, input: { resolved: boolean }): Promise<CommentThread> {
  const panel = await findPanelRow(ctx, panelId);
  return resolveComment(ctx, commentId, input, panel.id);
}
