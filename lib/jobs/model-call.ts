import "server-only";
import { createHash } from "node:crypto";
import { findCachedCall, insertCachedCall } from "@/lib/db/probe-hot-path";
import type { CallDeadlines } from "@/lib/jobs/call-deadlines";
import { unlimitedSlots, type ProviderSlots } from "@/lib/jobs/provider-slots-contract";
import { failureOf } from "@/lib/llm/provider-error";
import { LlmError, type ChatRequest } from "@/lib/llm/types";
import type { ProviderPrices, ResolvedProvider } from "@/lib/services/providers/resolve-provider";

// Every model call a probe makes goes through here: an identical request to
// the same endpoint and model is answered from the cache (so baselines are
// shared across runs and a resumed run repeats nothing it already paid for),
// retryable failures (429, 5xx, timeouts, refused connections) back off and
// retry, and an output the caller rejects is never cached.
//
// Issue 15: every attempt holds one of its provider's slots while it is in
// flight (CallDeps.slots, lib/jobs/provider-slots-contract.ts; not while it
// sleeps between attempts); each attempt is written to its run's counters when
// it is sent, and its usage when it comes back (CallDeps.record), so a crash
// loses no paid call; a `Retry-After` is honoured up to MAX_RETRY_AFTER_MS and
// every wait ends the moment the call is halted (a cancel, a lost lease, the
// worker stopping); a run's adaptive deadline (lib/jobs/call-deadlines.ts)
// abandons a hung call early and asks again once.
//
// What the provider said besides the text (finish reason, the model that
// served it, its refusal field) is cached with it (CallCache.meta), so a cached
// answer keeps its outcome: a truncated answer from the cache is still truncated.

/**
 * What the calls of one worker cost since its counters were last written to the run:
 * attempts that reached a provider, cache hits, and the usage the provider reported
 * (a rejected output was still paid for). costUsd uses the provider's prices
 * (ResolvedProvider.prices); a provider without prices adds tokens but no cost.
 */
export type CallStats = { modelCalls: number; cacheHits: number; promptTokens: number; completionTokens: number; costUsd: number };

export const emptyCallStats = (): CallStats => ({ modelCalls: 0, cacheHits: 0, promptTokens: 0, completionTokens: 0, costUsd: 0 });

/** US$ for one call's usage at per-million-token prices; 0 without prices. */
export function callCost(prices: ProviderPrices | null | undefined, promptTokens: number, completionTokens: number): number {
  if (!prices) return 0;
  return (promptTokens * prices.inputPerM + completionTokens * prices.outputPerM) / 1_000_000;
}

/** One model answer as a probe stores it; `cached` when it came from the identical-call cache. */
export type CallResult = {
  text: string;
  tokens: number;
  promptTokens: number;
  latencyMs: number;
  cached: boolean;
  finishReason: string | null;
  /** The model that served it, as the provider reported it (null on cache rows from before it was kept). */
  servedModel: string | null;
  refusal: string | null;
};

type CallMeta = { finishReason: string | null; servedModel: string | null; refusal: string | null };

/**
 * A run's cap on calls and money (lib/jobs/run-usage.ts), asked by every attempt:
 * `send` before it goes out (false: it would pass the cap — the call fails
 * "capped" and is not sent, nor retried), `settle` when it came back (its cost,
 * or null when it failed without usage), `cached` when the cache answered instead.
 */
export type CallGate = { send: () => boolean; settle: (costUsd: number | null) => void; cached: () => void };

export const CAPPED_MESSAGE = "Stopped at the run's cap: this call would have gone past it, so it was not sent";

export type CallDeps = {
  /** Waits between attempts; whatever it does, the wait ends at once when `signal` aborts (see `wait`). */
  sleep: (ms: number) => Promise<void>;
  rng: () => number;
  maxAttempts?: number;
  /** Aborts the requests in flight too (the worker stops, or the run's lease was lost). */
  signal?: AbortSignal;
  /**
   * Stops the call without cutting off a request already sent (a cancelled run: what is in flight is paid
   * for, so it finishes and is counted): no new attempt, and every wait — a backoff sleep, a provider slot,
   * another caller's identical call — ends at once. Defaults to `signal`.
   */
  halt?: AbortSignal;
  gate?: CallGate;
  /** The per-provider concurrency limit every attempt holds a slot of (default: no limit). */
  slots?: ProviderSlots;
  /**
   * Writes counters as they happen (a probe run's RunUsage.record): `{ modelCalls: 1 }` before an attempt
   * is sent, its tokens and cost when it comes back, `{ cacheHits: 1 }` on a cache hit. Without it only
   * `stats` (in memory) counts.
   */
  record?: (delta: Partial<CallStats>) => Promise<void>;
  /** The run's adaptive per-call deadlines (hung calls); without it each call has the provider's own timeout. */
  deadlines?: CallDeadlines;
};

/**
 * The longest a `Retry-After` is honoured: a provider asking for 300 s is asked again after 30 s
 * (a 429 again simply backs off again), so a run never sleeps minutes on one header.
 */
export const MAX_RETRY_AFTER_MS = 30_000;

const aborted = () => new LlmError("aborted", "Stopped");

/** `sleep(ms)`, ended early (resolved) the moment `signal` aborts. */
export function wait(sleep: (ms: number) => Promise<void>, ms: number, signal?: AbortSignal): Promise<void> {
  if (!signal) return sleep(ms);
  if (signal.aborted) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      signal.removeEventListener("abort", done);
      resolve();
    };
    signal.addEventListener("abort", done, { once: true });
    sleep(ms).then(done, done);
  });
}

/** A sleep that ends early when `signal` aborts (the production sleep of a probe run). */
export function abortableSleep(signal?: AbortSignal): (ms: number) => Promise<void> {
  return (ms) => wait((t) => new Promise<void>((resolve) => setTimeout(resolve, t).unref?.()), ms, signal);
}

export function cacheKey(workspaceId: string, target: ResolvedProvider, req: ChatRequest): string {
  const identity = {
    w: workspaceId, p: target.providerId, e: target.endpoint, m: req.model, msg: req.messages,
    t: req.temperature ?? null, s: req.seed ?? null, f: req.responseFormat ?? null, x: req.maxTokens ?? null,
  };
  return createHash("sha256").update(JSON.stringify(identity)).digest("hex");
}

export function backoffMs(attempt: number, rng: () => number, retryAfterMs?: number): number {
  const exp = Math.min(8000, 500 * 2 ** attempt);
  return Math.max(Math.min(retryAfterMs ?? 0, MAX_RETRY_AFTER_MS), exp / 2 + rng() * (exp / 2));
}

/**
 * Identical calls in flight in this process, by cache key: a second identical call (the members of a panel
 * probe on the same seat ask the same baseline questions at the same time) waits for the first instead of
 * paying again, and counts as a cache hit. Only an accepted answer is shared; if the first call fails, the
 * waiting call makes its own.
 */
const inFlight = new Map<string, Promise<CallResult | null>>();

export async function cachedChat(
  workspaceId: string,
  target: ResolvedProvider,
  req: ChatRequest,
  stats: CallStats,
  deps: CallDeps,
  accept: (text: string) => boolean = () => true,
): Promise<CallResult> {
  const key = cacheKey(workspaceId, target, req);
  for (;;) {
    const hit = await findCachedCall(key);
    if (hit) {
      stats.cacheHits++;
      deps.gate?.cached();
      await deps.record?.({ cacheHits: 1 });
      const meta: CallMeta = hit.meta ? (JSON.parse(hit.meta) as CallMeta) : { finishReason: null, servedModel: null, refusal: null };
      return { text: hit.text, tokens: hit.completionTokens, promptTokens: hit.promptTokens, latencyMs: 0, cached: true, ...meta };
    }
    const pending = inFlight.get(key);
    if (!pending) break;
    // Waiting on another caller's call ends when this caller's signal aborts, like every wait here.
    let shared: CallResult | null = null;
    await wait(() => pending.then((r) => void (shared = r)), 0, deps.halt ?? deps.signal);
    if ((deps.halt ?? deps.signal)?.aborted) throw aborted();
    if (shared && accept((shared as CallResult).text)) {
      stats.cacheHits++;
      deps.gate?.cached();
      await deps.record?.({ cacheHits: 1 });
      return { ...(shared as CallResult), latencyMs: 0, cached: true };
    }
    if ((deps.halt ?? deps.signal)?.aborted) throw aborted();
    // The first call failed (or this caller rejects its text): look again, then call on our own.
    if (inFlight.get(key) === pending) break;
  }
  const call = paidChat(workspaceId, target, req, stats, deps, accept, key);
  const shared = call.then((r) => r, () => null);
  inFlight.set(key, shared);
  try {
    return await call;
  } finally {
    if (inFlight.get(key) === shared) inFlight.delete(key);
  }
}

async function paidChat(
  workspaceId: string, target: ResolvedProvider, req: ChatRequest, stats: CallStats, deps: CallDeps,
  accept: (text: string) => boolean, key: string,
): Promise<CallResult> {
  const maxAttempts = deps.maxAttempts ?? 5;
  const slots = deps.slots ?? unlimitedSlots;
  const halt = deps.halt ?? deps.signal;
  const latencyKey = `${target.providerId}\u241f${req.model}`;
  /** After one attempt missed the adaptive deadline, the others get the full timeout (a slow answer still completes). */
  let adaptive = true;
  for (let attempt = 0; ; attempt++) {
    if (halt?.aborted) throw aborted();
    const release = await slots.acquire(target.providerId, halt).catch(() => {
      throw aborted();
    });
    let err: LlmError;
    let missedDeadline = false;
    try {
      if (halt?.aborted) throw aborted(); // it may have waited for its slot
      // Every attempt, a retry too, asks the run's cap before it is sent.
      if (deps.gate && !deps.gate.send()) throw new LlmError("capped", CAPPED_MESSAGE);
      let settled = false;
      const deadlineMs = adaptive ? (deps.deadlines?.deadline(latencyKey) ?? null) : null;
      const deadline = deadlineMs === null ? null : new AbortController();
      let timedOut = false;
      const timer = deadline ? setTimeout(() => {
        timedOut = true;
        deadline.abort();
      }, deadlineMs!) : null;
      try {
        // Counted before it leaves: a crash after this line never under-counts a call the provider received.
        stats.modelCalls++;
        await deps.record?.({ modelCalls: 1 });
        const signal = deadline ? (deps.signal ? AbortSignal.any([deps.signal, deadline.signal]) : deadline.signal) : deps.signal;
        // The provider is done with the call once it answers (or fails): its slot goes to the next call
        // now, not after this call's bookkeeping (its usage written, the verdict parsed, the cache insert).
        const res = await target.provider.chat({ ...req, signal }).finally(release);
        if (timer) clearTimeout(timer);
        const cost = callCost(target.prices, res.usage.promptTokens, res.usage.completionTokens);
        stats.promptTokens += res.usage.promptTokens;
        stats.completionTokens += res.usage.completionTokens;
        stats.costUsd += cost;
        settled = true;
        deps.gate?.settle(cost);
        deps.deadlines?.observe(latencyKey, res.latencyMs);
        await deps.record?.({ promptTokens: res.usage.promptTokens, completionTokens: res.usage.completionTokens, costUsd: cost });
        if (!accept(res.text)) throw new LlmError("invalid_output", "The model's output did not match the expected format");
        const meta: CallMeta = { finishReason: res.finishReason ?? null, servedModel: res.model || null, refusal: res.refusal ?? null };
        // One plain insert (the text with its meta); a concurrent identical call may have stored it first.
        await insertCachedCall({ key, workspaceId, text: res.text, meta: JSON.stringify(meta), promptTokens: res.usage.promptTokens, completionTokens: res.usage.completionTokens });
        return {
          text: res.text, tokens: res.usage.completionTokens, promptTokens: res.usage.promptTokens,
          latencyMs: Math.round(res.latencyMs), cached: false, ...meta,
        };
      } catch (e) {
        if (!settled) deps.gate?.settle(null);
        if (timedOut && !settled && !deps.signal?.aborted) {
          adaptive = false;
          missedDeadline = true;
          err = new LlmError("timeout", `No answer within ${deadlineMs} ms (this run's deadline for ${req.model}, from its latencies so far)`);
        } else {
          err = failureOf(e, target.provider);
        }
      } finally {
        if (timer) clearTimeout(timer);
      }
    } finally {
      release();
    }
    const retryable = err.retryable || err.kind === "invalid_output";
    if (!retryable || attempt + 1 >= maxAttempts || halt?.aborted) throw err;
    // A malformed output or a call abandoned at the adaptive deadline is asked again at once; the rest back off.
    const ms = err.kind === "invalid_output" || missedDeadline ? 0 : backoffMs(attempt, deps.rng, err.retryAfterMs);
    if (ms > 0) await wait(deps.sleep, ms, halt);
    if (halt?.aborted) throw aborted();
  }
}
