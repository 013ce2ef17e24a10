import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { claimableRuns } from "@/lib/jobs/probe-worker";
import { startWorker, stopWorker, WORKER_HANDLE, type WorkerHandle } from "@/lib/jobs/runner";
import { createSimulatorServer } from "@/lib/llm/simulator/http-server";
import { expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { buildSpec, createPersona, personaPath, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Issue 10, item 11: on SIGTERM the server stops the in-process worker through a
// global handle. Stopping lets the model calls in flight finish (they are paid
// for: their answers go into the call cache), aborts those still out after the
// grace period, and releases the worker's leases at once, so another worker takes
// its runs over without waiting for the lease to expire. The models here are real
// HTTP endpoints: one that never answers, and the simulator behind a slow proxy.

let owner: Member;
let model: Server;
let requests = 0;
let aborted = 0;

beforeAll(async () => {
  model = createServer((req, res) => {
    if (req.url?.endsWith("/models")) return void res.writeHead(200, { "content-type": "application/json" }).end('{"data":[]}');
    requests++;
    res.on("close", () => aborted++); // the worker hung up
  });
  model.listen(0, "127.0.0.1");
  await once(model, "listening");
  owner = await signUpWithWorkspace({ name: "Sig Term" });
});

afterAll(async () => {
  model.closeAllConnections();
  await new Promise((r) => model.close(r));
});

async function until(check: () => Promise<boolean> | boolean, what: string) {
  for (let i = 0; i < 600; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("stopping the probe worker", () => {
  it("aborts the calls in flight and releases its lease so the run can be taken over at once", async () => {
    const { port } = model.address() as AddressInfo;
    const provider = expectOk(ops.createProvider, await owner.api.post(`${wsPath(owner.workspaceId)}/providers`, {
      name: "Never answers", baseUrl: `http://127.0.0.1:${port}/v1`, apiKey: "sk-test-never-answers", defaultModel: "slow-1",
    }));
    const persona = await createPersona(owner, { name: "Stopper", spec: buildSpec() });
    const run = expectOk(ops.createProbeRun, await owner.api.post(`${personaPath(owner.workspaceId, persona.id)}/probe-runs`, {
      targetProviderId: provider.id, traits: ["empathetic"], budgetPerTrait: 6, concurrency: 2,
    }));

    startWorker({ pollMs: 50, log: { info: () => {}, error: () => {} } });
    await until(() => requests >= 1, "the worker to call the model");
    const held = await db.probeRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(held).toMatchObject({ status: "running" });
    expect(held.leaseOwner).toMatch(/^worker-/);
    expect(await claimableRuns()).not.toContain(run.id);

    const handle = (globalThis as Record<symbol, WorkerHandle | undefined>)[Symbol.for("persona-studio.worker")];
    expect(handle).toBe((globalThis as Record<symbol, WorkerHandle | undefined>)[WORKER_HANDLE]);
    await handle!.stop({ timeoutMs: 300 }); // the grace for calls in flight; this model never answers

    const released = await db.probeRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(released).toMatchObject({ status: "running", leaseOwner: null, heartbeatAt: null });
    expect(await claimableRuns()).toContain(run.id);
    await until(() => aborted >= requests, "the model calls to be hung up");
    // Nothing was answered, so nothing was stored: the run resumes from scratch elsewhere.
    expect(await db.probeAnswer.count({ where: { runId: run.id } })).toBe(0);
  });

  it("lets the calls in flight finish, and the worker that resumes the run pays for none of them again", async () => {
    // The simulator behind a proxy that holds each answer 400 ms and counts every request body it forwards.
    const sim = createSimulatorServer();
    sim.listen(0, "127.0.0.1");
    await once(sim, "listening");
    const simUrl = `http://127.0.0.1:${(sim.address() as AddressInfo).port}`;
    const bodies = new Map<string, number>();
    let hungUp = 0;
    let inFlight = 0;
    const proxy = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = Buffer.concat(chunks).toString();
      if (req.url?.endsWith("/chat/completions")) bodies.set(body, (bodies.get(body) ?? 0) + 1);
      inFlight++;
      res.on("close", () => { inFlight--; if (!res.writableFinished) hungUp++; });
      await new Promise((r) => setTimeout(r, 400));
      const upstream = await fetch(`${simUrl}${req.url}`, { method: req.method, headers: { "content-type": "application/json" }, body: body || undefined });
      res.writeHead(upstream.status, { "content-type": "application/json" }).end(await upstream.text());
    });
    proxy.listen(0, "127.0.0.1");
    await once(proxy, "listening");
    try {
      const provider = expectOk(ops.createProvider, await owner.api.post(`${wsPath(owner.workspaceId)}/providers`, {
        name: "Slow simulator", baseUrl: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/v1`, defaultModel: "persona-sim-1",
      }));
      const persona = await createPersona(owner, { name: "Graceful", spec: buildSpec() });
      const run = expectOk(ops.createProbeRun, await owner.api.post(`${personaPath(owner.workspaceId, persona.id)}/probe-runs`, {
        targetProviderId: provider.id, targetModel: "persona-sim-1", judgeProviderId: provider.id, judgeModel: "persona-sim-1",
        traits: ["empathetic"], budgetPerTrait: 6, concurrency: 3, retestShare: 0,
      }));

      startWorker({ pollMs: 50, log: { info: () => {}, error: () => {} } });
      await until(() => inFlight >= 2, "calls in flight");
      const sentBeforeStop = [...bodies.values()].reduce((a, b) => a + b, 0);
      await stopWorker({ timeoutMs: 10_000 });
      expect(hungUp).toBe(0); // every call in flight was answered, none cut off
      expect(await db.probeRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "running", leaseOwner: null });
      expect(sentBeforeStop).toBeGreaterThan(0);

      // Another worker takes the run over and completes it.
      startWorker({ pollMs: 50, log: { info: () => {}, error: () => {} } });
      await until(async () => (await db.probeRun.findUniqueOrThrow({ where: { id: run.id } })).status === "completed", "the resumed run to complete");
      await stopWorker({ timeoutMs: 2000 });
      const repeated = [...bodies.entries()].filter(([, n]) => n > 1);
      expect(repeated.map(([b]) => b.slice(0, 120))).toEqual([]); // no request paid for twice
      expect(hungUp).toBe(0);
      expect(await db.probeAnswer.count({ where: { runId: run.id, status: "done" } })).toBeGreaterThan(0);
    } finally {
      proxy.closeAllConnections();
      await new Promise((r) => proxy.close(r));
      await new Promise((r) => sim.close(r));
    }
  });
});
