import "server-only";
import { db, dbProvider } from "@/lib/db/client";
import { WORKER_LIVE_SECONDS, type Health } from "@/lib/schemas/health";

// GET /api/health: 200 while this instance can serve (its database answers),
// 503 when it cannot or while it drains after SIGTERM (scripts/server.mjs sets
// the flag), so a load balancer stops sending it traffic. Worker liveness is
// reported, not judged: web instances serve fine while workers restart.

/** Set by scripts/server.mjs for the whole drain. */
const DRAINING = Symbol.for("persona-studio.draining");
/** A database that does not answer within this is as good as down for a health check. */
const DB_TIMEOUT_MS = 2000;

export function isDraining(): boolean {
  return (globalThis as Record<symbol, unknown>)[DRAINING] === true;
}

export async function checkHealth(now: () => Date = () => new Date()): Promise<Health> {
  const database = await pingDatabase();
  const [migrations, workers, runs] = database.ok
    ? await Promise.all([migrationState(), workerState(now()), runCounts()]).catch(() => [null, null, null] as const)
    : ([null, null, null] as const);
  const status = !database.ok ? "unavailable" : isDraining() ? "draining" : "ok";
  return { status, time: now().toISOString(), database: { ...database, provider: dbProvider, migrations }, workers, runs };
}

/** The check as an HTTP answer: never cached, 503 unless "ok". */
export async function healthResponse(): Promise<Response> {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}

async function pingDatabase(): Promise<{ ok: boolean; latencyMs: number | null }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), DB_TIMEOUT_MS)));
    await Promise.race([db.$queryRaw`SELECT 1`, timeout]);
    return { ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch {
    return { ok: false, latencyMs: null };
  } finally {
    clearTimeout(timer);
  }
}

type MigrationRow = { migration_name: string; finished_at: Date | string | null; rolled_back_at: Date | string | null };

async function migrationState(): Promise<Health["database"]["migrations"]> {
  try {
    const rows = await db.$queryRaw<MigrationRow[]>`SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations`;
    const applied = rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => r.migration_name).sort();
    const failed = rows.filter((r) => r.finished_at === null && r.rolled_back_at === null).length;
    return { applied: applied.length, failed, latest: applied.at(-1) ?? null };
  } catch {
    return null; // no migration table: the schema was applied some other way (tests, a restored dump)
  }
}

async function workerState(now: Date): Promise<Health["workers"]> {
  const live = await db.workerHeartbeat.findMany({
    where: { heartbeatAt: { gte: new Date(now.getTime() - WORKER_LIVE_SECONDS * 1000) } },
    select: { queue: true, activeRuns: true, heartbeatAt: true },
  });
  const byQueue: Record<string, number> = {};
  for (const w of live) byQueue[w.queue] = (byQueue[w.queue] ?? 0) + 1;
  const last = live.reduce<Date | null>((max, w) => (!max || w.heartbeatAt > max ? w.heartbeatAt : max), null);
  return { live: live.length, byQueue, activeRuns: live.reduce((n, w) => n + w.activeRuns, 0), lastHeartbeatAt: last?.toISOString() ?? null };
}

async function runCounts(): Promise<Health["runs"]> {
  const [queued, running] = await Promise.all([
    db.probeRun.count({ where: { status: "queued" } }),
    db.probeRun.count({ where: { status: "running" } }),
  ]);
  return { queued, running };
}
