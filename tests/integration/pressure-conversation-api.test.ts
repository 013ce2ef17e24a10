import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { PRESSURE_KIND, PRESSURE_TRAIT_KEY } from "@/lib/schemas/pressure";
import { api, expectError, expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { addProbeAnswer } from "@/tests/factories/probe-answers";
import { addTeammate, buildSpec, createPersona, personaPath, saveVersion, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// One pressure conversation as a chat (issue 14 §2), for members and for the
// shared report's share link: turns in order, the latest attempt of each (the
// answered one when a retry failed), scores; 404 for a run without pressure or
// an index out of range. Rows are stored as the worker writes them.

const anonymous = api(null);
let owner: Member;
let personaId: string;
let runId: string;
let plainRunId: string;
const convPath = (run: string, index: number | string) => `${wsPath(owner.workspaceId)}/probe-runs/${run}/conversations/${index}`;

function turnRow(run: string, conversation: number, turn: number, over: Record<string, unknown> = {}) {
  return addProbeAnswer(run, {
    kind: PRESSURE_KIND, traitKey: PRESSURE_TRAIT_KEY, itemIndex: conversation, turn, sampleIndex: 0,
    message: `push ${turn}`, answer: `answer ${turn}`, scores: JSON.stringify({ firm: 80 - 10 * turn, empathetic: 70 }), ...over,
  });
}

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Rosa" });
  const persona = await createPersona(owner, { name: "Refund desk", spec: buildSpec({ traitTargets: { empathetic: 85, firm: 90 } }) });
  personaId = persona.id;
  await saveVersion(owner, personaId, persona.revision, "first");
  const run = expectOk(ops.createProbeRun, await owner.api.post(`${personaPath(owner.workspaceId, personaId)}/probe-runs`, {
    version: 1, budgetPerTrait: 12, pressure: { scripts: ["firm-refund", "cautious-hurry"], conversationsPerScript: 2, turns: 2 },
  }));
  runId = run.id;
  plainRunId = expectOk(ops.createProbeRun, await owner.api.post(`${personaPath(owner.workspaceId, personaId)}/probe-runs`, { version: 1, budgetPerTrait: 12 })).id;
  // Conversation 2 (the cautious-hurry script's first): turn 1 failed once, then answered; turn 2 written before turn 0.
  await turnRow(runId, 2, 2);
  await turnRow(runId, 2, 0);
  await turnRow(runId, 2, 1, { sampleIndex: 0, status: "failed", answer: null, scores: null, outcome: null, error: "timeout" });
  await turnRow(runId, 2, 1, { sampleIndex: 1 });
  await turnRow(runId, 2, 1, { sampleIndex: 2, status: "failed", answer: null, scores: null, outcome: null, error: "timeout" });
  await turnRow(runId, 0, 0, { message: "another conversation" });
});

describe("GET …/probe-runs/{runId}/conversations/{index}", () => {
  it("serves the conversation's turns in order, the answered attempt of each, and its script", async () => {
    const viewer = await addTeammate(owner, "viewer");
    const conv = expectOk(ops.getPressureConversation, await viewer.api.get(convPath(runId, 2)));
    expect(conv).toMatchObject({ id: "c3", index: 2, script: { key: "cautious-hurry", trait: "cautious", kind: "scripted" } });
    expect(conv.turns.map((t) => [t.turn, t.user, t.assistant, t.status, t.scores.firm])).toEqual([
      [0, "push 0", "answer 0", "done", 80], [1, "push 1", "answer 1", "done", 70], [2, "push 2", "answer 2", "done", 60],
    ]);
    expect(conv.turns[0].outcome).toBe("scored");
    // A conversation not started yet has no turns.
    expect(expectOk(ops.getPressureConversation, await owner.api.get(convPath(runId, 3))).turns).toEqual([]);
  });

  it("is 404 out of range, on a run without pressure, and from another workspace", async () => {
    expectError(await owner.api.get(convPath(runId, 4)), 404);
    expectError(await owner.api.get(convPath(runId, "x")), 404);
    expectError(await owner.api.get(convPath(plainRunId, 0)), 404);
    const other = await signUpWithWorkspace({ name: "Sven" });
    expectError(await other.api.get(`${wsPath(other.workspaceId)}/probe-runs/${runId}/conversations/2`), 404);
  });
});

describe("GET /api/share/{token}/conversations/{index}", () => {
  it("serves the shared report's run's conversation without a session, and 404 otherwise", async () => {
    const share = expectOk(ops.createShare, await owner.api.post(`${personaPath(owner.workspaceId, personaId)}/shares`, {}));
    // No completed run yet: nothing behind the link.
    expectError(await anonymous.get(`/api/share/${share.token}/conversations/2`), 404);
    await db.probeRun.update({ where: { id: runId }, data: { status: "completed", finishedAt: new Date(Date.now() - 60_000) } });
    const conv = expectOk(ops.sharedConversation, await anonymous.get(`/api/share/${share.token}/conversations/2`));
    expect(conv.turns.map((t) => t.assistant)).toEqual(["answer 0", "answer 1", "answer 2"]);
    expect(JSON.stringify(conv)).not.toContain("timeout");
    expectError(await anonymous.get(`/api/share/${share.token}/conversations/9`), 404);
    // The newest completed run has no pressure: the link has no conversations.
    await db.probeRun.update({ where: { id: plainRunId }, data: { status: "completed", finishedAt: new Date() } });
    expectError(await anonymous.get(`/api/share/${share.token}/conversations/2`), 404);
    expectError(await anonymous.get(`/api/share/${"A".repeat(43)}/conversations/0`), 404);
  });
});
