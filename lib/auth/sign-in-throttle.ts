import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

// Per-account backoff for password sign-in. The key is the normalised email,
// whether or not such an account exists, so the answer never tells an attacker
// which emails are registered. A few mistakes are free; after that every failure
// doubles the wait, and while an account is locked even the right password is
// refused (with 429 and Retry-After). A successful sign-in forgets the failures.
// The per-address limit (better-auth, 3 attempts / 10 s) works alongside this one.

export const FREE_FAILURES = 5;
export const MAX_LOCK_MS = 15 * 60 * 1000;
/** Failures older than this (and not locked) are forgotten: a typo a month ago does not count. */
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 10 * 60 * 1000;

/** How long the account is locked after its `failures`-th failure in a row: 0 for the free ones, then 2 s, 4 s, 8 s… up to 15 min. */
export function lockMs(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(MAX_LOCK_MS, 1000 * 2 ** (failures - FREE_FAILURES));
}

export function throttleKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Runs one sign-in attempt under the account's throttle. Attempts for the same
 * account take turns (in this process), so a burst of parallel guesses is counted
 * one by one instead of all slipping through before the first failure is stored.
 */
export async function throttledSignIn(email: string, attempt: () => Promise<Response>, now: () => Date = () => new Date()): Promise<Response> {
  const key = throttleKey(email);
  return inTurn(key, async () => {
    const row = await db.signInThrottle.findUnique({ where: { key } });
    const waitMs = row?.lockedUntil ? row.lockedUntil.getTime() - now().getTime() : 0;
    if (waitMs > 0) throw locked(waitMs);
    const res = await attempt();
    if (res.status === 401) await recordFailure(key, now());
    else if (res.ok && row) await db.signInThrottle.deleteMany({ where: { key } });
    return res;
  });
}

function locked(waitMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const wait = seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return new AppError("rate_limited", `Too many failed sign-ins for this account. Try again in ${wait}.`, {
    headers: { "Retry-After": String(seconds) },
  });
}

async function recordFailure(key: string, now: Date): Promise<void> {
  const row = await db.signInThrottle.findUnique({ where: { key } });
  const recent = row && now.getTime() - row.updatedAt.getTime() < FORGET_AFTER_MS;
  const failures = (recent ? row.failures : 0) + 1;
  const ms = lockMs(failures);
  const lockedUntil = ms ? new Date(now.getTime() + ms) : null;
  await db.signInThrottle.upsert({ where: { key }, create: { key, failures, lockedUntil }, update: { failures, lockedUntil } });
  await pruneOld(now);
}

let lastPrune = 0;

/** Rows for emails nobody tries any more (attackers spray made-up ones) do not pile up. */
async function pruneOld(now: Date): Promise<void> {
  if (now.getTime() - lastPrune < PRUNE_EVERY_MS) return;
  lastPrune = now.getTime();
  await db.signInThrottle.deleteMany({ where: { updatedAt: { lt: new Date(now.getTime() - FORGET_AFTER_MS) } } });
}

const turns = new Map<string, Promise<unknown>>();

async function inTurn<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const run = (turns.get(key) ?? Promise.resolve()).then(fn);
  const tail = run.catch(() => undefined);
  turns.set(key, tail);
  try {
    return await run;
  } finally {
    if (turns.get(key) === tail) turns.delete(key);
  }
}
