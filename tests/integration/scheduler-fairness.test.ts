import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { queueKind } from "@/lib/jobs/queue/index";
import { startWorker, stopWorker } from "@/lib/jobs/runner";
import { expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { buildSpec, createPersona, personaPath, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";
import { startSlowSimulator, type SlowSimulator } from "@/tests/factories/slow-simulator";

// Issue 15, Must have 2: a worker runs several runs at once, and when its run
// slots are short the next run comes from the workspace with the fewest active
// runs — so a second workspace's small run does not wait behind another
// workspace's backlog. On SQLite the in-process queue decides, on PostgreSQL
// pg-boss (priorities set at enqueue); the same file runs on both.
// Before: one run at a time, oldest first — B's run started after all of A's.

let model: SlowSimulator;
let a: Member;
let b: Member;

beforeAll(async () => {
  model = await startSlowSimulator(40);
  a = await signUpWithWorkspace({ name: "Busy Team" });
  b = await signUpWithWorkspace({ name: "Small Team" });
});

afterAll(async () => {
  await stopWorker({ timeoutMs: 2000 });
  await model.close();
});

async function until(check: () => Promise<boolean> | boolean, what: string) {
  for (let i = 0; i < 1200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function startRun(m: Member, budgetPerTrait: number, concurrency: number) {
  const provider = await db.modelProvider.findFirst({ where: { workspaceId: m.workspaceId } });
  const providerId = provider?.id ?? expectOk(ops.createProvider, await m.api.post(`${wsPath(m.workspaceId)}/providers`, {
    name: "Slow simulator", baseUrl: `${model.origin}/v1`, defaultModel: "persona-sim-1",
  })).id;
  const persona = await createPersona(m, { name: `P${Math.random().toString(36).slice(2, 7)}`, spec: buildSpec() });
  return expectOk(ops.createProbeRun, await m.api.post(`${personaPath(m.workspaceId, persona.id)}/probe-runs`, {
    targetProviderId: providerId, traits: ["empathetic"], budgetPerTrait, concurrency, targetHalfWidth: 1,
  }));
}

describe("the scheduler", () => {
  it("starts another workspace's small run beside a busy workspace's runs, and keeps a heartbeat row", async () => {
    const busy: { id: string }[] = [];
    for (let i = 0; i < 3; i++) busy.push(await startRun(a, 6, 1));
    const small = await startRun(b, 6, 2);

    startWorker({ pollMs: 50, heartbeatMs: 200, maxRuns: 2, log: { info: () => {}, error: console.error } });
    await until(async () => (await db.probeRun.findUniqueOrThrow({ where: { id: small.id } })).status === "completed", "the small run to complete");

    const beat = await db.workerHeartbeat.findFirst();
    expect(beat).toMatchObject({ queue: queueKind(), pid: process.pid });
    const smallRow = await db.probeRun.findUniqueOrThrow({ where: { id: small.id } });
    const busyRows = await db.probeRun.findMany({ where: { id: { in: busy.map((r) => r.id) } } });
    // Two run slots: the first of A's runs and B's run start first; A's others wait for a slot.
    const startedBefore = busyRows.filter((r) => r.startedAt && r.startedAt.getTime() <= smallRow.startedAt!.getTime());
    expect(startedBefore.length).toBeLessThanOrEqual(1);
    // Runs side by side: while B's run was running, one of A's was too.
    expect(busyRows.some((r) => r.startedAt! <= smallRow.finishedAt! && (!r.finishedAt || r.finishedAt >= smallRow.startedAt!))).toBe(true);

    await until(async () => (await db.probeRun.count({ where: { id: { in: busy.map((r) => r.id) }, status: "completed" } })) === 3, "A's runs to complete");

    await stopWorker({ timeoutMs: 2000 });
    expect(await db.workerHeartbeat.count()).toBe(0);
  }, 120_000);
});
