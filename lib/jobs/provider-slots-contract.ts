// The contract between the call site (lib/jobs/model-call.ts, lib/jobs/probe-worker.ts)
// and the scheduler's per-provider concurrency limit (lib/jobs/provider-slots.ts):
// every model call to a provider holds one of its slots while it is in flight.
// The limit (ModelProvider.maxConcurrentCalls, else PROVIDER_CONCURRENCY) is shared
// by all workers of the deployment: each worker leases a share of the slots
// (ProviderSlotLease), renewed on its heartbeat timer.

/** Frees the slot (idempotent). */
export type ReleaseSlot = () => void;

export type ProviderSlots = {
  /** Waits for a free slot of this provider; rejects with the signal's reason when it aborts first. */
  acquire(providerId: string, signal?: AbortSignal): Promise<ReleaseSlot>;
};

/** No limit: tests and the single-process default before the scheduler wires one in. */
export const unlimitedSlots: ProviderSlots = { acquire: async () => () => {} };
