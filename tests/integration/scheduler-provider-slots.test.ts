import { describe, expect, it } from "vitest";
import { SharedProviderSlots } from "@/lib/jobs/provider-slots";
import { db } from "@/tests/factories/db";

// Issue 15, Must have 2: a provider's concurrency limit is shared by every
// worker. Each worker leases a share in ProviderSlotLease; here two workers
// (two SharedProviderSlots on the same database, as two processes would be)
// hammer one provider with a limit of 3, and the calls in flight — counted
// in the test, where the "provider" is — never pass 3. A worker that dies
// holding slots gives them back when its lease expires.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const limitOf = async () => 3;

/** Three calls at a time, one after another, until stopped: more demand than a limit of 2, so the worker never goes idle. */
function keepBusy(worker: SharedProviderSlots, providerId: string) {
  let stop = false;
  const loop = async () => {
    while (!stop) {
      const release = await worker.acquire(providerId);
      await sleep(10);
      release();
    }
  };
  const loops = [loop(), loop(), loop()];
  return () => {
    stop = true;
    return Promise.all(loops);
  };
}

describe("provider slots shared by workers", () => {
  it("never has more calls in flight than the limit, over two workers, and serves each worker's calls in order", async () => {
    const workers = [
      new SharedProviderSlots({ workerId: "worker-a", limitOf, retryMs: 20, idleMs: 20 }),
      new SharedProviderSlots({ workerId: "worker-b", limitOf, retryMs: 20, idleMs: 20 }),
    ];
    let inFlight = 0;
    let peak = 0;
    const servedBy = [0, 0];
    const order: number[] = [];
    const call = async (w: number, i: number) => {
      const release = await workers[w].acquire("prov-1");
      if (w === 0) order.push(i);
      peak = Math.max(peak, ++inFlight);
      servedBy[w]++;
      await sleep(5 + ((i * 7) % 15));
      inFlight--;
      release();
    };
    await Promise.all(Array.from({ length: 40 }, (_, i) => call(i % 2, i)));
    expect(peak).toBeLessThanOrEqual(3);
    expect(peak).toBeGreaterThan(1);
    expect(servedBy).toEqual([20, 20]);
    // FIFO within a worker: its calls got their slots in the order they asked.
    expect(order).toEqual([...order].sort((x, y) => x - y));
    // Idle again: the shares go back (no lease holds a slot).
    const leased = async () => (await db.providerSlotLease.aggregate({ where: { providerId: "prov-1" }, _sum: { slots: true } }))._sum.slots ?? 0;
    for (let i = 0; i < 100 && (await leased()) > 0; i++) await sleep(50);
    expect(await leased()).toBe(0);
    await Promise.all(workers.map((w) => w.close()));
  });

  it("gives a dead worker's slots back when its lease expires", async () => {
    const dead = new SharedProviderSlots({ workerId: "worker-dead", limitOf, leaseMs: 1500, retryMs: 20 });
    const held = await Promise.all([1, 2, 3].map(() => dead.acquire("prov-2")));
    expect(held).toHaveLength(3);
    // It "dies": never releases, never renews (no heartbeat), never closes.
    const alive = new SharedProviderSlots({ workerId: "worker-alive", limitOf, retryMs: 50 });
    let got = false;
    const waiting = alive.acquire("prov-2").then((release) => {
      got = true;
      return release;
    });
    await sleep(100);
    const lease = await db.providerSlotLease.findUniqueOrThrow({ where: { providerId_workerId: { providerId: "prov-2", workerId: "worker-dead" } } });
    if (lease.expiresAt.getTime() > Date.now()) expect(got).toBe(false); // all 3 slots are the dead worker's while its lease lasts
    const release = await waiting;
    expect(got).toBe(true);
    expect(Date.now()).toBeGreaterThanOrEqual(lease.expiresAt.getTime());
    release();
    await alive.close();
  });

  it("gives a waiting worker its fair share while another worker stays busy", async () => {
    const limit2 = async () => 2;
    const busy = new SharedProviderSlots({ workerId: "worker-busy", limitOf: limit2, retryMs: 20, idleMs: 20 });
    const late = new SharedProviderSlots({ workerId: "worker-late", limitOf: limit2, retryMs: 20, idleMs: 20 });
    const stop = keepBusy(busy, "prov-4");
    await sleep(100);
    const heartbeat = setInterval(() => void busy.renew(), 50); // a worker's heartbeat timer renews (and rebalances) its leases
    const timeout = new Promise<"timed out">((r) => setTimeout(() => r("timed out"), 10_000));
    const got = await Promise.race([late.acquire("prov-4"), timeout]);
    expect(got).not.toBe("timed out");
    (got as () => void)();
    clearInterval(heartbeat);
    await stop();
    await Promise.all([busy.close(), late.close()]);
  });

  // Notices (PostgreSQL: NOTIFY through the queue; here wired by hand): the waiter's retry timer is
  // 10 s and nobody renews on a heartbeat, so only a notice can hand the slot over within the test.
  const noticed = () => {
    const workers: SharedProviderSlots[] = [];
    const make = (workerId: string, limit: number) => {
      const w = new SharedProviderSlots({
        workerId, limitOf: async () => limit, retryMs: 10_000, idleMs: 20,
        announce: (providerId) => { for (const other of workers) if (other !== w) other.changed(providerId); },
      });
      workers.push(w);
      return w;
    };
    return { make, close: () => Promise.all(workers.map((w) => w.close())) };
  };
  const within = <T,>(p: Promise<T>, ms: number) => Promise.race([p, sleep(ms).then(() => "timed out" as const)]);

  it("hands a slot another worker gave back to a waiting worker at once, told by a notice", async () => {
    const { make, close } = noticed();
    const holder = make("worker-holder", 2);
    const waiter = make("worker-waiter", 2);
    const held = await Promise.all([holder.acquire("prov-5"), holder.acquire("prov-5")]);
    const waiting = waiter.acquire("prov-5");
    await sleep(50);
    held[0](); // the holder's burst is over: after idleMs it gives the slot back and says so
    const got = await within(waiting, 2_000);
    expect(got).not.toBe("timed out");
    (got as () => void)();
    held[1]();
    await close();
  });

  it("makes a busy worker give a starving one its share at once, told by a notice, without a heartbeat", async () => {
    const { make, close } = noticed();
    const busy = make("worker-always", 2);
    const late = make("worker-starving", 2);
    const stop = keepBusy(busy, "prov-6"); // the busy worker never gives slots back by itself
    await sleep(100);
    const got = await within(late.acquire("prov-6"), 2_000);
    expect(got).not.toBe("timed out");
    (got as () => void)();
    await stop();
    await close();
  });

  it("lets a waiting call go when its signal aborts", async () => {
    const w = new SharedProviderSlots({ workerId: "worker-c", limitOf: async () => 1, retryMs: 20 });
    const first = await w.acquire("prov-3");
    const ac = new AbortController();
    const second = w.acquire("prov-3", ac.signal);
    ac.abort(new Error("cancelled"));
    await expect(second).rejects.toThrow("cancelled");
    first();
    const third = await w.acquire("prov-3");
    third();
    await w.close();
  });
});
