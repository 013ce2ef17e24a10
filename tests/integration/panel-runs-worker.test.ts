import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { cachedChat, emptyCallStats } from "@/lib/jobs/model-call";
import { processBatch } from "@/lib/jobs/runner";
import { createSimulatorServer } from "@/lib/llm/simulator/http-server";
import { mulberry32 } from "@/lib/math/random";
import { resolveProvider } from "@/lib/services/providers/resolve-provider";
import { expectOk } from "@/tests/factories/api";
import { readRequestText } from "@/tests/factories/http-server";
import { buildSpec, createPersona, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// The worker side of a panel probe (issue 13 §4): member runs of one probe run
// side by side (the loop claims the batch and processes it concurrently), and
// identical calls in flight at the same time are paid once. A slow provider on
// 127.0.0.1 (the simulator behind a delay) logs every chat request it gets.

let owner: Member;
let slowId: string;
let slowOrigin: string;
const log: { model: string; body: string }[] = [];
let sim: Server;
let slow: Server;

const listen = (s: Server) => new Promise<string>((resolve) => s.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)));
const close = (s: Server) => new Promise<void>((resolve) => s.close(() => resolve()));

beforeAll(async () => {
  sim = createSimulatorServer();
  const simOrigin = await listen(sim);
  slow = createServer(async (req, res) => {
    const raw = await readRequestText(req);
    if (req.url?.endsWith("/chat/completions")) {
      log.push({ model: (JSON.parse(raw) as { model: string }).model, body: raw });
      await new Promise((r) => setTimeout(r, 15));
    }
    const upstream = await fetch(`${simOrigin}${req.url}`, { method: req.method, headers: { "content-type": "application/json" }, body: raw || undefined });
    res.writeHead(upstream.status, { "content-type": "application/json" }).end(await upstream.text());
  });
  const origin = await listen(slow);
  slowOrigin = origin;
  owner = await signUpWithWorkspace({ name: "Slow Prober" });
  slowId = expectOk(ops.createProvider, await owner.api.post(`${wsPath(owner.workspaceId)}/providers`, { name: "Slow", baseUrl: `${origin}/v1`, defaultModel: "persona-sim-2" })).id;
});

afterAll(async () => {
  await close(slow);
  await close(sim);
});

describe("identical calls in flight", () => {
  it("two identical calls at the same time reach the provider once; the second is a cache hit", async () => {
    const target = await resolveProvider({ workspaceId: owner.workspaceId }, slowId, "persona-sim-2");
    const req = { model: "persona-sim-2", messages: [{ role: "system" as const, content: "You are terse." }, { role: "user" as const, content: "Name a colour." }], temperature: 0.7, seed: 123 };
    const deps = { sleep: async () => {}, rng: mulberry32(1) };
    const a = emptyCallStats(), b = emptyCallStats();
    const before = log.length;
    const [x, y] = await Promise.all([cachedChat(owner.workspaceId, target, req, a, deps), cachedChat(owner.workspaceId, target, req, b, deps)]);
    expect(log.length - before).toBe(1);
    expect(y.text).toBe(x.text);
    expect(a.modelCalls + b.modelCalls).toBe(1);
    expect(a.cacheHits + b.cacheHits).toBe(1);
  });
});

describe("a call's provider slot", () => {
  it("is free again once the provider answered, before the call's bookkeeping (its usage written) is over", async () => {
    const target = await resolveProvider({ workspaceId: owner.workspaceId }, slowId, "persona-sim-2");
    const req = { model: "persona-sim-2", messages: [{ role: "user" as const, content: "Name a bird." }], temperature: 0.7, seed: 77 };
    const events: string[] = [];
    const slots = { acquire: async () => {
      let held = true; // idempotent, as the contract says
      return () => void (held && (held = false, events.push("slot released")));
    } };
    const record = async (delta: { promptTokens?: number }) => {
      if (!delta.promptTokens) return;
      await new Promise((r) => setTimeout(r, 50)); // a slow database
      events.push("usage written");
    };
    await cachedChat(owner.workspaceId, target, req, emptyCallStats(), { sleep: async () => {}, rng: mulberry32(3), slots, record });
    expect(events).toEqual(["slot released", "usage written"]);
  });
});

describe("member runs of one panel probe", () => {
  it("run side by side: their requests interleave at the provider", async () => {
    const ada = await createPersona(owner, { name: "Ada", spec: buildSpec({ name: "Ada", traitTargets: { warm: 85, firm: 30 } }) });
    const ben = await createPersona(owner, { name: "Ben", spec: buildSpec({ name: "Ben", traitTargets: { warm: 20, firm: 85 } }) });
    const panel = expectOk(ops.createPanel, await owner.api.post(`${wsPath(owner.workspaceId)}/panels`, {
      name: "Slow board",
      spec: {
        members: [{ key: "ada", personaId: ada.id, version: "latest" }, { key: "ben", personaId: ben.id, version: "latest" }],
        plans: { single: { seats: { ada: { providerId: slowId, model: "persona-sim-2" }, ben: { providerId: slowId, model: "persona-sim-3" } } } },
      },
    }));
    const run = expectOk(ops.createPanelRun, await owner.api.post(`${wsPath(owner.workspaceId)}/panels/${panel.id}/runs`, {
      traits: ["warm", "firm"], itemsPerTrait: 6, answersPerPair: 0, concurrency: 2, judgeProviderId: "simulator", judgeModel: "persona-sim-1",
    }));
    const before = log.length;
    const outcomes = await processBatch(run.members[0].runs[0].runId, { workerId: "slow-worker", sleep: async () => {}, rng: mulberry32(2) });
    expect(Object.values(outcomes)).toEqual(["completed", "completed"]);
    const models = log.slice(before).map((r) => r.model);
    // One after the other, every persona-sim-2 request would come before every persona-sim-3 request.
    const last = (m: string) => models.lastIndexOf(m);
    expect(models.indexOf("persona-sim-3")).toBeLessThan(last("persona-sim-2"));
    expect(models.indexOf("persona-sim-2")).toBeLessThan(last("persona-sim-3"));
  });
});

describe("the estimate", () => {
  it("prices the calls when every seat and the judge have prices, and calls no model", async () => {
    const priced = expectOk(ops.createProvider, await owner.api.post(`${wsPath(owner.workspaceId)}/providers`, { name: "Metered", baseUrl: `${slowOrigin}/v1`, defaultModel: "persona-sim-2", inputPricePerM: 2, outputPricePerM: 8 })).id;
    const cy = await createPersona(owner, { name: "Cy", spec: buildSpec({ name: "Cy", traitTargets: { warm: 60 } }) });
    const dee = await createPersona(owner, { name: "Dee", spec: buildSpec({ name: "Dee", traitTargets: { firm: 60 } }) });
    const panel = expectOk(ops.createPanel, await owner.api.post(`${wsPath(owner.workspaceId)}/panels`, {
      name: "Metered board",
      spec: {
        members: [{ key: "cy", personaId: cy.id, version: "latest" }, { key: "dee", personaId: dee.id, version: "latest" }],
        plans: { single: { seats: { cy: { providerId: priced, model: "persona-sim-2" }, dee: { providerId: priced, model: "persona-sim-3" } } } },
      },
    }));
    const before = log.length;
    const body = { traits: ["warm", "firm"], itemsPerTrait: 10, answersPerPair: 4, judgeProviderId: priced, judgeModel: "persona-sim-1" };
    const estimate = expectOk(ops.estimatePanelRun, await owner.api.post(`${wsPath(owner.workspaceId)}/panels/${panel.id}/runs/estimate`, body));
    expect(log.length).toBe(before);
    expect(estimate).toMatchObject({ memberRuns: 2, answers: 40, reused: 0, distinguishCalls: 4 });
    expect(estimate.calls.expected).toBeGreaterThan(0);
    expect(estimate.costUsd).toBeGreaterThan(0);
    const unpriced = expectOk(ops.estimatePanelRun, await owner.api.post(`${wsPath(owner.workspaceId)}/panels/${panel.id}/runs/estimate`, { ...body, judgeProviderId: slowId, judgeModel: "persona-sim-1" }));
    expect(unpriced.costUsd).toBeNull();
  });
});
