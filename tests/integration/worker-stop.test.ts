import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { claimableRuns } from "@/lib/jobs/probe-worker";
import { startWorker, WORKER_HANDLE, type WorkerHandle } from "@/lib/jobs/runner";
import { expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { buildSpec, createPersona, personaPath, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Issue 10, item 11: on SIGTERM the server stops the in-process worker through a
// global handle. Stopping aborts the model calls in flight and releases the
// worker's leases at once, so another worker takes its runs over without waiting
// for the lease to expire. The model here is a real HTTP endpoint that never answers.

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
    await handle!.stop();

    const released = await db.probeRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(released).toMatchObject({ status: "running", leaseOwner: null, heartbeatAt: null });
    expect(await claimableRuns()).toContain(run.id);
    await until(() => aborted >= requests, "the model calls to be hung up");
    // Nothing was answered, so nothing was stored: the run resumes from scratch elsewhere.
    expect(await db.probeAnswer.count({ where: { runId: run.id } })).toBe(0);
  });
});
