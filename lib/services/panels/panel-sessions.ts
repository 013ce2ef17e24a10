import "server-only";
import type { PanelSession as SessionRow, PanelSessionAnswer as AnswerRow } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import type { PanelMember, PanelSpec } from "@/lib/schemas/panel";
import type { PanelPreviewEvent } from "@/lib/schemas/panel-preview";
import type { PanelSession, PanelSessionAnswer, PanelSessionSummary } from "@/lib/schemas/panel-session";
import { findPanelRow, parseStoredPanelSpec } from "@/lib/services/panels/find-panel";
import { seatLabel } from "@/lib/services/panels/serialize";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// Recorded panel previews (issue 13 §3): with `record: true` the preview keeps
// the question and each member's answer, per round, as it finishes — so others
// can read and comment on them later. The recorder watches the stream's own
// events (start / delta / done / error), so what is stored is exactly what the
// browser saw: an error is the stream's message, which failureOf already
// redacted (never a key), and a seat is "provider name · model", never an id.

type Key = `${string}#${1 | 2}`;
type Pending = { text: string; seatLabel: string | null; simulated: boolean };

export type SessionRecorder = {
  sessionId: string;
  /** Watch one event on its way to the browser. */
  observe(e: PanelPreviewEvent): void;
  /** Every write started so far has landed (call before the stream ends). */
  settle(): Promise<void>;
};

/** Starts a recorded session; the answers arrive through `observe`. */
export async function startSession(
  ctx: WorkspaceContext, panelId: string, spec: PanelSpec, members: PanelMember[],
  nameOf: (m: PanelMember) => string, input: { question: string; crossExamine: boolean },
): Promise<SessionRecorder> {
  const panel = await findPanelRow(ctx, panelId);
  const providers = await db.modelProvider.findMany({ where: { workspaceId: ctx.workspaceId }, select: { id: true, name: true } });
  const providerNames = new Map(providers.map((p) => [p.id, p.name]));
  const plan = spec.plans[spec.activePlan];
  const session = await db.panelSession.create({
    data: {
      workspaceId: ctx.workspaceId, panelId: panel.id, panelVersion: panel.latestVersion || null, question: input.question,
      crossExamine: input.crossExamine, createdById: ctx.userId, createdByName: ctx.userName,
    },
  });
  const byKey = new Map(members.map((m) => [m.key, m]));
  const pending = new Map<Key, Pending>();
  const writes: Promise<unknown>[] = [];
  const store = (member: string, round: 1 | 2, answer: string | null, error: string | null, latencyMs: number | null) => {
    const m = byKey.get(member);
    if (!m) return;
    const p = pending.get(`${member}#${round}`);
    pending.delete(`${member}#${round}`);
    writes.push(db.panelSessionAnswer.create({
      data: {
        sessionId: session.id, round, memberKey: m.key, memberName: nameOf(m), personaId: m.personaId,
        seatLabel: p?.seatLabel ?? seatLabel(plan?.seats[m.key] ?? null, providerNames), simulated: p?.simulated ?? false,
        answer, error, latencyMs: latencyMs === null ? null : Math.round(latencyMs),
      },
    }).catch(() => undefined)); // a session deleted mid-stream: the stream goes on
  };
  return {
    sessionId: session.id,
    observe(e) {
      switch (e.type) {
        case "start":
          pending.set(`${e.member}#${e.round}`, { text: "", seatLabel: `${e.providerLabel} · ${e.model}`, simulated: e.simulated });
          return;
        case "delta": {
          const p = pending.get(`${e.member}#${e.round}`);
          if (p) p.text += e.text;
          return;
        }
        case "done":
          return store(e.member, e.round, pending.get(`${e.member}#${e.round}`)?.text ?? "", null, e.latencyMs);
        case "error":
          return store(e.member, e.round, null, e.message, null);
        default:
          return;
      }
    },
    async settle() {
      await Promise.all(writes);
    },
  };
}

function toAnswer(a: AnswerRow): PanelSessionAnswer {
  return {
    id: a.id, round: a.round === 2 ? 2 : 1, memberKey: a.memberKey, memberName: a.memberName, personaId: a.personaId,
    seatLabel: a.seatLabel, simulated: a.simulated, answer: a.answer, error: a.error, latencyMs: a.latencyMs, createdAt: a.createdAt.toISOString(),
  };
}

/** Round 1 before round 2, each in the panel's member order (unknown members last, by key). */
export function orderAnswers(rows: AnswerRow[], memberOrder: readonly string[]): AnswerRow[] {
  const at = (k: string) => { const i = memberOrder.indexOf(k); return i < 0 ? memberOrder.length : i; };
  return [...rows].sort((a, b) => a.round - b.round || at(a.memberKey) - at(b.memberKey) || a.memberKey.localeCompare(b.memberKey));
}

const summaryBase = (s: SessionRow) => ({
  id: s.id, panelId: s.panelId, panelVersion: s.panelVersion, question: s.question, crossExamine: s.crossExamine,
  createdBy: s.createdByName, createdAt: s.createdAt.toISOString(),
});

async function threadCounts(panelId: string, answerIds: string[]): Promise<Map<string, number>> {
  if (answerIds.length === 0) return new Map();
  const rows = await db.comment.findMany({ where: { panelId, parentId: null, anchorKind: "panel_answer", anchorKey: { in: answerIds } }, select: { anchorKey: true } });
  const out = new Map<string, number>();
  for (const r of rows) out.set(r.anchorKey, (out.get(r.anchorKey) ?? 0) + 1);
  return out;
}

export async function listPanelSessions(ctx: WorkspaceContext, panelId: string): Promise<PanelSessionSummary[]> {
  const panel = await findPanelRow(ctx, panelId);
  const sessions = await db.panelSession.findMany({
    where: { panelId: panel.id, workspaceId: ctx.workspaceId }, orderBy: { createdAt: "desc" }, take: 100,
    include: { answers: { select: { id: true, sessionId: true } } },
  });
  const counts = await threadCounts(panel.id, sessions.flatMap((s) => s.answers.map((a) => a.id)));
  return sessions.map((s) => ({
    ...summaryBase(s), answers: s.answers.length, comments: s.answers.reduce((n, a) => n + (counts.get(a.id) ?? 0), 0),
  }));
}

/** A session of this panel (another panel's or workspace's is not found). */
export async function findSessionRow(ctx: WorkspaceContext, panelId: string, sessionId: string) {
  const panel = await findPanelRow(ctx, panelId);
  const session = await db.panelSession.findFirst({ where: { id: sessionId, panelId: panel.id, workspaceId: ctx.workspaceId }, include: { answers: true } });
  if (!session) throw notFound("Recorded session");
  return { panel, session };
}

export function toSession(session: SessionRow & { answers: AnswerRow[] }, memberOrder: readonly string[], comments: number): PanelSession {
  return { ...summaryBase(session), comments, answers: orderAnswers(session.answers, memberOrder).map(toAnswer) };
}

export async function getPanelSession(ctx: WorkspaceContext, panelId: string, sessionId: string): Promise<PanelSession> {
  const { panel, session } = await findSessionRow(ctx, panelId, sessionId);
  const order = parseStoredPanelSpec(panel.spec).members.map((m) => m.key);
  const counts = await threadCounts(panel.id, session.answers.map((a) => a.id));
  return toSession(session, order, [...counts.values()].reduce((a, b) => a + b, 0));
}

/** Deletes the session, its answers and the comment threads on them. */
export async function deletePanelSession(ctx: WorkspaceContext, panelId: string, sessionId: string): Promise<void> {
  const { panel, session } = await findSessionRow(ctx, panelId, sessionId);
  const answerIds = session.answers.map((a) => a.id);
  await db.$transaction(async (tx) => {
    const threads = await tx.comment.findMany({ where: { panelId: panel.id, anchorKind: "panel_answer", anchorKey: { in: answerIds }, parentId: null }, select: { id: true } });
    const ids = threads.map((t) => t.id);
    await tx.comment.deleteMany({ where: { parentId: { in: ids } } });
    await tx.comment.deleteMany({ where: { id: { in: ids } } });
    await tx.panelSession.delete({ where: { id: session.id } });
  });
}
