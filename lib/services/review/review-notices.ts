import "server-only";
import { db } from "@/lib/db/client";
import { decisionMessage, mentionMessage, reviewRequestMessage } from "@/lib/mail/messages";
import { notify } from "@/lib/services/inbox/notify";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// Who hears about a review event (issue 16 §7), for persona and panel versions
// alike. Called after the event is committed; notify() never throws, so a notice
// can't undo or fail the event.

/** What an event is about: a name the reader knows and where the link goes. */
type Subject = { name: string; href: string };

const versionHref = (ws: string, personaId: string, version: number) => `/w/${ws}/personas/${personaId}/versions/${version}`;
const panelSubject = (ws: string, panel: { id: string; name: string }, anchor: string): Subject => ({ name: `${panel.name} (panel)`, href: `/w/${ws}/panels/${panel.id}#${anchor}` });
const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Review requests are in the reviewer's inbox as themselves; the notice is the mail. */
async function requested(ctx: WorkspaceContext, subject: Subject, version: number, reviewerIds: string[], message: string) {
  if (!reviewerIds.length) return;
  const ws = await db.workspace.findUnique({ where: { id: ctx.workspaceId }, select: { name: true } });
  await notify(reviewerIds.map((userId) => ({
    userId, workspaceId: ctx.workspaceId, kind: "review_requested" as const, inApp: false, href: subject.href,
    summary: `${ctx.userName} asked you to review ${subject.name} v${version}`,
    mail: (base: string) => reviewRequestMessage(base, { requester: ctx.userName, persona: subject.name, version, workspace: ws?.name ?? "", message, href: subject.href }),
  })));
}

async function mentionedIn(ctx: WorkspaceContext, subject: Subject, body: string, mentioned: string[]) {
  if (!mentioned.length) return;
  const excerpt = cut(body, 300);
  await notify(mentioned.map((userId) => ({
    userId, workspaceId: ctx.workspaceId, kind: "mention" as const, href: subject.href, reason: excerpt,
    summary: `${ctx.userName} mentioned you on ${subject.name}`,
    mail: (base: string) => mentionMessage(base, { author: ctx.userName, persona: subject.name, excerpt, href: subject.href }),
  })));
}

/** The decision and its reason, to those of `candidates` still in the workspace (never the reviewer). */
async function decided(ctx: WorkspaceContext, subject: Subject, version: number, approved: boolean, note: string, candidates: string[]) {
  const members = new Set((await db.membership.findMany({ where: { workspaceId: ctx.workspaceId }, select: { userId: true } })).map((m) => m.userId));
  const to = [...new Set(candidates)].filter((id) => id !== ctx.userId && members.has(id));
  const what = approved ? `approved ${subject.name} v${version}` : `requested changes on ${subject.name} v${version}`;
  await notify(to.map((userId) => ({
    userId, workspaceId: ctx.workspaceId, kind: "decision" as const, href: subject.href, reason: note || undefined,
    summary: `${ctx.userName} ${what}`,
    mail: (base: string) => decisionMessage(base, { reviewer: ctx.userName, persona: subject.name, version, approved, note, href: subject.href }),
  })));
}

export async function noticeReviewRequested(ctx: WorkspaceContext, persona: { id: string; name: string }, version: number, reviewerIds: string[], message: string) {
  await requested(ctx, { name: persona.name, href: versionHref(ctx.workspaceId, persona.id, version) }, version, reviewerIds, message);
}

/** Members newly mentioned in a comment (an edit notifies only those it adds). */
export async function noticeMentions(ctx: WorkspaceContext, persona: { id: string; name: string }, version: number | null, body: string, mentioned: string[]) {
  const href = version ? versionHref(ctx.workspaceId, persona.id, version) : `/w/${ctx.workspaceId}/personas/${persona.id}`;
  await mentionedIn(ctx, { name: persona.name, href }, body, mentioned);
}

/** The people who asked for the review, and the version's author: the decision and its reason. */
export async function noticeDecision(ctx: WorkspaceContext, persona: { id: string; name: string }, version: number, approved: boolean, note: string) {
  const [requests, row] = await Promise.all([
    db.reviewRequest.findMany({ where: { personaId: persona.id, versionNumber: version, reviewerId: ctx.userId }, select: { requestedById: true } }),
    db.personaVersion.findUnique({ where: { personaId_number: { personaId: persona.id, number: version } }, select: { authorId: true } }),
  ]);
  const subject = { name: persona.name, href: versionHref(ctx.workspaceId, persona.id, version) };
  await decided(ctx, subject, version, approved, note, [...requests.map((r) => r.requestedById), ...(row ? [row.authorId] : [])]);
}

/** A panel version's review asked of members (only those newly asked). */
export async function noticePanelReviewRequested(ctx: WorkspaceContext, panel: { id: string; name: string }, version: number, reviewerIds: string[], message: string) {
  await requested(ctx, panelSubject(ctx.workspaceId, panel, "review"), version, reviewerIds, message);
}

/** Members newly mentioned in a panel's comment thread. */
export async function noticePanelMentions(ctx: WorkspaceContext, panel: { id: string; name: string }, body: string, mentioned: string[]) {
  await mentionedIn(ctx, panelSubject(ctx.workspaceId, panel, "panel-sessions"), body, mentioned);
}

/** Whoever asked this reviewer about the panel version, and the version's author. */
export async function noticePanelDecision(ctx: WorkspaceContext, panel: { id: string; name: string }, version: number, approved: boolean, note: string) {
  const [requests, row] = await Promise.all([
    db.panelReviewRequest.findMany({ where: { panelId: panel.id, versionNumber: version, reviewerId: ctx.userId }, select: { requestedById: true } }),
    db.panelVersion.findUnique({ where: { panelId_number: { panelId: panel.id, number: version } }, select: { authorId: true } }),
  ]);
  await decided(ctx, panelSubject(ctx.workspaceId, panel, "review"), version, approved, note, [...requests.map((r) => r.requestedById), ...(row ? [row.authorId] : [])]);
}
