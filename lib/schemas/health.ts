import { z } from "zod";

// GET /api/health: what a load balancer (and an operator) needs to know about
// one web instance. Public, so it says nothing secret: counts, not hosts or ids.

export const WORKER_LIVE_SECONDS = 30;

export const healthSchema = z.object({
  status: z.enum(["ok", "draining", "unavailable"]).describe("ok: serve traffic (200). draining: shutting down, send no new requests (503). unavailable: the database does not answer (503)"),
  time: z.string().describe("When the check ran (ISO 8601)"),
  database: z.object({
    ok: z.boolean(),
    provider: z.enum(["sqlite", "postgresql"]),
    latencyMs: z.number().nullable().describe("Round trip of a trivial query; null when it failed"),
    migrations: z
      .object({ applied: z.number().int(), failed: z.number().int(), latest: z.string().nullable() })
      .nullable()
      .describe("From Prisma's migration table; null when the database was not set up by `prisma migrate`"),
  }),
  workers: z
    .object({
      live: z.number().int().describe(`Workers with a heartbeat in the last ${WORKER_LIVE_SECONDS} s`),
      byQueue: z.record(z.string(), z.number().int()).describe("Live workers per queue (\"in-process\", \"pg-boss\")"),
      activeRuns: z.number().int().describe("Runs the live workers are processing"),
      lastHeartbeatAt: z.string().nullable(),
    })
    .nullable()
    .describe("null when the database does not answer"),
  runs: z.object({ queued: z.number().int(), running: z.number().int() }).nullable(),
});

export type Health = z.infer<typeof healthSchema>;
