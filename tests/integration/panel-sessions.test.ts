import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import type { PanelSpec } from "@/lib/schemas/panel";
import type { PanelPreviewEvent } from "@/lib/schemas/panel-preview";
import { SIMULATOR_LABEL } from "@/lib/schemas/provider";
import { expectError, expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { addTeammate, buildSpec, createPersona, saveVersion, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";
import { startSimulatorProxy, type SimulatorProxy } from "@/tests/factories/simulator-proxy";

// Recorded panel previews: with `record: true` every member's answer (both
// rounds) is stored as the stream sent it, a failure as its redacted message;
// the sessions are listed and read per panel, deleted by editors only, and
// another workspace's are not found.

const BAD_KEY = "sk-broken-secret-9876543210fedcba";
let owner: Member;
let failing: SimulatorProxy;
let panelId: string;
const QUESTION = "Should our team ship the release on a Friday afternoon?";
const personaIds: Record<string, string> = {};

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Pam" });
  failing = await startSimulatorProxy({ intercept: () => ({ status: 500, text: JSON.stringify({ error: { message: `upstream exploded for key ${BAD_KEY}` } }) }) });
  const broken = expectOk(ops.createProvider, await owner.api.post(`${wsPath(owner.workspaceId)}/providers`, { name: "Broken server", baseUrl: `${failing.origin}/v1`, apiKey: BAD_KEY, defaultModel: "m" })).id;
  const specs = {
    ada: buildSpec({ name: "Ada", archetype: "a careful clinical nurse", traitTargets: { empathetic: 85 } }),
    bo: buildSpec({ name: "Bo", archetype: "a blunt drill sergeant", traitTargets: { blunt: 95 } }),
    cy: buildSpec({ name: "Cy", archetype: "a playful improv teacher", traitTargets: { playful: 90 } }),
    dee: buildSpec({ name: "Dee", archetype: "a sceptical auditor", traitTargets: { skeptical: 90 } }),
  };
  for (const [key, spec] of Object.entries(specs)) {
    const p = await createPersona(owner, { name: spec.name, spec });
    personaIds[key] = p.id;
    await saveVersion(owner, p.id, p.revision, "v1");
  }
  const spec: PanelSpec = {
    members: Object.keys(specs).map((key) => ({ key, personaId: personaIds[key], version: "latest" as const })),
    polarityPairs: [], groups: [], questions: [], activePlan: "routed",
    plans: {
      routed: {
        seats: {
          ada: { providerId: "simulator", model: "persona-sim-1" }, bo: { providerId: "simulator", model: "persona-sim-2" },
          cy: { providerId: "simulator", model: "persona-sim-3" }, dee: { providerId: broken, model: "m" },
        },
      },
    },
  };
  panelId = (await db.panel.create({ data: { workspaceId: owner.workspaceId, slug: "council", name: "Release council", spec: JSON.stringify(spec), createdById: owner.id, updatedById: owner.id, updatedByName: owner.name } })).id;
});

afterAll(async () => {
  await failing.close();
});

const P = (m: Member, id = panelId) => `${wsPath(m.workspaceId)}/panels/${id}`;
const textOf = (es: PanelPreviewEvent[], member: string, round: 1 | 2) =>
  es.map((e) => (e.type === "delta" && e.member === member && e.round === round ? e.text : "")).join("");

describe("recording a panel preview", () => {
  it("is off by default: nothing is stored and no session event is sent", async () => {
    const es = expectOk(ops.panelPreview, await owner.api.post(`${P(owner)}/preview`, { question: QUESTION, members: ["ada"] })) as PanelPreviewEvent[];
    expect(es.some((e) => e.type === "session")).toBe(false);
    expect(await db.panelSession.count({ where: { panelId } })).toBe(0);
  });

  it("stores every member's answer in both rounds as streamed, a failure as its redacted message, and names the session", async () => {
    const es = expectOk(ops.panelPreview, await owner.api.post(`${P(owner)}/preview`, { question: QUESTION, crossExamine: true, seed: 3, record: true })) as PanelPreviewEvent[];
    const sessionEvent = es.find((e) => e.type === "session");
    expect(es[1]).toEqual(sessionEvent);
    const sessionId = (sessionEvent as { sessionId: string }).sessionId;

    const session = expectOk(ops.getPanelSession, await owner.api.get(`${P(owner)}/sessions/${sessionId}`));
    expect(session).toMatchObject({ question: QUESTION, crossExamine: true, createdBy: "Pam", panelId });
    expect(session.answers.map((a) => `${a.round}:${a.memberKey}`)).toEqual(["1:ada", "1:bo", "1:cy", "1:dee", "2:ada", "2:bo", "2:cy", "2:dee"]);
    for (const a of session.answers.filter((x) => x.memberKey !== "dee")) {
      expect(a.answer).toBe(textOf(es, a.memberKey, a.round));
      expect(a.answer!.length).toBeGreaterThan(0);
      expect(a).toMatchObject({ simulated: true, error: null, personaId: personaIds[a.memberKey] });
      expect(a.seatLabel.startsWith(SIMULATOR_LABEL)).toBe(true);
      expect(a.latencyMs).not.toBeNull();
    }
    expect(session.answers.find((a) => a.memberKey === "bo")!.seatLabel).toBe(`${SIMULATOR_LABEL} · persona-sim-2`);
    const [dee1, dee2] = session.answers.filter((a) => a.memberKey === "dee");
    expect(dee1).toMatchObject({ answer: null, simulated: false, seatLabel: "Broken server · m" });
    expect(dee1.error).toBe((es.find((e) => e.type === "error" && e.member === "dee" && e.round === 1) as { message: string }).message);
    expect(dee2.error).toBe("No first answer to build on");
    const stored = JSON.stringify(await db.panelSessionAnswer.findMany({ where: { sessionId } }));
    expect(stored).not.toContain(BAD_KEY);

    const list = expectOk(ops.listPanelSessions, await owner.api.get(`${P(owner)}/sessions`));
    expect(list[0]).toMatchObject({ id: sessionId, answers: 8, comments: 0, question: QUESTION });
  });

  it("a viewer reads sessions but cannot delete one; an editor can", async () => {
    const es = expectOk(ops.panelPreview, await owner.api.post(`${P(owner)}/preview`, { question: "Tabs or spaces?", members: ["ada", "bo"], record: true })) as PanelPreviewEvent[];
    const sessionId = (es.find((e) => e.type === "session") as { sessionId: string }).sessionId;
    const viewer = await addTeammate(owner, "viewer", "Vic");
    expectOk(ops.getPanelSession, await viewer.api.get(`${P(owner)}/sessions/${sessionId}`));
    expectError(await viewer.api.delete(`${P(owner)}/sessions/${sessionId}`), 403);
    const editor = await addTeammate(owner, "editor", "Eddie");
    expectOk(ops.deletePanelSession, await editor.api.delete(`${P(owner)}/sessions/${sessionId}`));
    expectError(await owner.api.get(`${P(owner)}/sessions/${sessionId}`), 404);
    expect(await db.panelSessionAnswer.count({ where: { sessionId } })).toBe(0);
  });

  it("another workspace's session is not found, even through its own panel", async () => {
    const session = await db.panelSession.findFirstOrThrow({ where: { panelId } });
    const other = await signUpWithWorkspace({ name: "Olga" });
    expectError(await other.api.get(`${P(other)}/sessions/${session.id}`), 404);
    const persona = await createPersona(other);
    const ownPanel = expectOk(ops.createPanel, await other.api.post(`${wsPath(other.workspaceId)}/panels`, { name: "Mine", spec: { members: [{ key: "ada", personaId: persona.id, version: "latest" }] } }));
    expectError(await other.api.get(`${P(other, ownPanel.id)}/sessions/${session.id}`), 404);
    expectError(await other.api.delete(`${P(other, ownPanel.id)}/sessions/${session.id}`), 404);
    expect(await db.panelSession.count({ where: { id: session.id } })).toBe(1);
  });
});
