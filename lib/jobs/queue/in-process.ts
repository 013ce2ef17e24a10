import "server-only";
import { fairOrder } from "@/lib/jobs/queue/fair-order";
import type { RunQueue } from "@/lib/jobs/queue/index";
import { activeByWorkspace, anyWaitingRun, onePerBatch, waitingRuns } from "@/lib/jobs/queue/waiting-runs";

// The embedded queue (SQLite): the ProbeRun table is the queue. Each worker
// polls it (and is woken when a run is created in its own process), orders
// the waiting runs fairly between workspaces (fair-order.ts) and hands them
// to processBatch, whose claim on the run's lease settles any race between
// workers. A run whose worker died is claimable again once its lease
// expires, so there is nothing to reap and no job to finish.

export function inProcessQueue(): RunQueue {
  return {
    kind: "in-process",
    enqueue: async () => {},
    async take(n, busy) {
      if (n <= 0 || !(await anyWaitingRun())) return [];
      const waiting = onePerBatch((await waitingRuns()).filter((r) => !busy.has(r.id) && !(r.batchId && busy.has(r.batchId))));
      if (waiting.length === 0) return [];
      const order = fairOrder(waiting, await activeByWorkspace());
      return order.slice(0, n).map((r) => ({ runId: r.id, batchId: r.batchId, finish: async () => {} }));
    },
    reap: async () => {},
    close: async () => {},
  };
}
