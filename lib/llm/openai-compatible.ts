import OpenAI from "openai";
import { providerError, redactErrorText } from "@/lib/llm/provider-error";
import { ON_SENT, providerFetch, type Pin } from "@/lib/llm/provider-fetch";
import type { Secret } from "@/lib/llm/redact";
import {
  LlmError, type ChatRequest, type ChatResult, type Provider, type StreamEvent, type Usage,
} from "@/lib/llm/types";

// Any OpenAI-compatible endpoint (OpenAI, Ollama, LM Studio, vLLM, llama.cpp
// server, OpenRouter…) through the official SDK. Retries are off here: the
// caller decides (the preview shows the error; probe runs back off and retry).
// Every failure leaves through providerError() with this provider's key
// redacted; every request goes through providerFetch() (no redirect to another
// origin; with publicOnly, only vetted public addresses).

/**
 * How long one call may take before the SDK gives up on it (a config's `timeoutMs` overrides it).
 * The probe worker's lease is longer than this (lib/jobs/probe-worker.ts LEASE_MS), and its
 * adaptive per-call deadline is never longer (lib/jobs/call-deadlines.ts).
 */
export const CALL_TIMEOUT_MS = 60_000;

export type OpenAiCompatibleConfig = {
  baseUrl: string;
  apiKey?: string | null;
  timeoutMs?: number;
  label?: string;
  /** Other keys to hide in this provider's errors (e.g. a stored key when testing a typed one). */
  alsoRedact?: Secret[];
  /** PROVIDER_NETWORK=public: connect to public addresses only (network-policy.ts). */
  publicOnly?: boolean;
  /** The base URL's host, resolved and checked: connections use only these addresses. */
  pin?: Pin | null;
};

export class OpenAiCompatibleProvider implements Provider {
  readonly kind = "openai_compatible" as const;
  readonly label: string;
  private readonly client: OpenAI;
  private readonly secrets: Secret[];

  constructor(config: OpenAiCompatibleConfig) {
    this.label = config.label ?? new URL(config.baseUrl).host;
    this.secrets = [config.apiKey, ...(config.alsoRedact ?? [])];
    this.client = new OpenAI({
      baseURL: config.baseUrl.replace(/\/+$/, ""),
      // Local servers (Ollama, llama.cpp…) accept any key; the SDK insists on one.
      apiKey: config.apiKey || "not-needed",
      timeout: config.timeoutMs ?? CALL_TIMEOUT_MS,
      maxRetries: 0,
      dangerouslyAllowBrowser: false,
      fetch: providerFetch({ publicOnly: config.publicOnly ?? false, pin: config.pin }),
    });
  }

  redact(text: string): string {
    return redactErrorText(text, this.secrets);
  }

  private fail(e: unknown, signal?: AbortSignal): LlmError {
    return providerError(e, { secrets: this.secrets, signal });
  }

  async listModels(signal?: AbortSignal): Promise<string[]> {
    try {
      const page = await this.client.models.list({ signal });
      const ids: string[] = [];
      for await (const m of page) ids.push(m.id);
      return ids.sort();
    } catch (e) {
      throw this.fail(e, signal);
    }
  }

  private body(req: ChatRequest) {
    return {
      model: req.model,
      messages: req.messages,
      ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
      ...(req.maxTokens !== undefined ? { max_tokens: req.maxTokens } : {}),
      ...(req.seed !== undefined ? { seed: req.seed } : {}),
      ...(req.responseFormat
        ? {
            response_format: {
              type: "json_schema" as const,
              json_schema: { name: req.responseFormat.name, schema: req.responseFormat.schema, strict: req.responseFormat.strict ?? true },
            },
          }
        : {}),
    };
  }

  async chat(req: ChatRequest): Promise<ChatResult> {
    const started = performance.now();
    try {
      const res = await this.client.chat.completions.create({ ...this.body(req), stream: false }, { signal: req.signal });
      const choice = res.choices[0];
      return {
        text: choice?.message?.content ?? "",
        model: res.model || req.model,
        usage: { promptTokens: res.usage?.prompt_tokens ?? 0, completionTokens: res.usage?.completion_tokens ?? 0 },
        latencyMs: performance.now() - started,
        finishReason: choice?.finish_reason ?? null,
        // Servers that do not know the field leave it out; an empty string is no refusal either.
        refusal: typeof choice?.message?.refusal === "string" && choice.message.refusal ? choice.message.refusal : null,
      };
    } catch (e) {
      throw this.fail(e, req.signal);
    }
  }

  async *stream(req: ChatRequest): AsyncIterable<StreamEvent> {
    const started = performance.now();
    let firstTokenMs: number | null = null;
    let usage: Usage | null = null;
    let model = req.model;
    let finishReason: string | null = null;
    let chars = 0;
    try {
      const stream = await this.client.chat.completions.create(
        { ...this.body(req), stream: true, stream_options: { include_usage: true } },
        { signal: req.signal, ...(req.onSent ? { fetchOptions: { [ON_SENT]: req.onSent } as OpenAI.RequestOptions["fetchOptions"] } : {}) },
      );
      for await (const chunk of stream) {
        if (chunk.model) model = chunk.model;
        if (chunk.usage) usage = { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens };
        if (chunk.choices[0]?.finish_reason) finishReason = chunk.choices[0].finish_reason;
        const text = chunk.choices[0]?.delta?.content;
        if (text) {
          firstTokenMs ??= performance.now() - started;
          chars += text.length;
          yield { type: "delta", text };
        }
      }
      // The SDK ends an aborted stream quietly; a cut-off answer must not look complete.
      if (req.signal?.aborted) throw new LlmError("aborted", "The request was cancelled");
    } catch (e) {
      throw this.fail(e, req.signal);
    }
    // Servers that ignore stream_options send no usage: estimate (~4 chars a token) rather than claim 0.
    yield {
      type: "done",
      model,
      usage: usage ?? { promptTokens: Math.ceil(req.messages.reduce((n, m) => n + m.content.length, 0) / 4), completionTokens: Math.ceil(chars / 4) },
      latencyMs: performance.now() - started,
      firstTokenMs,
      finishReason,
    };
  }
}
