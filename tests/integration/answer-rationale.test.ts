import type { IncomingMessage } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { expectError, expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { addTeammate, buildSpec, createPersona, personaPath, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";
import { addProbeAnswer, SCORED_ANSWER } from "@/tests/factories/probe-answers";
import { startSimulatorProxy, type ProxiedReply, type SimulatorProxy } from "@/tests/factories/simulator-proxy";

// "Why this score?" (issue 12 §4) end to end: the route asks the run's own
// judge — here an OpenAI-compatible endpoint on 127.0.0.1 (a proxy in front of
// the simulator's HTTP server that counts what reaches it) — once per answer,
// keeps the rationale on the answer, and never pays for the same ask twice.

const KEY = "sk-rati-Z9xY8wV7uT6sR5qP4oN3mL2k";

let proxy: SimulatorProxy;
let owner: Member;
let providerId: string;
let runId: string;
/** What the endpoint does with a rationale request; set per test. */
let mode: "pass" | "garbage" | "reject" = "pass";
const seen = { rationale: 0, other: 0 };

const isChat = (url: string | undefined) => Boolean(url?.endsWith("/chat/completions"));
const isRationale = (raw: string) => raw.includes('"score_rationale"');
const hooks = {
  intercept: (req: IncomingMessage, raw: string) => {
    if (isChat(req.url)) seen[isRationale(raw) ? "rationale" : "other"]++;
    if (!isRationale(raw) || mode !== "reject") return undefined;
    return { status: 401, text: JSON.stringify({ error: { message: `Incorrect API key provided: ${req.headers.authorization?.replace(/^Bearer /, "")}` } }) };
  },
  onResponse: (_req: IncomingMessage, raw: string, reply: ProxiedReply) => {
    if (!isRationale(raw) || mode !== "garbage" || reply.status !== 200) return undefined;
    const body = JSON.parse(reply.text) as { choices: { message: { content: string } }[] };
    body.choices[0].message.content = "Sure! Firm is high because the answer holds the line.";
    return { status: 200, text: JSON.stringify(body) };
  },
};


async function startRun(member: Member, judge: Record<string, string> = { targetProviderId: providerId, targetModel: "persona-sim-1", judgeProviderId: providerId, judgeModel: "persona-sim-1" }) {
  const persona = await createPersona(member, { name: "Refund desk", spec: buildSpec({ traitTargets: { firm: 80, warm: 60 } }) });
  return expectOk(ops.createProbeRun, await member.api.post(`${personaPath(member.workspaceId, persona.id)}/probe-runs`, {
    traits: ["firm", "warm"], retestShare: 0, ...judge,
  })).id;
}

const ask = (member: Member, run: string, answerId: string, workspaceId = member.workspaceId) =>
  member.api.post(`${wsPath(workspaceId)}/probe-runs/${run}/answers/${answerId}/rationale`);

beforeAll(async () => {
  proxy = await startSimulatorProxy(hooks);
  const origin = proxy.origin;
  owner = await signUpWithWorkspace({ name: "Rhea Rationale" });
  providerId = expectOk(ops.createProvider, await owner.api.post(`${wsPath(owner.workspaceId)}/providers`, {
    name: "Local judge", baseUrl: `${origin}/v1`, apiKey: KEY, defaultModel: "persona-sim-1",
  })).id;
  runId = await startRun(owner);
});

afterAll(() => proxy.close());

beforeEach(() => {
  mode = "pass";
});

describe("Why this score?", () => {
  it("asks the run's judge once, keeps the rationale on the answer, and answers the second ask without a model call", async () => {
    const answer = await addProbeAnswer(runId);
    const before = seen.rationale;
    const first = expectOk(ops.explainAnswerScores, await ask(owner, runId, answer.id));
    expect(seen.rationale - before).toBe(1);
    expect(first).toMatchObject({ scores: { firm: 80, warm: 70 }, judge: { label: "Local judge", model: "persona-sim-1" }, cached: false });
    expect(Object.keys(first.rationale).sort()).toEqual(["firm", "warm"]);
    expect(first.rationale.firm).toMatch(/^Scored 80: the answer says "I usually hold my ground"/);

    const second = expectOk(ops.explainAnswerScores, await ask(owner, runId, answer.id));
    expect(seen.rationale - before).toBe(1);
    expect(second).toEqual({ ...first, cached: true });

    // The answers listing brings it back with the answer; a viewer reads it there.
    const viewer = await addTeammate(owner, "viewer");
    const listed = expectOk(ops.listProbeAnswers, await viewer.api.get(`${wsPath(owner.workspaceId)}/probe-runs/${runId}/answers`, { ids: answer.id }));
    expect(listed[0].rationale).toEqual(first.rationale);
    expect(seen.other).toBe(0);
  });

  it("never pays twice even when the kept rationale is gone: the identical request comes from the call cache", async () => {
    const answer = await addProbeAnswer(runId, { message: "A question only the cache test asks" });
    const before = seen.rationale;
    const first = expectOk(ops.explainAnswerScores, await ask(owner, runId, answer.id));
    expect(first.cached).toBe(false);
    await db.probeAnswer.update({ where: { id: answer.id }, data: { rationale: null } });
    const again = expectOk(ops.explainAnswerScores, await ask(owner, runId, answer.id));
    expect(seen.rationale - before).toBe(1);
    expect(again).toEqual({ ...first, cached: true });
    expect(JSON.parse((await db.probeAnswer.findUniqueOrThrow({ where: { id: answer.id } })).rationale!)).toEqual(first.rationale);
  });

  it("lists only answers' own stored rationale: an answer nobody asked about has null", async () => {
    const answer = await addProbeAnswer(runId);
    const listed = expectOk(ops.listProbeAnswers, await owner.api.get(`${wsPath(owner.workspaceId)}/probe-runs/${runId}/answers`, { ids: answer.id }));
    expect(listed[0].rationale).toBeNull();
  });

  it.each([
    ["an empty answer", { outcome: "empty", answer: "", scores: null }, /not scored \(the model gave an empty answer\)/],
    ["a bare refusal", { outcome: "refused", answer: "I can't help with that.", scores: null, refusal: true }, /not scored \(the answer is a bare refusal\)/],
    ["a truncated answer", { outcome: "truncated", scores: null, finishReason: "length" }, /not scored \(the answer was cut off at the token limit\)/],
    ["a failed call", { status: "failed", outcome: null, answer: null, scores: null, error: "server: The endpoint failed (500)" }, /not scored \(the model call failed\)/],
    ["an answer with every score n/a", { scores: JSON.stringify({ firm: null, warm: null }) }, /no trait of this answer \(every score is n\/a\)/],
  ])("answers 409 for %s, without a judge call", async (_what, over, message) => {
    const answer = await addProbeAnswer(runId, over);
    const before = seen.rationale;
    expect(expectError(await ask(owner, runId, answer.id), 409).message).toMatch(message);
    expect(seen.rationale).toBe(before);
  });

  it("is not found from another workspace, through either workspace id, or under another run", async () => {
    const answer = await addProbeAnswer(runId);
    const outsider = await signUpWithWorkspace({ name: "Otto Outsider" });
    const otherRun = await startRun(outsider, {});
    const otherAnswer = await addProbeAnswer(otherRun);
    const before = seen.rationale;
    expectError(await ask(outsider, runId, answer.id, owner.workspaceId), 404);
    expectError(await ask(outsider, runId, answer.id), 404);
    // His own run, her answer id (and the reverse): the answer is looked up within the run.
    expect(expectError(await ask(outsider, otherRun, answer.id), 404).message).toBe("Answer not found");
    expect(expectError(await ask(owner, runId, otherAnswer.id), 404).message).toBe("Answer not found");
    expect(seen.rationale).toBe(before);
    expect((await db.probeAnswer.findUniqueOrThrow({ where: { id: answer.id } })).rationale).toBeNull();
  });

  it("may be asked by a reviewer, not by a viewer (a paid call)", async () => {
    const answer = await addProbeAnswer(runId);
    const viewer = await addTeammate(owner, "viewer");
    const reviewer = await addTeammate(owner, "reviewer");
    const before = seen.rationale;
    expectError(await ask(viewer, runId, answer.id, owner.workspaceId), 403);
    expect(seen.rationale).toBe(before);
    expectOk(ops.explainAnswerScores, await ask(reviewer, runId, answer.id, owner.workspaceId));
  });

  it("says plainly when the judge's reply is not a rationale: asked twice at most, nothing kept or cached", async () => {
    mode = "garbage";
    const answer = await addProbeAnswer(runId, { message: "A question only this test asks" });
    const before = seen.rationale;
    const error = expectError(await ask(owner, runId, answer.id), 502);
    expect(error.message).toMatch(/^The judge could not explain this score: the judge's rationale is not valid JSON \(starts with "Sure! Firm/);
    expect(seen.rationale - before).toBe(2);
    expect((await db.probeAnswer.findUniqueOrThrow({ where: { id: answer.id } })).rationale).toBeNull();
    mode = "pass";
    expectOk(ops.explainAnswerScores, await ask(owner, runId, answer.id));
    expect(seen.rationale - before).toBe(3);
  });

  it("never shows the provider's key when the judge rejects it", async () => {
    mode = "reject";
    const answer = await addProbeAnswer(runId, { message: "Another question only this test asks" });
    const res = await ask(owner, runId, answer.id);
    const error = expectError(res, 502);
    expect(error.message).toMatch(/^The judge could not explain this score: The endpoint rejected the API key \(401\)/);
    expect(JSON.stringify(res.body)).not.toContain(KEY);
    expect(JSON.stringify(res.body)).not.toContain(KEY.slice(-8));
  });
});

describe("Why this score? on the simulator", () => {
  it("returns the simulated judge's rationale for a run judged by the built-in simulator", async () => {
    const run = await startRun(owner, {});
    const detail = expectOk(ops.getProbeRun, await owner.api.get(`${wsPath(owner.workspaceId)}/probe-runs/${run}`));
    expect(detail.judge.simulated).toBe(true);
    const answer = await addProbeAnswer(run, { answer: SCORED_ANSWER, scores: JSON.stringify({ firm: 80, warm: 70, playful: null }) });
    const before = seen.rationale;
    const out = expectOk(ops.explainAnswerScores, await ask(owner, run, answer.id));
    expect(seen.rationale).toBe(before);
    expect(out.judge.label).toMatch(/^Simulator/);
    expect(Object.keys(out.rationale).sort()).toEqual(["firm", "warm"]);
    expect(out.rationale.warm).toMatch(/^Scored 70: the answer says "I often add a kind word" — the high side of warm, 4 steps out/);
  });
});
