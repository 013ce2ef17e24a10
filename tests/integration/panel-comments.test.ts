import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { mentionHandle } from "@/lib/review/mentions";
import type { PanelPreviewEvent } from "@/lib/schemas/panel-preview";
import { expectError, expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { addTeammate, buildSpec, createPersona, personaPath, saveVersion, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// A panel's comments: threads on a recorded answer (filed under that member's
// persona) or on a member, with replies, mentions and resolving through the
// same comment service as a persona's; listed on the panel, not on the persona.

let owner: Member;
let reviewer: Member & { memberId: string };
let viewer: Member & { memberId: string };
let panelId: string;
let sessionId: string;
let answers: { id: string; memberKey: string; personaId: string; round: number }[];
const personaIds: Record<string, string> = {};

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Pam" });
  reviewer = await addTeammate(owner, "reviewer", "Rita Reviewer");
  viewer = await addTeammate(owner, "viewer", "Vic");
  for (const [key, name] of [["ada", "Ada"], ["bo", "Bo"]] as const) {
    const p = await createPersona(owner, { name, spec: buildSpec({ name }) });
    personaIds[key] = p.id;
    await saveVersion(owner, p.id, p.revision, "v1");
  }
  const panel = expectOk(ops.createPanel, await owner.api.post(`${wsPath(owner.workspaceId)}/panels`, {
    name: "Board",
    spec: {
      members: [{ key: "ada", personaId: personaIds.ada, version: "latest" }, { key: "bo", personaId: personaIds.bo, version: "latest", label: "Sergeant Bo" }],
      plans: { single: { seats: { ada: { providerId: "simulator", model: "persona-sim-1" }, bo: { providerId: "simulator", model: "persona-sim-2" } } } },
    },
  }));
  panelId = panel.id;
  const es = expectOk(ops.panelPreview, await owner.api.post(`${P()}/preview`, { question: "Ship on Friday?", crossExamine: true, record: true })) as PanelPreviewEvent[];
  sessionId = (es.find((e) => e.type === "session") as { sessionId: string }).sessionId;
  answers = expectOk(ops.getPanelSession, await owner.api.get(`${P()}/sessions/${sessionId}`)).answers;
});

const P = (m: Member = owner, id = panelId) => `${wsPath(m.workspaceId)}/panels/${id}`;

describe("comments on a recorded answer", () => {
  it("thread, reply with a mention, resolve and reopen; the thread is filed under the answering member's persona", async () => {
    const boAnswer = answers.find((a) => a.memberKey === "bo" && a.round === 2)!;
    const top = expectOk(ops.createPanelComment, await reviewer.api.post(`${P()}/comments`, { body: "Bo never engages with Ada's point", anchor: { kind: "panel_answer", key: boAnswer.id } }));
    expect(top.anchor).toMatchObject({ kind: "panel_answer", key: boAnswer.id });
    expect(top.anchor.label).toContain("Sergeant Bo (cross-examination)");
    const row = await db.comment.findUniqueOrThrow({ where: { id: top.id } });
    expect(row).toMatchObject({ panelId, personaId: personaIds.bo });

    const reply = expectOk(ops.createPanelComment, await owner.api.post(`${P()}/comments`, { body: `Agreed @${mentionHandle(reviewer.email)}`, parentId: top.id }));
    expect(reply.parentId).toBe(top.id);
    expect(reply.mentions).toEqual([{ id: reviewer.id, name: "Rita Reviewer" }]);
    expect(reply.anchor.key).toBe(boAnswer.id);

    // The mention reaches the reviewer's queue as a panel thread (it links to the panel, not the persona).
    const queue = expectOk(ops.reviewQueue, await reviewer.api.get(`${wsPath(owner.workspaceId)}/review-queue`));
    expect(queue.mentions.find((m) => m.threadId === top.id)).toMatchObject({ personaId: personaIds.bo, panel: { id: panelId } });

    const resolved = expectOk(ops.resolvePanelComment, await owner.api.post(`${P()}/comments/${top.id}/resolve`, { resolved: true }));
    expect(resolved.resolvedBy).toBe("Pam");
    expect(resolved.replies.map((r) => r.id)).toEqual([reply.id]);
    const open = expectOk(ops.listPanelComments, await viewer.api.get(`${P()}/comments`, { status: "open" }));
    expect(open.some((t) => t.id === top.id)).toBe(false);
    expectOk(ops.resolvePanelComment, await reviewer.api.post(`${P()}/comments/${top.id}/resolve`, { resolved: false }));

    const onSession = expectOk(ops.listPanelComments, await viewer.api.get(`${P()}/comments`, { status: "all", session: sessionId }));
    expect(onSession.map((t) => t.id)).toEqual([top.id]);
    expect(onSession[0].replies[0].id).toBe(reply.id);

    // The session list counts it; the persona's own comment list leaves it out.
    expect(expectOk(ops.listPanelSessions, await owner.api.get(`${P()}/sessions`))[0].comments).toBe(1);
    const personaThreads = expectOk(ops.listComments, await owner.api.get(`${personaPath(owner.workspaceId, personaIds.bo)}/comments`, { status: "all" }));
    expect(personaThreads).toEqual([]);
    // …and a reply to it through the persona's route is refused.
    expectError(await owner.api.post(`${personaPath(owner.workspaceId, personaIds.bo)}/comments`, { body: "x", parentId: top.id }), 422);
  });

  it("a member-level comment is filed under that member's persona; an unknown member or answer is a 422 naming anchor.key", async () => {
    const c = expectOk(ops.createPanelComment, await reviewer.api.post(`${P()}/comments`, { body: "Ada sounds like Bo", anchor: { kind: "panel_member", key: "ada" } }));
    expect(c.anchor).toMatchObject({ kind: "panel_member", key: "ada", label: "Ada" });
    expect((await db.comment.findUniqueOrThrow({ where: { id: c.id } })).personaId).toBe(personaIds.ada);
    expect(expectError(await reviewer.api.post(`${P()}/comments`, { body: "x", anchor: { kind: "panel_member", key: "zed" } }), 422).field).toBe("anchor.key");
    expect(expectError(await reviewer.api.post(`${P()}/comments`, { body: "x", anchor: { kind: "panel_answer", key: "no-such-answer" } }), 422).field).toBe("anchor.key");
  });

  it("viewers read but cannot comment or resolve (as on a persona)", async () => {
    const thread = expectOk(ops.listPanelComments, await viewer.api.get(`${P()}/comments`))[0];
    expectError(await viewer.api.post(`${P()}/comments`, { body: "x", anchor: { kind: "panel_member", key: "ada" } }), 403);
    expectError(await viewer.api.post(`${P()}/comments/${thread.id}/resolve`, { resolved: true }), 403);
  });

  it("another workspace's panel, answers and threads are not found", async () => {
    const other = await signUpWithWorkspace({ name: "Olga" });
    const thread = expectOk(ops.listPanelComments, await owner.api.get(`${P()}/comments`))[0];
    expectError(await other.api.get(`${P(other)}/comments`), 404);
    expectError(await other.api.post(`${P(other)}/comments/${thread.id}/resolve`, { resolved: true }), 404);
    // Through its own panel: an answer of ours is "no such answer", our thread is not found.
    const persona = await createPersona(other);
    const own = expectOk(ops.createPanel, await other.api.post(`${wsPath(other.workspaceId)}/panels`, { name: "Mine", spec: { members: [{ key: "ada", personaId: persona.id, version: "latest" }] } }));
    expectError(await other.api.post(`${P(other, own.id)}/comments`, { body: "x", anchor: { kind: "panel_answer", key: answers[0].id } }), 422);
    expectError(await other.api.post(`${P(other, own.id)}/comments`, { body: "x", parentId: thread.id }), 422);
    expectError(await other.api.post(`${P(other, own.id)}/comments/${thread.id}/resolve`, { resolved: true }), 404);
    expect((await db.comment.findUniqueOrThrow({ where: { id: thread.id } })).resolvedAt).toBeNull();
  });

  it("deleting a session removes the threads on its answers", async () => {
    const before = await db.comment.count({ where: { panelId, anchorKind: "panel_answer" } });
    expect(before).toBeGreaterThan(0);
    expectOk(ops.deletePanelSession, await owner.api.delete(`${P()}/sessions/${sessionId}`));
    expect(await db.comment.count({ where: { panelId, anchorKind: "panel_answer" } })).toBe(0);
    expect(await db.comment.count({ where: { panelId, anchorKind: "panel_member" } })).toBe(1);
  });
});

describe("deleting the panel", () => {
  it("removes its threads (Comment.panelId has no foreign key); the members' personas keep theirs", async () => {
    const personaThread = expectOk(ops.createComment, await owner.api.post(`${personaPath(owner.workspaceId, personaIds.ada)}/comments`, { body: "On Ada herself", anchor: { kind: "persona" } }));
    expect(await db.comment.count({ where: { panelId } })).toBeGreaterThan(0);
    expectOk(ops.deletePanel, await owner.api.delete(P()));
    expect(await db.comment.count({ where: { panelId } })).toBe(0);
    expect(await db.comment.count({ where: { id: personaThread.id } })).toBe(1);
  });
});
