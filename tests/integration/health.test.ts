import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db, dbProvider } from "@/lib/db/client";
import { ops } from "@/lib/http/operations";
import { logger } from "@/lib/log/logger.mjs";
import { healthSchema } from "@/lib/schemas/health";
import { expectOk, rawSend, send } from "@/tests/factories/api";
import { createPersona, personaPath, signUpWithWorkspace, type Member } from "@/tests/factories/personas";

// GET /api/health (issue 15, stateless web instances): public, nothing secret,
// 200 while the database answers, 503 while the instance drains; reports live
// workers from their heartbeats and the queue's length.

const DRAINING = Symbol.for("persona-studio.draining");
let owner: Member;

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Healthy" });
});

// The 503s below are expected: keep them off the test output.
let restoreLog: () => void;
beforeAll(() => {
  restoreLog = logger.redirect({ level: "silent" });
});
afterAll(() => restoreLog());

afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[DRAINING];
});

describe("GET /api/health", () => {
  it("answers 200 without a session: the database, its round trip and the provider", async () => {
    const res = await send(null, "GET", "/api/health");
    const health = expectOk(ops.health, res);
    expect(health.status).toBe("ok");
    expect(health.database).toMatchObject({ ok: true, provider: dbProvider });
    expect(health.database.latencyMs).toBeGreaterThanOrEqual(0);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("counts live workers (heartbeat within 30 s), their active runs and the queued runs; stale workers are not live", async () => {
    const persona = await createPersona(owner);
    const run = expectOk(ops.createProbeRun, await owner.api.post(`${personaPath(owner.workspaceId, persona.id)}/probe-runs`, { budgetPerTrait: 12 }));
    const now = Date.now();
    await db.workerHeartbeat.createMany({
      data: [
        { workerId: "w-live-1", host: "web-1.internal", pid: 101, queue: "pg-boss", heartbeatAt: new Date(now - 2_000), activeRuns: 2 },
        { workerId: "w-live-2", host: "web-2.internal", pid: 102, queue: "in-process", heartbeatAt: new Date(now), activeRuns: 1 },
        { workerId: "w-dead", host: "web-3.internal", pid: 103, queue: "pg-boss", heartbeatAt: new Date(now - 5 * 60_000), activeRuns: 4 },
      ],
    });
    const res = await send(null, "GET", "/api/health");
    const health = expectOk(ops.health, res);
    expect(health.workers).toMatchObject({ live: 2, byQueue: { "pg-boss": 1, "in-process": 1 }, activeRuns: 3 });
    expect(health.runs?.queued).toBe(await db.probeRun.count({ where: { status: "queued" } }));
    expect(health.runs?.queued).toBeGreaterThanOrEqual(1);
    // Public: no hosts, pids, worker or run ids.
    const text = JSON.stringify(res.body);
    for (const secret of ["web-1.internal", "w-live-1", "101", run.id, owner.workspaceId]) expect(text).not.toContain(secret);
    await db.workerHeartbeat.deleteMany({});
  });

  it("reports the migrations Prisma applied (and a failed one) when the database has its migration table", async () => {
    const reported = expectOk(ops.health, await send(null, "GET", "/api/health")).database.migrations;
    if (dbProvider === "postgresql") {
      // The PostgreSQL test template is built by `prisma migrate deploy` itself: every folder applied, none failed.
      const folders = readdirSync(path.resolve(__dirname, "../../prisma/postgres/migrations"), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
      expect(reported).toEqual({ applied: folders.length, failed: 0, latest: folders.at(-1) });
      await db.$executeRawUnsafe(`ALTER TABLE "_prisma_migrations" RENAME TO "_prisma_migrations_real"`);
    } else {
      expect(reported).toBeNull(); // SQLite test databases are built from the SQL files, without it
    }
    await db.$executeRawUnsafe(`CREATE TABLE "_prisma_migrations" (id VARCHAR(36) PRIMARY KEY, migration_name VARCHAR(255) NOT NULL, finished_at TIMESTAMP NULL, rolled_back_at TIMESTAMP NULL)`);
    await db.$executeRawUnsafe(`INSERT INTO "_prisma_migrations" (id, migration_name, finished_at, rolled_back_at) VALUES
      ('1', '20250101000000_init', CURRENT_TIMESTAMP, NULL), ('2', '20250201000000_more', CURRENT_TIMESTAMP, NULL),
      ('3', '20250301000000_broken', NULL, NULL), ('4', '20250301000000_broken', NULL, CURRENT_TIMESTAMP)`);
    try {
      const health = expectOk(ops.health, await send(null, "GET", "/api/health"));
      expect(health.database.migrations).toEqual({ applied: 2, failed: 1, latest: "20250201000000_more" });
      expect(health.status).toBe("ok");
    } finally {
      await db.$executeRawUnsafe(`DROP TABLE "_prisma_migrations"`);
      if (dbProvider === "postgresql") await db.$executeRawUnsafe(`ALTER TABLE "_prisma_migrations_real" RENAME TO "_prisma_migrations"`);
    }
  });

  it("answers 503 \"draining\" while the instance drains, so a load balancer stops sending it traffic", async () => {
    (globalThis as Record<symbol, unknown>)[DRAINING] = true;
    const res = await rawSend("GET", "/api/health");
    expect(res.status).toBe(503);
    const health = healthSchema.parse(await res.json());
    expect(health.status).toBe("draining");
    expect(health.database.ok).toBe(true);
  });

  it("takes no body and serves GET only", async () => {
    const res = await rawSend("POST", "/api/health");
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET");
  });
});
