import "server-only";
import { RateLimiterPrisma, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import { asDate, asNumber } from "@/lib/db/reader";
import { redisClient } from "@/lib/db/redis";
import { executeReturning } from "@/lib/db/writer";
import { AppError } from "@/lib/http/errors";
import type { CostBucket, Operation } from "@/lib/http/operation";
import { costLimit, describeRate } from "@/lib/http/rate-limit-config";
import type { UserContext } from "@/lib/http/session";

// Costly routes (a model call each) are metered per member and per API token.
// Counts live in the database (RateLimiterFlexible), or in Redis when REDIS_URL
// is set (the database then counts while Redis is unreachable), so every process
// serving the same database shares them; a window starts at a caller's first request.

const WHAT: Record<CostBucket, string> = {
  preview: "preview answers",
  probe: "probe runs started",
  suggest: "archetype suggestions",
  draft: "custom-trait drafts",
  samples: "sample recordings",
};

/**
 * rate-limiter-flexible's Prisma store with its write in one statement. The library's
 * write is two query-builder statements (drop an expired row, then upsert), about
 * 3 ms of a live preview's setup before its model call leaves; this is one plain
 * upsert (about 0.3 ms) with the same meaning on both databases: an expired row
 * starts a new window, any other row is incremented in the database, so concurrent
 * requests are all counted. Everything else (reads, penalties, blocks) is the library's.
 */
class RateLimiterDb extends RateLimiterPrisma {
  async _upsert(key: string, points: number, msDuration: number, forceExpire = false): Promise<unknown> {
    if (forceExpire || msDuration <= 0) return (RateLimiterPrisma.prototype as unknown as Upsert)._upsert.call(this, key, points, msDuration, forceExpire);
    const now = new Date();
    const expire = new Date(now.getTime() + msDuration);
    // Through the driver (lib/db/writer): it runs before every live preview's model call leaves.
    const rows = await executeReturning<{ points: unknown; expire: unknown }>(
      `INSERT INTO "RateLimiterFlexible" ("key", "points", "expire") VALUES (?, ?, ?)
       ON CONFLICT ("key") DO UPDATE SET
         "points" = CASE WHEN "RateLimiterFlexible"."expire" <= ? THEN excluded."points" ELSE "RateLimiterFlexible"."points" + excluded."points" END,
         "expire" = CASE WHEN "RateLimiterFlexible"."expire" <= ? THEN excluded."expire" ELSE "RateLimiterFlexible"."expire" END
       RETURNING "points", "expire"`,
      [key, points, expire, now, now],
    );
    return { points: asNumber(rows[0].points), expire: asDate(rows[0].expire) };
  }
}
type Upsert = { _upsert(key: string, points: number, msDuration: number, forceExpire: boolean): Promise<unknown> };

const limiters = new Map<CostBucket, RateLimiterAbstract>();

function limiterFor(bucket: CostBucket): RateLimiterAbstract {
  let limiter = limiters.get(bucket);
  if (!limiter) {
    const { points, seconds } = costLimit(bucket);
    const keyPrefix = `cost:${bucket}`;
    // tableName is the Prisma client's property for the model (db.rateLimiterFlexible), not the SQL table.
    const inDatabase = new RateLimiterDb({ storeClient: db, tableName: "rateLimiterFlexible", keyPrefix, points, duration: seconds });
    const redis = redisClient();
    limiter = redis ? new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration: seconds, insuranceLimiter: inDatabase }) : inDatabase;
    limiters.set(bucket, limiter);
  }
  return limiter;
}

/** An API token is metered on its own; a person per workspace membership. */
function callerKey(caller: UserContext & { workspaceId?: string }): string {
  if (caller.apiToken) return `token:${caller.apiToken.id}`;
  return caller.workspaceId ? `member:${caller.workspaceId}:${caller.userId}` : `user:${caller.userId}`;
}

/** Consumes `points` units (one per model call) of the operation's bucket; headers to add to the answer, or throws AppError("rate_limited"). */
export async function meterCost(op: Operation, caller: UserContext & { workspaceId?: string }, points = 1): Promise<Record<string, string>> {
  if (!op.cost || !env.costRateLimit) return {};
  const bucket = op.cost;
  const limiter = limiterFor(bucket);
  const headers = (res: RateLimiterRes) => ({
    "X-RateLimit-Limit": String(limiter.points),
    "X-RateLimit-Remaining": String(Math.max(0, res.remainingPoints)),
    "X-RateLimit-Reset": String(Math.max(1, Math.ceil(res.msBeforeNext / 1000))),
  });
  try {
    return headers(await limiter.consume(callerKey(caller), points));
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error; // the database failed: a 500, logged
    const h = headers(error);
    const retry = h["X-RateLimit-Reset"];
    const limit = describeRate({ points: limiter.points, seconds: limiter.duration });
    throw new AppError("rate_limited", `Too many ${WHAT[bucket]}: the limit is ${limit} for each member and API token. Try again in ${retry} s.`, {
      headers: { ...h, "Retry-After": retry },
    });
  }
}
