import "server-only";
import pg from "pg";
import PgBoss from "pg-boss";
import { db } from "@/lib/db/client";
import { env } from "@/lib/config/env";
import { fairPriorities } from "@/lib/jobs/queue/fair-order";
import type { RunQueue, SlotNotice } from "@/lib/jobs/queue/index";
import { waitingRuns } from "@/lib/jobs/queue/waiting-runs";

// The team queue (PostgreSQL): one pg-boss job per run that needs a worker, in
// the queue "probe-run" (pg-boss's own schema "pgboss", created at start).
// - Which worker: workers `fetch` jobs (SELECT … FOR UPDATE SKIP LOCKED), as
//   many as they have free run slots; a job is completed when processBatch is
//   over (whatever the run's outcome) and failed when it threw, so pg-boss
//   retries it (retryLimit, retryDelay).
// - Order: priority, then age. The priority is fixed at enqueue from the
//   workspace's runs ahead (fair-order.ts fairPriorities): round robin between
//   workspaces.
// - No double queueing: policy "short" keeps at most one waiting job per run
//   (singletonKey = run id); sending again while one waits is a no-op.
// - A dead worker: pg-boss v10 has no heartbeat on an active job and a run can
//   last hours, so the job's expiry (23 h) is not how a crash is noticed. The
//   run's lease is: every worker's heartbeat timer calls `reap`, which sends a
//   job for every run queued without one (created while sending failed, or
//   before pg-boss was used) and every run whose lease expired; the dead
//   worker's job just expires later. The lease still guards the run, so a job
//   handed out for a live run finds it taken and completes without work.
// - Start at once: every enqueue ends with NOTIFY, and each worker LISTENs on its own
//   connection and fetches when told, instead of at its next poll (the fallback).
// - The same connection carries the workers' notices about shared provider slots
//   (announceSlots: a worker gave slots back or waits for some; lib/jobs/provider-slots.ts).

const QUEUE = "probe-run";
/** NOTIFY channel: "a job was sent", so idle workers fetch now rather than at their next poll. */
const CHANNEL = "persona_studio_probe_run";
/** NOTIFY channel: "provider P's slots changed hands", payload `providerId workerId`. */
const SLOTS_CHANNEL = "persona_studio_provider_slots";
type Job = { runId: string; batchId?: string | null };

async function startBoss(role: "worker" | "sender"): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: env.databaseUrl,
    max: 2,
    // Maintenance (expiring, archiving) only in workers; web instances only send.
    supervise: role === "worker",
    schedule: false,
    migrate: true,
    application_name: `persona-studio-${role}`,
    ...({ allowExitOnIdle: true } as object),
  });
  boss.on("error", (e: Error & { code?: string }) => {
    // 57P01: the server ended the connection (a restart, or a test database dropped); pg-boss reconnects.
    if (e.code !== "57P01") console.error("[queue] pg-boss:", e.message);
  });
  await boss.start();
  if (!(await boss.getQueue(QUEUE))) {
    await boss.createQueue(QUEUE, { name: QUEUE, policy: "short", retryLimit: 3, retryDelay: 5, expireInHours: 23 }).catch(async (e: unknown) => {
      if (!(await boss.getQueue(QUEUE))) throw e; // another process created it first
    });
  }
  return boss;
}

export async function openPgBossQueue(role: "worker" | "sender"): Promise<RunQueue> {
  const boss = await startBoss(role);

  const enqueue = async (runIds?: string[]) => {
    const runs = runIds
      ? await db.probeRun.findMany({ where: { id: { in: runIds } }, select: { id: true, workspaceId: true, createdAt: true, batchId: true } })
      : await waitingRuns(1000);
    if (runs.length === 0) return;
    const outstanding = await db.probeRun.findMany({
      where: { workspaceId: { in: [...new Set(runs.map((r) => r.workspaceId))] }, status: { in: ["queued", "running"] } },
      select: { id: true, workspaceId: true, createdAt: true, status: true },
    });
    const priorities = fairPriorities(runs, outstanding);
    for (const r of runs) {
      const job: Job = { runId: r.id, batchId: r.batchId };
      await boss.send(QUEUE, job, { singletonKey: r.id, priority: priorities.get(r.id) ?? 0 });
    }
    // After the jobs are committed: a listener that wakes fetches them. A lost notice costs one poll.
    await db.$executeRawUnsafe(`NOTIFY ${CHANNEL}`).catch(() => {});
  };

  // A worker's own connection for LISTEN (a pooled one would lose it). Lost (a restart, a
  // failover): it connects again every second meanwhile; polling covers the gap.
  let listener: pg.Client | null = null;
  let listening = role === "worker";
  const listen = async (wake: () => void, slots?: (notice: SlotNotice) => void): Promise<void> => {
    const attempt = async (): Promise<void> => {
      if (!listening) return;
      const client = new pg.Client({ connectionString: env.databaseUrl, application_name: "persona-studio-listen" });
      let lost = false;
      const retry = () => {
        if (lost) return;
        lost = true;
        if (listener === client) listener = null;
        void client.end().catch(() => {});
        if (listening) setTimeout(() => void attempt().catch(() => {}), 1000).unref();
      };
      client.on("notification", (n) => {
        if (n.channel !== SLOTS_CHANNEL) return wake();
        const [providerId, workerId] = (n.payload ?? "").split(" ");
        if (providerId && workerId) slots?.({ providerId, workerId });
      });
      client.on("error", retry);
      try {
        await client.connect();
        await client.query(`LISTEN ${CHANNEL}`);
        if (slots) await client.query(`LISTEN ${SLOTS_CHANNEL}`);
      } catch (e) {
        retry();
        throw e;
      }
      if (!listening) return void client.end().catch(() => {});
      listener = client;
    };
    await attempt();
  };

  return {
    kind: "pg-boss",
    enqueue,
    async take(n) {
      if (n <= 0) return [];
      const jobs = await boss.fetch<Job>(QUEUE, { batchSize: n });
      return jobs.map((job) => ({
        runId: job.data.runId,
        batchId: job.data.batchId ?? null,
        finish: async (ok: boolean) => {
          await (ok ? boss.complete(QUEUE, job.id) : boss.fail(QUEUE, job.id));
        },
      }));
    },
    reap: () => enqueue(),
    listen,
    announceSlots: async ({ providerId, workerId }) => {
      await db.$executeRawUnsafe(`SELECT pg_notify($1, $2)`, SLOTS_CHANNEL, `${providerId} ${workerId}`);
    },
    close: async () => {
      listening = false;
      await listener?.end().catch(() => {});
      listener = null;
      await boss.stop({ graceful: false, wait: true, timeout: 2000 });
    },
  };
}
