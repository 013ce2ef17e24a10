import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { failureOf } from "@/lib/llm/provider-error";
import { LlmError, type ChatRequest } from "@/lib/llm/types";
import type { ProviderPrices, ResolvedProvider } from "@/lib/services/providers/resolve-provider";

// Every model call a probe makes goes through here: an identical request to
// the same endpoint and model is answered from the cache (so baselines are
// shared across runs and a resumed run repeats nothing it already paid for),
// retryable failures (429, 5xx, timeouts, refused connections) back off and
// retry, and an output the caller rejects is never cached.
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
  sleep: (ms: number) => Promise<void>;
  rng: () => number;
  maxAttempts?: number;
  signal?: AbortSignal;
  gate?: CallGate;
};

export function cacheKey(workspaceId: string, target: ResolvedProvider, req: ChatRequest): string {
  const identity = {
    w: workspaceId, p: target.providerId, e: target.endpoint, m: req.model, msg: req.messages,
    t: req.temperature ?? null, s: req.seed ?? null, f: req.responseFormat ?? null, x: req.maxTokens ?? null,
  };
  return createHash("sha256").update(JSON.stringify(identity)).digest("hex");
}

export function backoffMs(attempt: number, rng: () => number, retryAfterMs?: number): number {
  const exp = Math.min(8000, 500 * 2 ** attempt);
  return Math.max(retryAfterMs ?? 0, exp / 2 + rng() * (exp / 2));
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
    const hit = await db.callCache.findUnique({ where: { key } });
    if (hit) {
      stats.cacheHits++;
      deps.gate?.cached();
      const meta: CallMeta = hit.meta ? (JSON.parse(hit.meta) as CallMeta) : { finishReason: null, servedModel: null, refusal: null };
      return { text: hit.text, tokens: hit.completionTokens, promptTokens: hit.promptTokens, latencyMs: 0, cached: true, ...meta };
    }
    const pending = inFlight.get(key);
    if (!pending) break;
    const shared = await pending;
    if (shared && accept(shared.text)) {
      stats.cacheHits++;
      deps.gate?.cached();
      return { ...shared, latencyMs: 0, cached: true };
    }
    if (deps.signal?.aborted) throw new LlmError("aborted", "Stopped");
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
  for (let attempt = 0; ; attempt++) {
    if (deps.signal?.aborted) throw new LlmError("aborted", "Stopped");
    // Every attempt, a retry too, asks the run's cap before it is sent.
    if (deps.gate && !deps.gate.send()) throw new LlmError("capped", CAPPED_MESSAGE);
    let settled = false;
    try {
      stats.modelCalls++;
      const res = await target.provider.chat({ ...req, signal: deps.signal });
      const cost = callCost(target.prices, res.usage.promptTokens, res.usage.completionTokens);
      stats.promptTokens += res.usage.promptTokens;
      stats.completionTokens += res.usage.completionTokens;
      stats.costUsd += cost;
      settled = true;
      deps.gate?.settle(cost);
      if (!accept(res.text)) throw new LlmError("invalid_output", "The model's output did not match the expected format");
      const meta: CallMeta = { finishReason: res.finishReason ?? null, servedModel: res.model || null, refusal: res.refusal ?? null };
      // One plain insert (the text with its meta); a concurrent identical call may have stored it first.
      await insertOnce({ key, workspaceId, text: res.text, meta: JSON.stringify(meta), promptTokens: res.usage.promptTokens, completionTokens: res.usage.completionTokens });
      return {
        text: res.text, tokens: res.usage.completionTokens, promptTokens: res.usage.promptTokens,
        latencyMs: Math.round(res.latencyMs), cached: false, ...meta,
      };
    } catch (e) {
      if (!settled) deps.gate?.settle(null);
      const err = failureOf(e, target.provider);
      const retryable = err.retryable || err.kind === "invalid_output";
      if (!retryable || attempt + 1 >= maxAttempts || deps.signal?.aborted) throw err;
      await deps.sleep(err.kind === "invalid_output" ? 0 : backoffMs(attempt, deps.rng, err.retryAfterMs));
    }
  }
}

async function insertOnce(data: { key: string; workspaceId: string; text: string; meta: string; promptTokens: number; completionTokens: number }) {
  await db.callCache.create({ data }).catch((e: { code?: string }) => {
    if (e?.code !== "P2002") throw e;
  });
}
