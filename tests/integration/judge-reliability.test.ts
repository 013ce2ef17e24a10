import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { retestSeed } from "@/lib/jobs/judge-reliability";
import { claimRun, processRun, type WorkerDeps } from "@/lib/jobs/probe-worker";
import { createSimulatorServer } from "@/lib/llm/simulator/http-server";
import { SimulatorProvider } from "@/lib/llm/simulator/provider";
import type { ChatRequest, Provider } from "@/lib/llm/types";
import { mulberry32 } from "@/lib/math/random";
import { parseJudgeSettings, reliabilitySampleSize } from "@/lib/probing/judge-reliability";
import type { ProbeRunDetail } from "@/lib/schemas/probe";
import type { ResolvedProvider } from "@/lib/services/providers/resolve-provider";
import { expectError, expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { addTeammate, buildSpec, createPersona, personaPath, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Issue 11 §6: the judge as a measured instrument. A workspace reference judge,
// "self-judged" said plainly, a retest of a sample by the run's judge with a new
// seed (really asked again, not served from the cache), and a judge panel whose
// agreement (Krippendorff's α) is reported per trait. The panel judge here is a
// real HTTP endpoint (the simulator server with a noisy judge).

let owner: Member;
let other: Member;
let noisyJudge: Server;
let noisyUrl: string;

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Judy" });
  other = await signUpWithWorkspace({ name: "Otto" });
  noisyJudge = createSimulatorServer({ adversarial: { worldSeed: 7, judgeNoiseSd: 12 } });
  noisyJudge.listen(0, "127.0.0.1");
  await once(noisyJudge, "listening");
  noisyUrl = `http://127.0.0.1:${(noisyJudge.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  noisyJudge.closeAllConnections();
  await new Promise((r) => noisyJudge.close(r));
});

const SPEC = buildSpec({ traitTargets: { empathetic: 85 } });
const SMALL = { traits: ["empathetic", "warm"], budgetPerTrait: 12, targetHalfWidth: 25, concurrency: 3 };

async function connectNoisyJudge(member: Member, name = "Noisy judge") {
  return expectOk(ops.createProvider, await member.api.post(`${wsPath(member.workspaceId)}/providers`, { name, baseUrl: noisyUrl, defaultModel: "persona-sim-1" }));
}

async function createRun(member: Member, body: Record<string, unknown> = {}) {
  const persona = await createPersona(member, { name: "Judged", spec: SPEC });
  return member.api.post(`${personaPath(member.workspaceId, persona.id)}/probe-runs`, { ...SMALL, ...body });
}

const detail = async (member: Member, runId: string): Promise<ProbeRunDetail> =>
  expectOk(ops.getProbeRun, await member.api.get(`${wsPath(member.workspaceId)}/probe-runs/${runId}`));

/** Every answered model call, with its request; the in-process simulator behind it (noisy judge when asked). */
function recording(inner: Provider) {
  const calls: ChatRequest[] = [];
  const provider: Provider = {
    kind: inner.kind, label: inner.label, listModels: (s) => inner.listModels(s), stream: (r) => inner.stream(r),
    chat: async (req) => {
      const res = await inner.chat(req);
      calls.push(req);
      return res;
    },
  };
  return { provider, calls };
}

function deps(provider: Provider, extra: Partial<WorkerDeps> = {}): WorkerDeps {
  const resolved = (model: string): ResolvedProvider => ({ provider, providerId: "simulator", model, simulated: true, endpoint: "simulator" });
  return { workerId: "judge-test", sleep: async () => {}, rng: mulberry32(1), resolve: async (_w, _p, model) => resolved(model), ...extra };
}

describe("the reference judge", () => {
  it("is an owner's workspace setting that new probes default their judge to", async () => {
    const provider = await connectNoisyJudge(owner, "Reference");
    const editor = await addTeammate(owner, "editor");
    expectError(await editor.api.patch(wsPath(owner.workspaceId), { referenceJudge: { providerId: provider.id, model: "persona-sim-1" } }), 403);

    // Before: the target judges itself, and the run says so.
    const before = expectOk(ops.createProbeRun, await createRun(owner));
    expect(before.judge).toMatchObject({ providerId: before.target.providerId, model: before.target.model });

    const ws = expectOk(ops.updateWorkspace, await owner.api.patch(wsPath(owner.workspaceId), { referenceJudge: { providerId: provider.id, model: "persona-sim-1" } }));
    expect(ws.referenceJudge).toEqual({ providerId: provider.id, model: "persona-sim-1" });
    const me = expectOk(ops.me, await owner.api.get("/api/me"));
    expect(me.workspaces.find((w) => w.id === owner.workspaceId)?.referenceJudge).toEqual({ providerId: provider.id, model: "persona-sim-1" });

    const after = expectOk(ops.createProbeRun, await createRun(owner));
    expect(after.target.providerId).toBe("simulator");
    expect(after.judge).toMatchObject({ providerId: provider.id, model: "persona-sim-1" });
    // A judge named in the request still wins.
    const named = expectOk(ops.createProbeRun, await createRun(owner, { judgeProviderId: "simulator" }));
    expect(named.judge.providerId).toBe("simulator");

    expect(expectOk(ops.updateWorkspace, await owner.api.patch(wsPath(owner.workspaceId), { referenceJudge: null })).referenceJudge).toBeNull();
    expect(expectOk(ops.createProbeRun, await createRun(owner)).judge.providerId).toBe("simulator");
    await db.probeRun.updateMany({ where: { workspaceId: owner.workspaceId, status: "queued" }, data: { status: "cancelled" } });
  });

  it("refuses a provider of another workspace as not found, naming the field", async () => {
    const theirs = await connectNoisyJudge(other, "Theirs");
    expectError(await owner.api.patch(wsPath(owner.workspaceId), { referenceJudge: { providerId: theirs.id, model: "x" } }), 404, "referenceJudge.providerId");
    expectError(await owner.api.patch(wsPath(owner.workspaceId), { referenceJudge: { providerId: "simulator", model: " " } }), 422, "referenceJudge.model");
    expect((await db.workspace.findUniqueOrThrow({ where: { id: owner.workspaceId } })).referenceJudgeProviderId).toBeNull();
  });
});

describe("self-judged runs", () => {
  it("say so in the report; a run with another judge does not", async () => {
    const self = expectOk(ops.createProbeRun, await createRun(owner, { retestShare: 0 }));
    const provider = await connectNoisyJudge(owner, "Another judge");
    const judged = expectOk(ops.createProbeRun, await createRun(owner, { retestShare: 0, judgeProviderId: provider.id, judgeModel: "persona-sim-1" }));
    const sim = new SimulatorProvider();
    expect(await claimRun(self.id, "judge-test")).toBe(true);
    expect(await processRun(self.id, deps(sim))).toBe("completed");
    expect(await claimRun(judged.id, "judge-test")).toBe(true);
    expect(await processRun(judged.id, { workerId: "judge-test", sleep: async () => {}, rng: mulberry32(1) })).toBe("completed");

    expect((await detail(owner, self.id)).report.judgeReliability).toMatchObject({ selfJudged: true, judge: { model: "persona-sim-1" } });
    // Same model name, another provider: not the target judging itself.
    expect((await detail(owner, judged.id)).report.judgeReliability).toMatchObject({ selfJudged: false, judge: { model: "persona-sim-1" } });
  });
});

describe("test–retest", () => {
  it("asks the run's judge again on a sample with a new seed, past the cache, and reports ICC per trait", async () => {
    const noisy = recording(new SimulatorProvider({ adversarial: { worldSeed: 3, judgeNoiseSd: 6 } }));
    const run = expectOk(ops.createProbeRun, await createRun(owner, { retestShare: 0.5 }));
    expect(parseJudgeSettings((await db.probeRun.findUniqueOrThrow({ where: { id: run.id } })).judges)).toEqual({ panel: [], retestShare: 0.5 });
    expect(await claimRun(run.id, "judge-test")).toBe(true);
    expect(await processRun(run.id, deps(noisy.provider))).toBe("completed");

    const scored = await db.probeAnswer.count({ where: { runId: run.id, status: "done", outcome: "scored" } });
    const judgments = await db.probeJudgment.findMany({ where: { runId: run.id } });
    const expected = reliabilitySampleSize(scored, { panel: [], retestShare: 0.5 });
    expect(expected).toBeGreaterThan(4);
    expect(judgments).toHaveLength(expected);
    expect(judgments.every((j) => j.role === "retest" && j.status === "done" && j.judgeProviderId === "simulator")).toBe(true);
    // Each retest reached the model with its own seed (the first judgments had none): not served from the cache.
    for (const j of judgments) {
      expect(noisy.calls.filter((c) => c.seed === retestSeed(run.id, j.answerId) && c.responseFormat)).toHaveLength(1);
    }
    const firstJudgeCalls = noisy.calls.filter((c) => c.responseFormat && c.seed === undefined).length;
    const d = await detail(owner, run.id);
    expect(d.progress.modelCalls).toBe(noisy.calls.length);
    expect(noisy.calls.length).toBe(firstJudgeCalls + expected + noisy.calls.filter((c) => !c.responseFormat).length);

    const reliability = d.report.judgeReliability!;
    expect(reliability.judgments).toEqual({ retest: expected, panel: 0, failed: 0 });
    for (const t of reliability.traits) {
      expect(t.retest!.answers).toBe(expected);
      expect(t.retest!.icc).not.toBeNull();
      expect(t.retest!.meanAbsoluteDifference).toBeGreaterThan(0); // a noisy judge does not repeat itself
      expect(t.panel).toBeNull();
    }
  });

  it("resumes a pass stopped midway without asking any judgment twice", async () => {
    const noisy = recording(new SimulatorProvider({ adversarial: { worldSeed: 4, judgeNoiseSd: 6 } }));
    const run = expectOk(ops.createProbeRun, await createRun(owner, { retestShare: 0.5 }));
    const stopper = new AbortController();
    const stopping: Provider = { ...noisy.provider, chat: async (req) => {
      if (req.seed !== undefined && req.responseFormat && noisy.calls.filter((c) => c.seed !== undefined && c.responseFormat).length >= 4) stopper.abort();
      return noisy.provider.chat(req);
    } };
    expect(await claimRun(run.id, "judge-test")).toBe(true);
    expect(await processRun(run.id, deps(stopping, { signal: stopper.signal }))).toBe("stopped");
    const partial = await db.probeJudgment.count({ where: { runId: run.id } });
    expect(partial).toBeGreaterThan(0);

    await db.probeRun.update({ where: { id: run.id }, data: { leaseOwner: null, heartbeatAt: null } });
    expect(await claimRun(run.id, "judge-test")).toBe(true);
    expect(await processRun(run.id, deps(noisy.provider))).toBe("completed");
    const judgments = await db.probeJudgment.findMany({ where: { runId: run.id } });
    expect(judgments.length).toBeGreaterThan(partial);
    // No answered retest call was asked twice (one aborted in flight when the pass stopped is asked again).
    const retestCalls = noisy.calls.filter((c) => c.seed !== undefined && c.responseFormat);
    expect(new Set(retestCalls.map((c) => c.seed)).size).toBe(retestCalls.length);
    expect(retestCalls).toHaveLength(judgments.length);
    expect(judgments.filter((j) => j.status === "done")).toHaveLength(judgments.length);
  });
});

describe("a judge panel", () => {
  it("scores the sample beside the run's judge and reports Krippendorff's α per trait", async () => {
    const provider = await connectNoisyJudge(owner, "Panel judge");
    const run = expectOk(ops.createProbeRun, await createRun(owner, { retestShare: 0.5, panelJudges: [{ providerId: provider.id, model: "persona-sim-1" }] }));
    expect(await claimRun(run.id, "judge-test")).toBe(true);
    // The real resolver: the target and judge are the in-process simulator, the panel judge is the HTTP endpoint.
    expect(await processRun(run.id, { workerId: "judge-test", sleep: async () => {}, rng: mulberry32(1) })).toBe("completed");

    const judgments = await db.probeJudgment.findMany({ where: { runId: run.id, role: "panel" } });
    expect(judgments.length).toBeGreaterThan(4);
    expect(judgments.every((j) => j.judgeProviderId === provider.id && j.status === "done")).toBe(true);
    const reliability = (await detail(owner, run.id)).report.judgeReliability!;
    expect(reliability.panel).toEqual([{ model: "persona-sim-1" }]);
    for (const t of reliability.traits) {
      expect(t.panel).toMatchObject({ judges: 2, answers: judgments.length });
      expect(t.panel!.alpha).not.toBeNull();
      expect(t.panel!.alpha!).toBeLessThan(1); // σ 12 noise on one judge: not perfect agreement
    }
  });

  it("refuses three extra judges, another workspace's provider, and the run's own judge", async () => {
    const sim = { providerId: "simulator", model: "persona-sim-1" };
    const theirs = await connectNoisyJudge(other, "Not yours");
    const mine = await connectNoisyJudge(owner, "Mine");
    const m = { providerId: mine.id, model: "persona-sim-1" };
    expectError(await createRun(owner, { panelJudges: [m, { ...m, model: "a" }, { ...m, model: "b" }] }), 422, "panelJudges");
    expectError(await createRun(owner, { panelJudges: [{ providerId: theirs.id, model: "persona-sim-1" }] }), 404, "panelJudges.0.providerId");
    expectError(await createRun(owner, { panelJudges: [sim] }), 422, "panelJudges.0");
    expectError(await createRun(owner, { retestShare: 1.5 }), 422, "retestShare");
  });
});
