import "server-only";
import { RateLimiterPrisma, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { db } from "@/lib/db/client";
import { redisClient } from "@/lib/db/redis";

// better-auth's per-address limits (3 sign-in or sign-up attempts / 10 s; 100
// requests / 10 s elsewhere) counted in the database, in the same table as the
// costly-route limits (lib/http/rate-limit.ts), instead of better-auth's default
// in-process memory: behind a load balancer every instance sees the same counts,
// so spreading attempts over instances does not multiply the limit.

type Rule = { window: number; max: number };
type Storage = { consume(key: string, rule: Rule): Promise<{ allowed: boolean; retryAfter: number | null }> };

/**
 * A storage with its own limiter objects, as a separate process would have; the
 * counts live in the database, or in Redis when REDIS_URL is set (the database
 * counting while Redis is unreachable).
 */
export function createSharedRateLimitStorage(): Storage {
  const limiters = new Map<string, RateLimiterAbstract>();
  const limiterFor = ({ window, max }: Rule) => {
    const id = `${max}/${window}`;
    let limiter = limiters.get(id);
    if (!limiter) {
      const keyPrefix = `auth:${id}`;
      // tableName is the Prisma client's property for the model (db.rateLimiterFlexible), not the SQL table.
      const inDatabase = new RateLimiterPrisma({ storeClient: db, tableName: "rateLimiterFlexible", keyPrefix, points: max, duration: window });
      const redis = redisClient();
      limiter = redis ? new RateLimiterRedis({ storeClient: redis, keyPrefix, points: max, duration: window, insuranceLimiter: inDatabase }) : inDatabase;
      limiters.set(id, limiter);
    }
    return limiter;
  };
  return {
    async consume(key, rule) {
      try {
        await limiterFor(rule).consume(key, 1);
        return { allowed: true, retryAfter: null };
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        return { allowed: false, retryAfter: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
      }
    },
  };
}
