import OpenAI from "openai";
import {
  LlmError, type ChatRequest, type ChatResult, type Provider, type StreamEvent, type Usage,
} from "@/lib/llm/types";

// Any OpenAI-compatible endpoint (OpenAI, Ollama, LM Studio, vLLM, llama.cpp
// server, OpenRouter…) through the official SDK. Retries are off here: the
// caller decides (the preview shows the error; probe runs back off and retry).

export type OpenAiCompatibleConfig = {
  baseUrl: string;
  apiKey?: string | null;
  timeoutMs?: number;
  label?: string;
};

export class OpenAiCompatibleProvider implements Provider {
  readonly kind = "openai_compatible" as const;
  readonly label: string;
  private readonly client: OpenAI;

  constructor(config: OpenAiCompatibleConfig) {
    this.label = config.label ?? new URL(config.baseUrl).host;
    this.client = new OpenAI({
      baseURL: config.baseUrl.replace(/\/+$/, ""),
      // Local servers (Ollama, llama.cpp…) accept any key; the SDK insists on one.
      apiKey: config.apiKey || "not-needed",
      timeout: config.timeoutMs ?? 60_000,
      maxRetries: 0,
      dangerouslyAllowBrowser: false,
    });
  }

  async listModels(signal?: AbortSignal): Promise<string[]> {
    try {
      const page = await this.client.models.list({ signal });
      const ids: string[] = [];
      for await (const m of page) ids.push(m.id);
      return ids.sort();
    } catch (e) {
      throw toLlmError(e, signal);
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
      return {
        text: res.choices[0]?.message?.content ?? "",
        model: res.model ?? req.model,
        usage: { promptTokens: res.usage?.prompt_tokens ?? 0, completionTokens: res.usage?.completion_tokens ?? 0 },
        latencyMs: performance.now() - started,
      };
    } catch (e) {
      throw toLlmError(e, req.signal);
    }
  }

  async *stream(req: ChatRequest): AsyncIterable<StreamEvent> {
    const started = performance.now();
    let firstTokenMs: number | null = null;
    let usage: Usage | null = null;
    let model = req.model;
    let chars = 0;
    try {
      const stream = await this.client.chat.completions.create(
        { ...this.body(req), stream: true, stream_options: { include_usage: true } },
        { signal: req.signal },
      );
      for await (const chunk of stream) {
        if (chunk.model) model = chunk.model;
        if (chunk.usage) usage = { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens };
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
      throw toLlmError(e, req.signal);
    }
    // Servers that ignore stream_options send no usage: estimate (~4 chars a token) rather than claim 0.
    yield {
      type: "done",
      model,
      usage: usage ?? { promptTokens: Math.ceil(req.messages.reduce((n, m) => n + m.content.length, 0) / 4), completionTokens: Math.ceil(chars / 4) },
      latencyMs: performance.now() - started,
      firstTokenMs,
    };
  }
}

function serverMessage(e: InstanceType<typeof OpenAI.APIError>): string {
  const err = e.error as { message?: string } | undefined;
  return err?.message ?? e.message;
}

/** fetch wraps the socket error ("fetch failed" → cause ECONNREFUSED/ENOTFOUND…): find the code. */
function causeCode(e: unknown): string | undefined {
  for (let c = e, depth = 0; c && depth < 5; c = (c as { cause?: unknown }).cause, depth++) {
    const code = (c as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

/** The exact reason, in words a designer can act on. */
export function toLlmError(e: unknown, signal?: AbortSignal): LlmError {
  if (e instanceof LlmError) return e;
  if (signal?.aborted || e instanceof OpenAI.APIUserAbortError || (e as Error)?.name === "AbortError") {
    return new LlmError("aborted", "The request was cancelled");
  }
  if (e instanceof OpenAI.APIConnectionTimeoutError) return new LlmError("timeout", "The model endpoint did not answer in time");
  if (e instanceof OpenAI.APIConnectionError) {
    return new LlmError("unreachable", `Cannot reach the model endpoint (${causeCode(e.cause) ?? (e.cause as Error | undefined)?.message ?? e.message})`);
  }
  if (e instanceof OpenAI.APIError) {
    const status = e.status ?? 0;
    const msg = serverMessage(e);
    if (status === 401 || status === 403) return new LlmError("auth", `The endpoint rejected the API key (${status}): ${msg}`, status);
    if (status === 429) {
      const retryAfter = Number(e.headers?.get?.("retry-after"));
      return new LlmError("rate_limit", `Rate limited by the endpoint (429): ${msg}`, status, Number.isFinite(retryAfter) ? retryAfter * 1000 : undefined);
    }
    if (status >= 500) return new LlmError("server", `The endpoint failed (${status}): ${msg}`, status);
    return new LlmError("bad_request", `The endpoint refused the request (${status}): ${msg}`, status);
  }
  return new LlmError("server", (e as Error)?.message ?? "Unknown model error");
}
