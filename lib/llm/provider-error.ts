import OpenAI from "openai";
import { AddressRefusedError } from "@/lib/llm/provider-fetch";
import { clip, redactSecrets, type Secret } from "@/lib/llm/redact";
import { LlmError } from "@/lib/llm/types";

// The one place a model endpoint's failure becomes words a person sees (and
// the database keeps). The message is a short reason of our own, the HTTP
// status, and the provider's `error.message` field — never the response body
// itself (an HTML error page, a stack trace, an internal service's answer) —
// with every key in play redacted (see redact.ts), at most 300 characters.
// Whatever was already turned into an LlmError is redacted again on the way
// through: applying this twice changes nothing.

export const MAX_ERROR_CHARS = 300;
/** Only this much of a provider's message is looked at (the rest could never be shown). */
const MAX_SCAN_CHARS = 2000;

/** The operator's key is in play everywhere, whichever provider failed. */
const environmentKeys = (): Secret[] => [process.env.OPENAI_API_KEY];

/** Redacts the keys (plus the environment's and anything key-shaped) and clips to one line of ≤ 300 characters. */
export function redactErrorText(text: string, secrets: readonly Secret[] = []): string {
  return clip(redactSecrets(text.slice(0, MAX_SCAN_CHARS), [...secrets, ...environmentKeys()]), MAX_ERROR_CHARS);
}

/** Something that knows keys to hide: a provider built with one (Provider.redact). */
export type KeyHolder = { redact?(text: string): string } | null | undefined;

/**
 * The text to store or show for a failure: every holder's keys, the
 * environment's, and key-shaped strings redacted, ≤ 300 characters. Called
 * again right before every database write of an error string.
 */
export function safeErrorText(text: string, ...holders: KeyHolder[]): string {
  let out = text.slice(0, MAX_SCAN_CHARS);
  for (const h of holders) out = h?.redact ? h.redact(out) : out;
  return redactErrorText(out);
}

/** An LlmError (or an SDK / network error) of a service's model call, made safe to show with these holders' keys hidden. */
export function failureOf(e: unknown, ...holders: KeyHolder[]): LlmError {
  const err = providerError(e);
  return new LlmError(err.kind, safeErrorText(err.message, ...holders), err.status, err.retryAfterMs);
}

function causes(e: unknown): unknown[] {
  const out: unknown[] = [];
  for (let c = e, depth = 0; c && depth < 6; c = (c as { cause?: unknown }).cause, depth++) out.push(c);
  return out;
}

/** fetch wraps the socket error ("fetch failed" → cause ECONNREFUSED/ENOTFOUND…): find the code. */
function causeCode(e: unknown): string | undefined {
  for (const c of causes(e)) {
    const code = (c as { code?: unknown }).code;
    if (typeof code === "string" && /^[A-Z][A-Z0-9_]{2,40}$/.test(code)) return code;
  }
  return undefined;
}

/** The provider's own `error.message`, and nothing else of the body. */
function providerMessage(e: InstanceType<typeof OpenAI.APIError>): string | null {
  const msg = (e.error as { message?: unknown } | undefined)?.message;
  return typeof msg === "string" && msg.trim() ? msg : null;
}

function fromStatus(e: InstanceType<typeof OpenAI.APIError>): { kind: LlmError["kind"]; reason: string; retryAfterMs?: number } {
  const status = e.status;
  if (!status) return { kind: "server", reason: "The endpoint reported an error" };
  if (status === 401 || status === 403) return { kind: "auth", reason: `The endpoint rejected the API key (${status})` };
  if (status === 429) {
    const retryAfter = Number(e.headers?.get?.("retry-after"));
    return { kind: "rate_limit", reason: "Rate limited by the endpoint (429)", retryAfterMs: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : undefined };
  }
  if (status >= 500) return { kind: "server", reason: `The endpoint failed (${status})` };
  if (status >= 300 && status < 400) return { kind: "redirected", reason: `The endpoint redirected elsewhere (${status}); the redirect was not followed` };
  return { kind: "bad_request", reason: `The endpoint refused the request (${status})` };
}

/**
 * The reason a call to an endpoint failed, in words a designer can act on,
 * with `secrets` (the key the provider was built with, a key typed into the
 * form…) and the environment's key redacted.
 */
export function providerError(e: unknown, options: { secrets?: readonly Secret[]; signal?: AbortSignal } = {}): LlmError {
  const secrets = options.secrets ?? [];
  const make = (kind: LlmError["kind"], message: string, status?: number, retryAfterMs?: number) =>
    new LlmError(kind, redactErrorText(message, secrets), status, retryAfterMs);
  const chain = causes(e);
  const own = chain.find((c): c is LlmError => c instanceof LlmError);
  if (own) return make(own.kind, own.message, own.status, own.retryAfterMs);
  const refused = chain.find((c): c is AddressRefusedError => c instanceof AddressRefusedError);
  if (refused) return make("blocked", refused.message);
  if (options.signal?.aborted || e instanceof OpenAI.APIUserAbortError || (e as Error)?.name === "AbortError") {
    return make("aborted", "The request was cancelled");
  }
  if (e instanceof OpenAI.APIConnectionTimeoutError) return make("timeout", "The model endpoint did not answer in time");
  if (e instanceof OpenAI.APIConnectionError) {
    return make("unreachable", `Cannot reach the model endpoint (${causeCode(e.cause) ?? "connection failed"})`);
  }
  if (e instanceof OpenAI.APIError) {
    const { kind, reason, retryAfterMs } = fromStatus(e);
    const said = providerMessage(e);
    return make(kind, said ? `${reason}: ${said}` : reason, e.status, retryAfterMs);
  }
  // Anything else (a body that is not JSON, a bug) may quote the response: say only that it failed.
  return make("server", "The model endpoint sent an answer that could not be read");
}
