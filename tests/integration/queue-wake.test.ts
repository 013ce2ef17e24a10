import { afterAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import type { RunQueue } from "@/lib/jobs/queue/index";
import { expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { buildSpec, createPersona, personaPath, signUpWithWorkspace } from "@/tests/factories/personas";
import { isPostgresTest } from "@/tests/setup/postgres";

// On PostgreSQL a run created by one process (a web instance) wakes the workers
// in others at once: every enqueue ends with NOTIFY and each worker LISTENs on its
// own connection (lib/jobs/queue/pg-boss.ts), so a new run does not wait for the
// next poll. Polling stays the fallback. SQLite runs one process: nothing to test.

const queues: RunQueue[] = [];
afterAll(async () => {
  for (const q of queues) await q.close();
});

describe.skipIf(!isPostgresTest)("the pg-boss queue's wake-up", () => {
  it("wakes a listening worker when another queue enqueues, and keeps listening after a lost connection", async () => {
    const { openPgBossQueue } = await import("@/lib/jobs/queue/pg-boss");
    const sender = await openPgBossQueue("sender"); // creates pg-boss's schema
    queues.push(sender);
    const owner = await signUpWithWorkspace({ name: "Wake" });
    const persona = await createPersona(owner, { name: "Wake", spec: buildSpec() });
    const run = expectOk(ops.createProbeRun, await owner.api.post(`${personaPath(owner.workspaceId, persona.id)}/probe-runs`, {
      traits: ["empathetic"], budgetPerTrait: 6, concurrency: 1, targetHalfWidth: 1,
    }));
    // The create's own enqueue (and its notice) is over before the worker listens.
    for (let i = 0; i < 200 && Number((await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM pgboss.job WHERE singleton_key = $1`, run.id))[0].n) === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 300));

    const worker = await openPgBossQueue("worker");
    queues.push(worker);
    let wakes = 0;
    let woken: () => void = () => {};
    const next = () => new Promise<void>((resolve) => (woken = resolve));
    await worker.listen!(() => {
      wakes++;
      woken();
    });
    let wake = next();
    await sender.enqueue([run.id]);
    await wake;
    expect(wakes).toBeGreaterThanOrEqual(1);

    // The listening connection is killed (a server restart, a failover): the worker listens again by itself.
    const killed = await db.$queryRawUnsafe<{ ok: boolean }[]>(`SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = 'persona-studio-listen' AND datname = current_database()`);
    expect(killed.filter((k) => k.ok)).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 200)); // the old connection is gone before counting listeners again
    for (let i = 0; i < 100; i++) {
      const n = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'persona-studio-listen' AND datname = current_database()`);
      if (Number(n[0].n) > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    wake = next();
    await sender.enqueue([run.id]);
    await wake;
  }, 60_000);

  it("carries workers' notices about provider slots to the listeners, apart from the run wake-ups", async () => {
    const { openPgBossQueue } = await import("@/lib/jobs/queue/pg-boss");
    const sender = await openPgBossQueue("sender");
    const worker = await openPgBossQueue("worker");
    queues.push(sender, worker);
    const notices: unknown[] = [];
    let wakes = 0;
    let heard: () => void = () => {};
    const noticed = new Promise<void>((resolve) => (heard = resolve));
    await worker.listen!(() => wakes++, (notice) => {
      notices.push(notice);
      heard();
    });
    await sender.announceSlots!({ providerId: "prov-x", workerId: "worker-1" });
    await noticed;
    expect(notices).toEqual([{ providerId: "prov-x", workerId: "worker-1" }]);
    expect(wakes).toBe(0); // a slot notice is not a new run
  }, 30_000);
});
