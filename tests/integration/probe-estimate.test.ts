import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { expectError, expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { addTeammate, buildSpec, createPersona, personaPath, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Sizing a probe before starting it (issue 12 §5): the route resolves the body
// as starting a run does and answers with calls, tokens and money; nothing is
// stored. And the smaller default watch set (§6) both routes share.

let owner: Member;
let personaId: string;
const estimatePath = () => `${personaPath(owner.workspaceId, personaId)}/probe-estimate`;

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Ines" });
  personaId = (await createPersona(owner, { name: "Refund desk", spec: buildSpec({ traitTargets: { empathetic: 80, firm: 80 } }) })).id;
});

describe("POST …/probe-estimate", () => {
  it("answers calls with a range, tokens, money on the simulator, and the default watch set; stores nothing", async () => {
    const res = expectOk(ops.estimateProbeRun, await owner.api.post(estimatePath(), {}));
    expect(res.watched).toHaveLength(8);
    expect(res.watched.slice(0, 2)).toEqual(["empathetic", "firm"]);
    expect(res.calls.low).toBeLessThanOrEqual(res.calls.expected);
    expect(res.calls.expected).toBeLessThanOrEqual(res.calls.high);
    expect(res.calls.expected).toBeGreaterThan(2 * 8 * 6);
    expect(res.tokens.total.expected).toBeGreaterThan(res.calls.expected * 100);
    // The simulator costs nothing, and says so.
    expect(res.costUsd).toEqual({ expected: 0, low: 0, high: 0 });
    expect(await db.probeRun.count({ where: { personaId } })).toBe(0);
  });

  it("grows with watching all related traits and with a narrower interval", async () => {
    const base = expectOk(ops.estimateProbeRun, await owner.api.post(estimatePath(), {}));
    const all = expectOk(ops.estimateProbeRun, await owner.api.post(estimatePath(), { watchAllRelated: true }));
    expect(all.watched.length).toBeGreaterThan(8);
    expect(all.calls.expected).toBeGreaterThan(base.calls.expected);
    const narrow = expectOk(ops.estimateProbeRun, await owner.api.post(estimatePath(), { targetHalfWidth: 3 }));
    expect(narrow.calls.expected).toBeGreaterThan(base.calls.expected);
  });

  it("names the field of a bad request", async () => {
    expectError(await owner.api.post(estimatePath(), { traits: ["not_a_trait"] }), 422, "traits");
    expectError(await owner.api.post(estimatePath(), { version: 7 }), 422, "version");
    expectError(await owner.api.post(estimatePath(), { targetProviderId: "nope" }), 404, "providerId");
  });

  it("treats another workspace's persona as not found, and is for whoever may start a probe", async () => {
    const other = await signUpWithWorkspace({ name: "Oskar" });
    expectError(await other.api.post(`${personaPath(other.workspaceId, personaId)}/probe-estimate`, {}), 404);
    const viewer = await addTeammate(owner, "viewer");
    expectError(await viewer.api.post(estimatePath(), {}), 403);
  });

  it("prices money only when the providers have prices", async () => {
    const provider = expectOk(ops.createProvider, await owner.api.post(`${wsPath(owner.workspaceId)}/providers`, { name: "Priced later", baseUrl: "http://127.0.0.1:9/v1", defaultModel: "m" }));
    const body = { targetProviderId: provider.id, targetModel: "m" };
    const unpriced = expectOk(ops.estimateProbeRun, await owner.api.post(estimatePath(), body));
    expect(unpriced.costUsd).toBeNull();
    expect(unpriced.tokens.total.expected).toBeGreaterThan(0);
    await db.modelProvider.update({ where: { id: provider.id }, data: { inputPricePerM: 2, outputPricePerM: 8 } });
    const priced = expectOk(ops.estimateProbeRun, await owner.api.post(estimatePath(), body));
    expect(priced.calls).toEqual(unpriced.calls);
    // Self-judged: every token at this provider's prices.
    const expected = (priced.tokens.prompt.expected * 2 + priced.tokens.completion.expected * 8) / 1e6;
    expect(priced.costUsd!.expected).toBeGreaterThan(0.8 * expected);
    expect(priced.costUsd!.expected).toBeLessThan(1.2 * expected);
    expect(priced.costUsd!.low).toBeLessThanOrEqual(priced.costUsd!.high);
  });
});

describe("the default watch set of a new run", () => {
  it("is the targets plus the most strongly related traits, at most 8; watchAllRelated watches them all", async () => {
    const run = expectOk(ops.createProbeRun, await owner.api.post(`${personaPath(owner.workspaceId, personaId)}/probe-runs`, { budgetPerTrait: 12 }));
    expect(run.watched).toHaveLength(8);
    expect(run.watched.slice(0, 2)).toEqual(["empathetic", "firm"]);
    const all = expectOk(ops.createProbeRun, await owner.api.post(`${personaPath(owner.workspaceId, personaId)}/probe-runs`, { budgetPerTrait: 12, watchAllRelated: true }));
    expect(all.watched.length).toBe(16);
    expect(all.watched).toEqual(expect.arrayContaining(run.watched));
  });
});
