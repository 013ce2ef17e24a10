import "server-only";
import { db } from "@/lib/db/client";
import { lockForUpdate } from "@/lib/db/write-lock";
import type { ProviderSlots, ReleaseSlot } from "@/lib/jobs/provider-slots-contract";
import { ENV_PROVIDER_ID, SIMULATOR_PROVIDER_ID } from "@/lib/schemas/provider";

// A provider's concurrency limit shared by every worker of the deployment
// (contract: provider-slots-contract.ts). Each worker leases a share of the
// limit in ProviderSlotLease and hands its share out to its own calls, first
// come first served. A worker grows its share when its waiters need more and
// the others leave slots free, shrinks it once its calls no longer need it
// (so idle slots go back), and renews it on its heartbeat timer; a dead
// worker's share stops counting when its lease expires.
//
// Fairness between workers: a worker that waits with no slot at all keeps a
// lease row of 0 slots; while such a row exists every worker is capped at its
// fair share (limit / workers with a lease), so one busy worker cannot keep
// all the slots forever.
//
// Notices (`announce`, `changed`): a worker that gives slots back, or starts
// waiting for more than it holds, tells the others (PostgreSQL: NOTIFY, through
// the queue's listening connection), and they rebalance at once. Without
// notices a freed slot waited for the waiter's next look (`retryMs`) and a
// holder learned that another worker starved only on its heartbeat (5 s): the
// provider ran below its limit meanwhile. The timers stay as the fallback.

const DEFAULT_CONCURRENCY = 8;

/** PROVIDER_CONCURRENCY: calls in flight to one provider at once when its row sets no maxConcurrentCalls. */
export function defaultProviderConcurrency(): number {
  const n = Number(process.env.PROVIDER_CONCURRENCY);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_CONCURRENCY;
}

/** The limit of a provider: null = none (the simulator answers in-process and costs nothing). */
export async function providerLimit(providerId: string): Promise<number | null> {
  if (providerId === SIMULATOR_PROVIDER_ID) return null;
  if (providerId === ENV_PROVIDER_ID) return defaultProviderConcurrency();
  const row = await db.modelProvider.findUnique({ where: { id: providerId }, select: { maxConcurrentCalls: true } });
  return row?.maxConcurrentCalls ?? defaultProviderConcurrency();
}

type Waiter = { grant: (release: ReleaseSlot) => void };
type Pool = {
  providerId: string;
  limit: number | null;
  limitAt: number;
  /** Slots this worker may hand out (its share), and the number its lease row holds (≥ inUse while shrinking). */
  target: number;
  leased: number;
  inUse: number;
  /** The most calls that wanted a slot at once since the last rebalance: a share is kept for the burst, not the instant. */
  peak: number;
  /** This worker told the others it wants more than its share (once per such stretch: a notice, not a drumbeat). */
  wantSaid: boolean;
  waiters: Waiter[];
  syncing: Promise<void> | null;
  again: boolean;
  timer: NodeJS.Timeout | null;
};

export type SharedSlotsOptions = {
  workerId: string;
  /** How long a lease lasts without renewal (renewed by `renew`, on the worker's heartbeat timer). */
  leaseMs?: number;
  /** While calls wait and no slot is free: how often to look again. */
  retryMs?: number;
  /** After the last call of a burst: how long to keep an unused share before returning it. */
  idleMs?: number;
  limitOf?: (providerId: string) => Promise<number | null>;
  /** Tells the other workers that this one gave slots of the provider back or waits for more (they call `changed`). */
  announce?: (providerId: string) => void;
  log?: Pick<Console, "error">;
};

export class SharedProviderSlots implements ProviderSlots {
  private readonly pools = new Map<string, Pool>();
  private readonly leaseMs: number;
  private readonly retryMs: number;
  private readonly idleMs: number;
  private readonly limitOf: (providerId: string) => Promise<number | null>;
  private closed = false;

  constructor(private readonly opts: SharedSlotsOptions) {
    this.leaseMs = opts.leaseMs ?? 30_000;
    this.retryMs = opts.retryMs ?? 250;
    this.idleMs = opts.idleMs ?? 500;
    this.limitOf = opts.limitOf ?? providerLimit;
  }

  async acquire(providerId: string, signal?: AbortSignal): Promise<ReleaseSlot> {
    const pool = await this.pool(providerId);
    if (pool.limit === null) return () => {};
    signal?.throwIfAborted();
    pool.peak = Math.max(pool.peak, pool.inUse + pool.waiters.length + 1);
    if (pool.waiters.length === 0 && pool.inUse < pool.target) return this.take(pool);
    return new Promise<ReleaseSlot>((resolve, reject) => {
      const waiter: Waiter = {
        grant: (release) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(release);
        },
      };
      const onAbort = () => {
        pool.waiters = pool.waiters.filter((w) => w !== waiter);
        reject(signal!.reason);
        this.schedule(pool, this.idleMs);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      pool.waiters.push(waiter);
      // A lease transaction already running is not run again for each call that queues meanwhile (under
      // contention that was a transaction after another, back to back, for every worker): a slot freed
      // here goes to the first waiter at once, and waiters left after the transaction look again in `retryMs`.
      if (!pool.syncing) void this.sync(pool);
    });
  }

  /** Calls of this worker holding a slot of the provider now (tests and the health row). */
  inFlight(providerId: string): number {
    return this.pools.get(providerId)?.inUse ?? 0;
  }

  /**
   * Another worker gave slots of the provider back or waits for some (its `announce`): look again now
   * if this worker waits (a slot may be free) or holds a share (it may be owed).
   */
  changed(providerId: string): void {
    const pool = this.pools.get(providerId);
    if (!pool || this.closed || pool.limit === null) return;
    if (pool.waiters.length > 0 || pool.leased > 0) void this.sync(pool);
  }

  /** On the heartbeat timer: renew every lease this worker holds (and look again for waiting calls). */
  async renew(): Promise<void> {
    await Promise.all([...this.pools.values()].filter((p) => p.leased > 0 || p.waiters.length > 0).map((p) => this.sync(p)));
  }

  /** On a clean stop: the leases go back at once (calls still in flight were aborted by the stop). */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.pools.values()) if (p.timer) clearTimeout(p.timer);
    await db.providerSlotLease.deleteMany({ where: { workerId: this.opts.workerId } });
  }

  private async pool(providerId: string): Promise<Pool> {
    let pool = this.pools.get(providerId);
    if (!pool) {
      pool = { providerId, limit: null, limitAt: 0, target: 0, leased: 0, inUse: 0, peak: 0, wantSaid: false, waiters: [], syncing: null, again: false, timer: null };
      this.pools.set(providerId, pool);
    }
    // The limit is edited in Settings; a worker notices within 10 s.
    if (Date.now() - pool.limitAt > 10_000) {
      pool.limit = await this.limitOf(providerId);
      pool.limitAt = Date.now();
    }
    return pool;
  }

  private take(pool: Pool): ReleaseSlot {
    pool.inUse++;
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      pool.inUse--;
      this.serve(pool);
      // More share than the calls need: give it back after a short pause (the next call usually follows at once).
      if (pool.leased > pool.inUse + pool.waiters.length) {
        // Returned after `idleMs` only if the burst is over by then (peak is reset at each rebalance).
        if (!pool.timer) this.schedule(pool, this.idleMs);
      } else if (pool.leased > Math.max(pool.target, pool.inUse)) {
        // Shrinking to a fair share (another worker waits): the row follows the calls down at once.
        this.schedule(pool, 0);
      }
    };
  }

  private serve(pool: Pool) {
    while (pool.waiters.length > 0 && pool.inUse < pool.target) pool.waiters.shift()!.grant(this.take(pool));
  }

  private schedule(pool: Pool, ms: number) {
    if (this.closed) return;
    if (pool.timer) clearTimeout(pool.timer);
    pool.timer = setTimeout(() => {
      pool.timer = null;
      void this.sync(pool);
    }, ms);
    pool.timer.unref?.();
  }

  /** One at a time per provider; a request made meanwhile runs once more after it. */
  private sync(pool: Pool): Promise<void> {
    if (pool.syncing) {
      pool.again = true;
      return pool.syncing;
    }
    pool.syncing = (async () => {
      do {
        pool.again = false;
        try {
          await this.rebalance(pool);
        } catch (e) {
          this.opts.log?.error?.(`[provider-slots] could not lease slots of ${pool.providerId}`, e);
        }
      } while (pool.again && !this.closed);
      pool.syncing = null;
      this.serve(pool);
      if (pool.waiters.length > 0) this.schedule(pool, this.retryMs);
      // A share kept for a burst that has ended: look again after another pause.
      else if (pool.leased > pool.inUse && !pool.timer) this.schedule(pool, this.idleMs);
    })();
    return pool.syncing;
  }

  /** Sets this worker's share from its demand and what the other live leases leave free. */
  private async rebalance(pool: Pool) {
    if (this.closed || pool.limit === null) return;
    const limit = pool.limit;
    const { workerId } = this.opts;
    const providerId = pool.providerId;
    await db.$transaction(async (tx) => {
      const now = new Date();
      // A write first (SQLite: it takes the write lock for the whole transaction): dead workers' leases go.
      await tx.providerSlotLease.deleteMany({ where: { providerId, expiresAt: { lt: now } } });
      await lockForUpdate(tx, `provider-slots:${providerId}`);
      const others = await tx.providerSlotLease.findMany({ where: { providerId, workerId: { not: workerId }, expiresAt: { gt: now } }, select: { slots: true } });
      const held = others.reduce((n, o) => n + o.slots, 0);
      // What the calls wanted at their busiest since the last rebalance (a target then a judge call
      // leave a gap between them: sizing the share to the instant would rebalance on every call).
      const wanting = pool.inUse + pool.waiters.length;
      const demand = Math.max(wanting, pool.peak);
      pool.peak = wanting;
      const starving = others.some((o) => o.slots === 0);
      const cap = starving ? Math.max(1, Math.floor(limit / (others.length + 1))) : limit;
      const target = Math.max(0, Math.min(demand, limit - held, cap));
      // Calls in flight keep their slots: the row never says fewer than are in use.
      const leased = Math.max(target, pool.inUse);
      if (demand === 0 && leased === 0) {
        await tx.providerSlotLease.deleteMany({ where: { providerId, workerId } });
      } else {
        const expiresAt = new Date(now.getTime() + this.leaseMs);
        await tx.providerSlotLease.upsert({
          where: { providerId_workerId: { providerId, workerId } },
          create: { providerId, workerId, slots: leased, expiresAt },
          update: { slots: leased, expiresAt },
        });
      }
      const gaveBack = leased < pool.leased;
      pool.target = target;
      pool.leased = leased;
      // Committed below; the others look again at once (a slot freed, or a share owed to a waiting worker).
      const wants = target < demand;
      const say = gaveBack || (wants && !pool.wantSaid);
      pool.wantSaid = wants;
      return say;
    }).then((say) => {
      if (say) this.opts.announce?.(providerId);
    });
  }
}
