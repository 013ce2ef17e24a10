import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { buildSpec, createPersona, personaPath, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";
import { startSlowSimulator, type SlowSimulator } from "@/tests/factories/slow-simulator";

// Issue 15, "Done means": a worker is killed (SIGKILL: no chance to release
// anything) in the middle of a run, and another worker — a standalone
// `npm run worker` process, like the dead one — finishes it: the run completes,
// no answer is stored twice, and the only paid calls made again are the ones
// that were in flight when the worker died (everything answered before is in
// the identical-call cache). On PostgreSQL the workers take the run from
// pg-boss; on SQLite from the in-process queue: the same file runs on both.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
let model: SlowSimulator;
let owner: Member;
const children: ChildProcess[] = [];

beforeAll(async () => {
  model = await startSlowSimulator(150);
  owner = await signUpWithWorkspace({ name: "Kill Switch" });
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  await model.close();
});

/** `npm run worker` against this file's database (DATABASE_URL and the data dir with the key that opens stored API keys). */
function startWorkerProcess(): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
    cwd: root,
    env: { ...process.env, MULTI_INSTANCE: "false", PROBE_WORKER_RUNS: "2", WORKER_HEARTBEAT_MS: "500" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d));
  child.stderr!.on("data", (d: Buffer) => (output += d));
  children.push(child);
  return Object.assign(child, { output: () => output });
}

async function until(check: () => Promise<boolean> | boolean, what: string, info: () => string = () => "") {
  for (let i = 0; i < 2400; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}\n${info()}`);
}

describe("a worker killed mid-run", () => {
  it("is replaced by another worker: run completed, no duplicate answers, at most the in-flight calls paid again", async () => {
    const provider = expectOk(ops.createProvider, await owner.api.post(`${wsPath(owner.workspaceId)}/providers`, {
      name: "Counting simulator", baseUrl: `${model.origin}/v1`, defaultModel: "persona-sim-1",
    }));
    const persona = await createPersona(owner, { name: "Survivor", spec: buildSpec() });
    const run = expectOk(ops.createProbeRun, await owner.api.post(`${personaPath(owner.workspaceId, persona.id)}/probe-runs`, {
      targetProviderId: provider.id, traits: ["empathetic", "formal"], budgetPerTrait: 10, concurrency: 4,
    }));

    const first = startWorkerProcess();
    await until(async () => (await db.probeAnswer.count({ where: { runId: run.id } })) >= 6, "the first worker to store answers", first.output);
    const row = await db.probeRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(row.status).toBe("running");
    expect(row.leaseOwner).toContain(`-${first.pid}-`);

    first.kill("SIGKILL");
    await once(first, "exit");
    await new Promise((r) => setTimeout(r, 200)); // requests already on the wire reach the counter
    // In flight at the kill, from the worker's side: paid calls whose answer never reached the identical-call cache.
    const paidBefore = model.requests();
    const inFlightAtKill = paidBefore - (await db.callCache.count());
    expect(inFlightAtKill).toBeLessThanOrEqual(4); // the run's concurrency: at most 4 answers calling at once
    // Counted before sent: the dead worker's count never falls short of what the model received, and
    // exceeds it by at most the calls that were about to leave (the run's concurrency).
    const countedAtKill = (await db.probeRun.findUniqueOrThrow({ where: { id: run.id } })).modelCalls;
    expect(countedAtKill).toBeGreaterThanOrEqual(paidBefore);
    expect(countedAtKill - paidBefore).toBeLessThanOrEqual(4);

    const second = startWorkerProcess();
    await until(async () => (await db.probeRun.findUniqueOrThrow({ where: { id: run.id } })).status === "completed", "the second worker to complete the run", second.output);

    const done = await db.probeRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(done.leaseOwner).toBeNull();
    const answers = await db.probeAnswer.findMany({ where: { runId: run.id } });
    const keys = new Set(answers.map((a) => `${a.kind}/${a.traitKey}/${a.itemIndex}/${a.sampleIndex}`));
    expect(keys.size).toBe(answers.length);
    expect(model.requests()).toBeGreaterThan(paidBefore); // the second worker did the rest
    expect(model.repeats()).toBeLessThanOrEqual(inFlightAtKill);
    expect(done.modelCalls).toBeGreaterThanOrEqual(model.requests());
    expect(done.modelCalls - model.requests()).toBeLessThanOrEqual(4);

    second.kill("SIGTERM");
    await once(second, "exit");
    // A clean stop removes its heartbeat row; the killed worker's row stays (stale) for /api/health to report.
    const rows = await db.workerHeartbeat.findMany();
    expect(rows.map((r) => r.pid)).toEqual([first.pid]);
  }, 180_000);
});
