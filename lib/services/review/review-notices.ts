import "server-only";
import { db } from "@/lib/db/client";
import { decisionMessage, mentionMessage, reviewRequestMessage } from "@/lib/mail/messages";
import { notify } from "@/lib/services/inbox/notify";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// Who hears about a review event (issue 16 §7). Called after the event is
// committed; notify() never throws, so a notice can't undo or fail the event.

const versionHref = (ws: string, personaId: string, version: number) => `/w/${ws}/personas/${personaId}/versions/${version}`;
const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Review requests are in the reviewer's inbox as themselves; the notice is the mail. */
export async function noticeReviewRequested(ctx: WorkspaceContext, persona: { id: string; name: string }, version: number, reviewerIds: string[], message: string) {
  const ws = await db.workspace.findUnique({ where: { id: ctx.workspaceId }, select: { name: true } });
  const href = versionHref(ctx.workspaceId, persona.id, version);
  await notify(reviewerIds.map((userId) => ({
    userId, workspaceId: ctx.workspaceId, kind: "review_requested" as const, inApp: false, href,
    summary: `${ctx.userName} asked you to review ${persona.name} v${version}`,
    mail: (base: string) => reviewRequestMessage(base, { requester: ctx.userName, persona: persona.name, version, workspace: ws?.name ?? "", message, href }),
  })));
}

/** Members newly mentioned in a comment (an edit notifies only those it adds). */
export async function noticeMentions(ctx: WorkspaceContext, persona: { id: string; name: string }, version: number | null, body: string, mentioned: string[]) {
  if (!mentioned.length) return;
  const href = version ? versionHref(ctx.workspaceId, persona.id, version) : `/w/${ctx.workspaceId}/personas/${persona.id}`;
  const excerpt = cut(body, 300);
  await notify(mentioned.map((userId) => ({
    userId, workspaceId: ctx.workspaceId, kind: "mention" as const, href, reason: excerpt,
    summary: `${ctx.userName} mentioned you on ${persona.name}`,
    mail: (base: string) => mentionMessage(base, { author: ctx.userName, persona: persona.name, excerpt, href }),
  })));
}

/** The people who asked for the review, and the version's author: the decision and its reason. */
export async function noticeDecision(ctx: WorkspaceContext, persona: { id: string; name: string }, version: number, approved: boolean, note: string) {
  const [requests, row] = await Promise.all([
    db.reviewRequest.findMany({ where: { personaId: persona.id, versionNumber: version, reviewerId: ctx.userId }, select: { requestedById: true } }),
    db.personaVersion.findUnique({ where: { personaId_number: { personaId: persona.id, number: version } }, select: { authorId: true } }),
  ]);
  const members = new Set((await db.membership.findMany({ where: { workspaceId: ctx.workspaceId }, select: { userId: true } })).map((m) => m.userId));
  const to = [...new Set([...requests.map((r) => r.requestedById), ...(row ? [row.authorId] : [])])].filter((id) => id !== ctx.userId && members.has(id));
  const href = versionHref(ctx.workspaceId, persona.id, version);
  const what = approved ? `approved ${persona.name} v${version}` : `requested changes on ${persona.name} v${version}`;
  await notify(to.map((userId) => ({
    userId, workspaceId: ctx.workspaceId, kind: "decision" as const, href, reason: note || undefined,
    summary: `${ctx.userName} ${what}`,
    mail: (base: string) => decisionMessage(base, { reviewer: ctx.userName, persona: persona.name, version, approved, note, href }),
  })));
}
