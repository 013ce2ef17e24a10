import { describe, expect, it } from "vitest";
import { createSharedRateLimitStorage } from "@/lib/auth/rate-limit-storage";
import { ATTEMPT_LEASE_MS, claimTurn, FREE_FAILURES, throttleKey, throttledSignIn } from "@/lib/auth/sign-in-throttle";
import { AppError } from "@/lib/errors/app-error";
import { db } from "@/tests/factories/db";

// Stateless web instances (issue 15): the auth limits live in the database, so
// a second instance on the same database sees what the first counted. Two
// storages / two claims below stand for two processes: neither shares memory
// with the other, only the database.

describe("better-auth's per-address limit", () => {
  it("is counted in the database: attempts spread over two instances share one limit", async () => {
    const a = createSharedRateLimitStorage();
    const b = createSharedRateLimitStorage();
    const rule = { window: 10, max: 3 };
    const key = `198.51.100.7|/sign-in/email|${Math.random()}`;
    expect(await a.consume(key, rule)).toEqual({ allowed: true, retryAfter: null });
    expect(await b.consume(key, rule)).toEqual({ allowed: true, retryAfter: null });
    expect(await a.consume(key, rule)).toEqual({ allowed: true, retryAfter: null });
    const refused = await b.consume(key, rule);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfter).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfter).toBeLessThanOrEqual(10);
    // Another address, another count.
    expect((await b.consume(`${key}-other`, rule)).allowed).toBe(true);
  });
});

describe("per-account sign-in turns across instances", () => {
  it("gives the account's turn to one instance at a time: the other is refused while an attempt runs", async () => {
    const key = throttleKey(`turns-${Math.random()}@example.test`);
    const now = new Date();
    const first = await claimTurn(key, now);
    expect(first).toEqual({ ok: true, failures: 0 });
    const second = await claimTurn(key, now); // what another instance sees meanwhile
    expect(second.ok).toBe(false);
    const error = (second as { error: AppError }).error;
    expect(error.code).toBe("rate_limited");
    expect(error.message).toContain("Another sign-in to this account is in progress");
  });

  it("frees the turn of an instance that died mid-attempt once its lease runs out", async () => {
    const key = throttleKey(`crash-${Math.random()}@example.test`);
    const now = new Date();
    expect((await claimTurn(key, now)).ok).toBe(true);
    expect((await claimTurn(key, new Date(now.getTime() + ATTEMPT_LEASE_MS + 1000))).ok).toBe(true);
  });

  it("counts failures decided on other instances: the count lives in the row", async () => {
    const email = `counted-${Math.random()}@example.test`;
    const wrong = async () => new Response(null, { status: 401 });
    for (let i = 0; i < FREE_FAILURES; i++) expect((await throttledSignIn(email, wrong)).status).toBe(401);
    // Another instance takes the next turn: it starts from the failures already stored.
    const turn = await claimTurn(throttleKey(email), new Date());
    expect(turn).toEqual({ ok: true, failures: FREE_FAILURES });
    await db.signInThrottle.update({ where: { key: throttleKey(email) }, data: { lockedUntil: null } });
    expect((await throttledSignIn(email, wrong)).status).toBe(401);
    await expect(throttledSignIn(email, wrong)).rejects.toMatchObject({ code: "rate_limited" });
  });
});
