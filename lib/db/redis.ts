import "server-only";
import Redis from "ioredis";
import { env } from "@/lib/config/env";
import { logger } from "@/lib/log/logger.mjs";

// The Redis connection behind REDIS_URL (issue 15 §3: shared storage for the rate
// limits of several web instances), one per process and URL. A command waits for
// the connection being made (a fresh process's first requests are counted in Redis
// too, not split off to the database), but fails soon while Redis is down (one
// reconnect attempt, at most a second): the rate limiters then count in the
// database instead (their insurance limiter), so an outage neither hangs requests
// nor lets them through uncounted. The URL may hold a password: it is never logged.

const holder = globalThis as unknown as { personaStudioRedis?: { url: string; client: Redis } };

/** The process's Redis client, or null when REDIS_URL is unset. */
export function redisClient(): Redis | null {
  const url = env.redisUrl;
  if (!url) return null;
  if (holder.personaStudioRedis?.url !== url) {
    holder.personaStudioRedis?.client.disconnect();
    const client = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 1_000, connectTimeout: 2_000 });
    let reported = false;
    client.on("error", (error: Error & { code?: string }) => {
      // Reconnects retry on their own; one line per outage, not one per retry.
      if (!reported) logger.warn({ code: error.code ?? null }, "redis unreachable: rate limits counted in the database meanwhile");
      reported = true;
    });
    client.on("ready", () => {
      if (reported) logger.info({}, "redis reachable again");
      reported = false;
    });
    holder.personaStudioRedis = { url, client };
  }
  return holder.personaStudioRedis.client;
}
