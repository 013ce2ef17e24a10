import "server-only";
import pLimit from "p-limit";
import type { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { failureOf } from "@/lib/llm/provider-error";
import type { ChatMessage } from "@/lib/llm/types";
import { compilePersona } from "@/lib/persona/compile";
import type { PanelMember, PanelSpec } from "@/lib/schemas/panel";
import { PANEL_PREVIEW_LIMITS, type PanelPreviewEvent, type panelPreviewBody } from "@/lib/schemas/panel-preview";
import { parseStoredSpec } from "@/lib/services/personas/serialize";
import { findPanelRow, parseStoredPanelSpec } from "@/lib/services/panels/find-panel";
import { crossExaminationMessages, firstRoundMessages, type FirstAnswer } from "@/lib/services/panels/cross-examine";
import { startSession } from "@/lib/services/panels/panel-sessions";
import { ndjsonResponse, streamChat } from "@/lib/services/preview/stream-chat";
import { resolveProvider, type ResolvedProvider } from "@/lib/services/providers/resolve-provider";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// Panel preview (issue 13 §3): every member answers the question on its seat,
// concurrently (at most PANEL_PREVIEW_LIMITS.concurrency at a time), streamed as
// NDJSON tagged by member and round; optionally a second round in which each
// member reads the others' first answers and responds. A member's failure (its
// persona or version gone, its provider gone, the model failing) is an `error`
// event for that member; the others go on. Keys never appear: provider errors
// pass through failureOf, which redacts them.
//
// Which prompt answers: a pinned version's saved prompt; "latest" → the persona's
// latest saved version, or its draft (compiled now) when it has no version yet.
// Which model: the member's seat under the active plan; no seat → the workspace
// default provider and model (as the live preview).

type Body = z.output<typeof panelPreviewBody>;
type Round = 1 | 2;

async function loadPanel(ctx: WorkspaceContext, panelId: string): Promise<{ spec: PanelSpec }> {
  return { spec: parseStoredPanelSpec((await findPanelRow(ctx, panelId)).spec) };
}

/** The members who answer: all, or the body's subset (in the panel's order); unknown keys are a 422 naming `members`. */
function chosenMembers(spec: PanelSpec, keys: string[] | undefined): PanelMember[] {
  if (keys) {
    const known = new Set(spec.members.map((m) => m.key));
    const unknown = keys.filter((k) => !known.has(k));
    if (unknown.length) throw new AppError("validation", `members: not in this panel: ${unknown.join(", ")}`, { field: "members" });
  }
  const chosen = keys ? spec.members.filter((m) => keys.includes(m.key)) : spec.members;
  if (chosen.length === 0) throw new AppError("validation", "members: this panel has no members to ask yet", { field: "members" });
  return chosen;
}

/** How many model calls a preview makes (the preview rate limit counts each): members × rounds. */
export async function panelPreviewCalls(ctx: WorkspaceContext, panelId: string, body: Body): Promise<number> {
  const { spec } = await loadPanel(ctx, panelId);
  return chosenMembers(spec, body.members).length * (body.crossExamine ? 2 : 1);
}

type Seated = { member: PanelMember; name: string; system: string; source: "version" | "draft"; version: number | null; resolved: ResolvedProvider };

/** The member's persona prompt and seat; throws a message safe to show (no keys). */
async function seat(ctx: WorkspaceContext, spec: PanelSpec, member: PanelMember): Promise<Seated> {
  const persona = await db.persona.findFirst({
    where: { id: member.personaId, workspaceId: ctx.workspaceId },
    select: { id: true, name: true, spec: true, latestVersion: true },
  });
  if (!persona) throw new AppError("not_found", "This member's persona no longer exists");
  const name = member.label || persona.name;
  const number = member.version === "latest" ? persona.latestVersion : member.version;
  let system: string;
  let source: Seated["source"] = "version";
  if (number === 0) {
    system = compilePersona(parseStoredSpec(persona.spec)).prompt;
    source = "draft";
  } else {
    const v = await db.personaVersion.findUnique({ where: { personaId_number: { personaId: persona.id, number } }, select: { compiledPrompt: true } });
    if (!v) throw new AppError("not_found", `Version ${number} of ${persona.name} no longer exists`);
    system = v.compiledPrompt;
  }
  const s = spec.plans[spec.activePlan]?.seats[member.key] ?? null;
  const resolved = await resolveProvider(ctx, s?.providerId, s?.model);
  return { member, name, system, source, version: source === "draft" ? null : number, resolved };
}

/** Runs `fn` on every item with at most `limit` running at once. */
async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  const run = pLimit(limit);
  await Promise.all(items.map((item) => run(() => fn(item))));
}

export async function streamPanelPreview(ctx: WorkspaceContext, panelId: string, body: Body, signal: AbortSignal): Promise<Response> {
  const { spec } = await loadPanel(ctx, panelId);
  const members = chosenMembers(spec, body.members);
  const personas = await db.persona.findMany({ where: { id: { in: members.map((m) => m.personaId) }, workspaceId: ctx.workspaceId }, select: { id: true, name: true } });
  const personaName = new Map(personas.map((p) => [p.id, p.name]));
  const nameOf = (m: PanelMember) => m.label || personaName.get(m.personaId) || m.key;
  // Recording (panel-sessions.ts): the session exists before the first answer; each answer is stored as it finishes.
  const recorder = body.record ? await startSession(ctx, panelId, spec, members, nameOf, { question: body.question, crossExamine: body.crossExamine }) : null;

  return ndjsonResponse<PanelPreviewEvent>(signal, async (sendRaw, upstream) => {
    const send = (e: PanelPreviewEvent) => {
      recorder?.observe(e);
      sendRaw(e);
    };
    const fail = (key: string, round: Round, e: unknown) => {
      if (e instanceof AppError) return send({ type: "error", member: key, round, kind: e.code, message: e.message });
      const err = failureOf(e);
      if (err.kind !== "aborted") send({ type: "error", member: key, round, kind: err.kind, message: err.message, ...(err.status ? { status: err.status } : {}) });
    };
    const answer = (s: Seated, round: Round, messages: ChatMessage[]): Promise<string | null> =>
      streamChat({
        resolved: s.resolved, tag: { member: s.member.key, round }, start: { prompt: { source: s.source, version: s.version } }, send,
        request: { messages, temperature: body.temperature, seed: body.seed, maxTokens: PANEL_PREVIEW_LIMITS.maxTokens, signal: upstream },
      });

    send({ type: "panel", members: members.map((m) => ({ key: m.key, name: nameOf(m) })), rounds: body.crossExamine ? 2 : 1 });
    if (recorder) send({ type: "session", sessionId: recorder.sessionId });
    const seated = new Map<string, Seated>();
    const first: FirstAnswer[] = [];
    await pool(members, PANEL_PREVIEW_LIMITS.concurrency, async (m) => {
      let s: Seated;
      try {
        s = await seat(ctx, spec, m);
      } catch (e) {
        return fail(m.key, 1, e);
      }
      seated.set(m.key, s);
      const text = await answer(s, 1, firstRoundMessages(s.system, body.question));
      if (text !== null) first.push({ key: m.key, name: s.name, text });
    });
    if (body.crossExamine && !upstream.aborted) {
      const order = new Map(members.map((m, i) => [m.key, i]));
      first.sort((a, b) => order.get(a.key)! - order.get(b.key)!);
      await pool(members, PANEL_PREVIEW_LIMITS.concurrency, async (m) => {
        const s = seated.get(m.key);
        const own = first.find((a) => a.key === m.key);
        if (!s || !own) return send({ type: "error", member: m.key, round: 2, kind: "skipped", message: "No first answer to build on" });
        const messages = crossExaminationMessages(s.system, body.question, own, first);
        if (!messages) return send({ type: "error", member: m.key, round: 2, kind: "skipped", message: "No other member answered the first round" });
        await answer(s, 2, messages);
      });
    }
    await recorder?.settle();
    send({ type: "end" });
  });
}
