import { SIMULATOR_LABEL } from "@/lib/schemas/provider";
import { LlmError, type ChatRequest, type ChatResult, type Provider, type StreamEvent } from "@/lib/llm/types";
import { simulateChat, type SimulateOptions } from "@/lib/llm/simulator/engine";
import { SIMULATED_MODEL_NAMES, simulatedModel } from "@/lib/llm/simulator/models";

// The simulator as an in-process Provider. Same interface as a real endpoint,
// with an honest label. It lists the simulated models (persona-sim-1, -2, -3:
// models.ts, each with its own well). Besides them it accepts the failure models
// the HTTP server has (fail-429, fail-500, hang) so retry and resume logic can
// be tested without a socket; they are deliberately not listed by listModels.

export type SimulatorProviderOptions = SimulateOptions & {
  /** Wait before the first token (abort-aware), to make latency visible in the UI and in tests. */
  latencyMs?: number;
};

export { SIMULATOR_LABEL };
export const FAILURE_MODELS = ["fail-429", "fail-500", "hang"] as const;

function abortError(): LlmError {
  return new LlmError("aborted", "The request was aborted");
}

/** Resolves after `ms`, or rejects with LlmError("aborted") as soon as the signal fires. */
function wait(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError());
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      if (timer) clearTimeout(timer);
      reject(abortError());
    };
    const timer = ms === Infinity ? null : setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

// setImmediate where it exists (Node): a timer per word would make long answers crawl.
const nextTurn = (): Promise<void> =>
  new Promise((resolve) => (typeof setImmediate === "function" ? setImmediate(resolve) : setTimeout(resolve, 0)));

/** Splits text into word deltas that concatenate back to exactly the text. */
export function wordDeltas(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? (text ? [text] : []);
}

export class SimulatorProvider implements Provider {
  readonly kind = "simulator" as const;
  readonly label = SIMULATOR_LABEL;
  readonly models = [...SIMULATED_MODEL_NAMES];
  private readonly latencyMs: number;

  private readonly options: SimulatorProviderOptions;

  constructor(options: SimulatorProviderOptions = {}) {
    this.latencyMs = Math.max(0, options.latencyMs ?? 0);
    // The sticky judge (adversarial mode) remembers per provider instance.
    this.options = options.adversarial && !options.memory ? { ...options, memory: new Map() } : options;
  }

  async listModels(signal?: AbortSignal): Promise<string[]> {
    if (signal?.aborted) throw abortError();
    return [...this.models];
  }

  /** Checks the model and waits the configured latency; throws what a real endpoint would. */
  private async prepare(req: ChatRequest): Promise<void> {
    if (req.signal?.aborted) throw abortError();
    if (simulatedModel(req.model)) return wait(this.latencyMs, req.signal);
    switch (req.model) {
      case "fail-429":
        throw new LlmError("rate_limit", "Simulated rate limit", 429, 1000);
      case "fail-500":
        throw new LlmError("server", "Simulated server error", 500);
      case "hang":
        return wait(Infinity, req.signal);
      default:
        throw new LlmError("bad_request", `The model '${req.model}' does not exist`, 404);
    }
  }

  async chat(req: ChatRequest): Promise<ChatResult> {
    const started = performance.now();
    await this.prepare(req);
    const { text, usage, finishReason } = simulateChat(req, this.options);
    return { text, model: req.model, usage, latencyMs: Math.round(performance.now() - started), finishReason, refusal: null };
  }

  async *stream(req: ChatRequest): AsyncIterable<StreamEvent> {
    const started = performance.now();
    req.onSent?.(); // in this process: nothing to wait for
    await this.prepare(req);
    const { text, usage, finishReason } = simulateChat(req, this.options);
    let firstTokenMs: number | null = null;
    for (const piece of wordDeltas(text)) {
      if (req.signal?.aborted) throw abortError();
      firstTokenMs ??= Math.round(performance.now() - started);
      yield { type: "delta", text: piece };
      // Give abort handlers and other work a turn between words, like a network stream would.
      await nextTurn();
    }
    if (req.signal?.aborted) throw abortError();
    yield { type: "done", model: req.model, usage, latencyMs: Math.round(performance.now() - started), firstTokenMs, finishReason };
  }
}
