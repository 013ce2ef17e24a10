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

/** How long one attempt holds the account's turn (a crashed instance's turn frees itself after this). */
export const ATTEMPT_LEASE_MS = 10_000;

/**
 * Runs one sign-in attempt under the account's throttle. Attempts for the same
 * account take turns: in this process they queue; across instances (several
 * web servers on one database) the turn is a lease on the account's row, so a
 * burst of parallel guesses spread over instances is counted one by one too,
 * instead of all slipping through before the first failure is stored.
 */
export async function throttledSignIn(email: string, attempt: () => Promise<Response>, now: () => Date = () => new Date()): Promise<Response> {
  const key = throttleKey(email);
  return inTurn(key, async () => {
    const turn = await claimTurn(key, now());
    if (!turn.ok) throw turn.error;
    let res: Response;
    try {
      res = await attempt();
    } catch (error) {
      await releaseTurn(key);
      throw error;
    }
    if (res.status === 401) await recordFailure(key, turn.failures + 1, now());
    else if (res.ok) await db.signInThrottle.deleteMany({ where: { key } });
    else await releaseTurn(key);
    return res;
  });
}

type Turn = { ok: true; failures: number } | { ok: false; error: AppError };

/**
 * Takes the account's turn in the database: the row's `lockedUntil` becomes a
 * short lease, set only if nobody changed the row since we read it (a
 * compare-and-set on `updatedAt`), so two instances never both get it. Answers
 * the failures that still count (older than FORGET_AFTER_MS: none).
 */
export async function claimTurn(key: string, now: Date): Promise<Turn> {
  const lease = new Date(now.getTime() + ATTEMPT_LEASE_MS);
  const row = await db.signInThrottle.findUnique({ where: { key } });
  if (!row) {
    try {
      await db.signInThrottle.create({ data: { key, failures: 0, lockedUntil: lease } });
      return { ok: true, failures: 0 };
    } catch {
      return { ok: false, error: busy() }; // another instance created it at this instant: its attempt runs
    }
  }
  const waitMs = row.lockedUntil ? row.lockedUntil.getTime() - now.getTime() : 0;
  // Within the free failures there is no lock, so a future lockedUntil is another attempt's lease.
  if (waitMs > 0) return { ok: false, error: row.failures <= FREE_FAILURES ? busy() : locked(waitMs) };
  const failures = now.getTime() - row.updatedAt.getTime() < FORGET_AFTER_MS ? row.failures : 0;
  const { count } = await db.signInThrottle.updateMany({
    where: { key, updatedAt: row.updatedAt },
    data: { failures, lockedUntil: lease },
  });
  return count === 1 ? { ok: true, failures } : { ok: false, error: busy() };
}

/** The attempt ended without a verdict on the password (a malformed request, an error): give the turn back. */
async function releaseTurn(key: string): Promise<void> {
  await db.signInThrottle.updateMany({ where: { key }, data: { lockedUntil: null } });
}

function locked(waitMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const wait = seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return new AppError("rate_limited", `Too many failed sign-ins for this account. Try again in ${wait}.`, {
    headers: { "Retry-After": String(seconds) },
  });
}

function busy(): AppError {
  return new AppError("rate_limited", "Another sign-in to this account is in progress. Try again in a moment.", { headers: { "Retry-After": "1" } });
}

async function recordFailure(key: string, failures: number, now: Date): Promise<void> {
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

/** Same-process attempts queue here rather than being refused by the database lease. */
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
