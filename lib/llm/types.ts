// The one interface every model provider implements. Only lib/llm imports
// vendor SDKs; the rest of the studio talks to this.

import { readJsonReply } from "@/lib/probing/judge/json-reply";

export type ChatRole = "system" | "user" | "assistant";
export type ChatMessage = { role: ChatRole; content: string };

/** OpenAI-style structured output: the answer must be JSON matching `schema`. */
export type JsonSchemaFormat = { type: "json_schema"; name: string; schema: Record<string, unknown>; strict?: boolean };

export type ChatRequest = {
  model: string;
  messages: ChatMessage[];
  temperature?: number;
  maxTokens?: number;
  seed?: number;
  responseFormat?: JsonSchemaFormat;
  signal?: AbortSignal;
  /**
   * Provider.stream only: called once the request has left for the model (an HTTP
   * provider's when its bytes are written to the socket, the simulator's at once). A live
   * preview starts its own answer only then (lib/services/preview/stream-preview), so that
   * writing it does not hold up the upstream request.
   */
  onSent?: () => void;
};

export type Usage = { promptTokens: number; completionTokens: number };

/**
 * `model`: the model that actually served the answer (a provider may route an alias elsewhere).
 * `finishReason`: why generation stopped ("stop", "length" = cut at the token limit, "content_filter", …), null when not said.
 * `refusal`: the provider's own refusal text (OpenAI `message.refusal`), null when it did not refuse.
 */
export type ChatResult = { text: string; model: string; usage: Usage; latencyMs: number; finishReason?: string | null; refusal?: string | null };

/** Streamed pieces; the last event is always `done` (or the iterator throws an LlmError). */
export type StreamEvent =
  | { type: "delta"; text: string }
  | { type: "done"; model: string; usage: Usage; latencyMs: number; firstTokenMs: number | null; finishReason?: string | null };

export type LlmErrorKind =
  | "auth" // 401/403: bad or missing key
  | "rate_limit" // 429
  | "timeout"
  | "unreachable" // connection refused, DNS, TLS
  | "bad_request" // 400/404/422: e.g. unknown model
  | "server" // 5xx
  | "invalid_output" // structured output that is not valid JSON for the schema
  | "redirected" // the endpoint redirected to another origin (never followed)
  | "blocked" // the address is not allowed (PROVIDER_NETWORK=public)
  | "capped" // not sent: it would have passed the probe run's cap (lib/jobs/run-usage.ts)
  | "aborted";

export class LlmError extends Error {
  constructor(
    readonly kind: LlmErrorKind,
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "LlmError";
  }

  /** Worth retrying with backoff (probe runs do; the live preview shows it instead). */
  get retryable(): boolean {
    return this.kind === "rate_limit" || this.kind === "timeout" || this.kind === "server" || this.kind === "unreachable";
  }
}

export type ProviderKind = "simulator" | "openai_compatible";

export interface Provider {
  readonly kind: ProviderKind;
  /** Shown wherever output appears; the simulator's says it is not a language model. */
  readonly label: string;
  listModels(signal?: AbortSignal): Promise<string[]>;
  /** Hides this provider's key (and echoes of it) in text about its failures; see lib/llm/provider-error.ts. */
  redact?(text: string): string;
  chat(req: ChatRequest): Promise<ChatResult>;
  stream(req: ChatRequest): AsyncIterable<StreamEvent>;
}

/** Parses the JSON of a structured-output answer or throws LlmError("invalid_output"). */
export function parseJsonOutput(text: string): unknown {
  try {
    return readJsonReply(text);
  } catch {
    throw new LlmError("invalid_output", "The model's structured output is not valid JSON");
  }
}
