import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { OpenAiCompatibleProvider } from "@/lib/llm/openai-compatible";
import { LlmError, type ChatRequest, type StreamEvent } from "@/lib/llm/types";

// The OpenAI-compatible provider against a tiny local server that speaks just
// enough of the API, so every error path can be produced on demand.

const KEY = "sk-unit-test-key";

type Recorded = { method: string; url: string; body: Record<string, unknown> | null; authorization: string | undefined };
let requests: Recorded[] = [];
const openResponses = new Set<ServerResponse>();
let server: Server;
let baseUrl: string;
let closedUrl: string;

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};

const chunk = (model: string, delta: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  `data: ${JSON.stringify({ id: "c1", object: "chat.completion.chunk", created: 0, model, choices: [{ index: 0, delta, finish_reason: null }], ...extra })}\n\n`;

async function readBody(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  const text = Buffer.concat(parts).toString("utf8");
  return text ? (JSON.parse(text) as Record<string, unknown>) : null;
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  const body = await readBody(req);
  requests.push({ method: req.method ?? "", url: req.url ?? "", body, authorization: req.headers.authorization });
  if (req.headers.authorization !== `Bearer ${KEY}`) {
    return json(res, 401, { error: { message: "Invalid API key", type: "invalid_request_error" } });
  }
  if (req.method === "GET" && req.url === "/v1/models") {
    return json(res, 200, { object: "list", data: ["b-model", "a-model"].map((id) => ({ id, object: "model", created: 0, owned_by: "test" })) });
  }
  if (req.method !== "POST" || req.url !== "/v1/chat/completions" || !body) return json(res, 404, { error: { message: "Not found" } });

  const model = String(body.model);
  if (model === "fail-429") return json(res, 429, { error: { message: "Slow down" } }, { "retry-after": "2" });
  if (model === "fail-500") return json(res, 500, { error: { message: "Boom" } });
  if (model === "hang") {
    openResponses.add(res);
    return; // never answers
  }
  if (model === "unknown") return json(res, 404, { error: { message: "The model `unknown` does not exist" } });

  if (!body.stream) {
    return json(res, 200, {
      id: "c1", object: "chat.completion", created: 0, model: `${model}-served`,
      choices: [{ index: 0, message: { role: "assistant", content: "Hello there" }, finish_reason: "stop" }],
      usage: { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 },
    });
  }
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  res.write(chunk(model, { role: "assistant", content: "" }));
  res.write(chunk(model, { content: "Hel" }));
  if (model === "slow-stream") {
    // One token, then silence: the caller is expected to abort.
    openResponses.add(res);
    return;
  }
  res.write(chunk(model, { content: "lo, " }));
  res.write(chunk(model, { content: "world" }));
  res.write(`data: ${JSON.stringify({ id: "c1", object: "chat.completion.chunk", created: 0, model, choices: [], usage: { prompt_tokens: 9, completion_tokens: 4, total_tokens: 13 } })}\n\n`);
  res.end("data: [DONE]\n\n");
}

const listen = (s: Server) =>
  new Promise<string>((resolve) => s.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}/v1`)));

beforeAll(async () => {
  server = createServer((req, res) => void handle(req, res));
  baseUrl = await listen(server);
  const probe = createServer();
  closedUrl = await listen(probe);
  await new Promise((r) => probe.close(r));
});

beforeEach(() => {
  requests = [];
});

afterAll(async () => {
  for (const res of openResponses) res.destroy();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const provider = (over: { apiKey?: string | null; timeoutMs?: number; baseUrl?: string } = {}) =>
  new OpenAiCompatibleProvider({ baseUrl: over.baseUrl ?? baseUrl, apiKey: over.apiKey === undefined ? KEY : over.apiKey, timeoutMs: over.timeoutMs });

const ask = (model: string, extra: Partial<ChatRequest> = {}): ChatRequest => ({
  model, messages: [{ role: "system", content: "You are terse." }, { role: "user", content: "Say hello" }], ...extra,
});

async function caught(promise: Promise<unknown>): Promise<LlmError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(LlmError);
    return e as LlmError;
  }
  throw new Error("expected an LlmError");
}

async function collect(events: AsyncIterable<StreamEvent>): Promise<StreamEvent[]> {
  const out: StreamEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

describe("OpenAiCompatibleProvider", () => {
  it("lists models, sorted, sending the key as a bearer token", async () => {
    expect(await provider().listModels()).toEqual(["a-model", "b-model"]);
    expect(requests[0]).toMatchObject({ method: "GET", url: "/v1/models", authorization: `Bearer ${KEY}` });
  });

  it("chats: text, served model, usage and latency; sends temperature, max_tokens and seed", async () => {
    const result = await provider().chat(ask("gpt-test", { temperature: 0.3, maxTokens: 50, seed: 7 }));
    expect(result).toMatchObject({ text: "Hello there", model: "gpt-test-served", usage: { promptTokens: 12, completionTokens: 3 } });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(requests[0].body).toMatchObject({
      model: "gpt-test", temperature: 0.3, max_tokens: 50, seed: 7, stream: false,
      messages: [{ role: "system", content: "You are terse." }, { role: "user", content: "Say hello" }],
    });
  });

  it("streams deltas that concatenate to the answer, then one done event with usage and time to first token", async () => {
    const events = await collect(provider().stream(ask("gpt-test")));
    const deltas = events.filter((e) => e.type === "delta");
    expect(deltas.map((e) => e.text).join("")).toBe("Hello, world");
    const done = events.at(-1)!;
    expect(events.filter((e) => e.type === "done")).toHaveLength(1);
    expect(done).toMatchObject({ type: "done", model: "gpt-test", usage: { promptTokens: 9, completionTokens: 4 } });
    if (done.type !== "done") throw new Error("unreachable");
    expect(done.firstTokenMs).not.toBeNull();
    expect(done.firstTokenMs!).toBeLessThanOrEqual(done.latencyMs);
    expect(requests[0].body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it("asks for structured output with response_format json_schema", async () => {
    const schema = { type: "object", properties: { score: { type: "number" } }, required: ["score"], additionalProperties: false };
    await provider().chat(ask("gpt-test", { responseFormat: { type: "json_schema", name: "judge_scores", schema } }));
    expect(requests[0].body?.response_format).toEqual({ type: "json_schema", json_schema: { name: "judge_scores", schema, strict: true } });
  });

  it("omits response_format and sampling fields nobody asked for", async () => {
    await provider().chat(ask("gpt-test"));
    expect(Object.keys(requests[0].body ?? {}).sort()).toEqual(["messages", "model", "stream"]);
  });

  it("429 → rate_limit, retryable, with retryAfterMs from the header", async () => {
    const error = await caught(provider().chat(ask("fail-429")));
    expect(error).toMatchObject({ kind: "rate_limit", status: 429, retryAfterMs: 2000 });
    expect(error.message).toBe("Rate limited by the endpoint (429): Slow down");
    expect(error.retryable).toBe(true);
    expect(requests).toHaveLength(1); // the provider itself never retries
  });

  it("500 → server", async () => {
    const error = await caught(provider().chat(ask("fail-500")));
    expect(error).toMatchObject({ kind: "server", status: 500, message: "The endpoint failed (500): Boom" });
  });

  it("401 → auth, on chat, stream and listModels", async () => {
    const wrong = provider({ apiKey: "sk-wrong" });
    expect(await caught(wrong.chat(ask("gpt-test")))).toMatchObject({ kind: "auth", status: 401, message: "The endpoint rejected the API key (401): Invalid API key" });
    expect(await caught(collect(wrong.stream(ask("gpt-test"))))).toMatchObject({ kind: "auth" });
    expect(await caught(wrong.listModels())).toMatchObject({ kind: "auth" });
    expect((await caught(wrong.listModels())).retryable).toBe(false);
  });

  it("a missing key is sent as a placeholder (local servers need none), which this server rejects", async () => {
    expect(await caught(provider({ apiKey: null }).listModels())).toMatchObject({ kind: "auth" });
    expect(requests[0].authorization).toBe("Bearer not-needed");
  });

  it("unknown model (404) → bad_request with the server's words", async () => {
    const error = await caught(provider().chat(ask("unknown")));
    expect(error).toMatchObject({ kind: "bad_request", status: 404 });
    expect(error.message).toContain("does not exist");
  });

  it("closed port → unreachable, naming the cause", async () => {
    const error = await caught(provider({ baseUrl: closedUrl }).listModels());
    expect(error).toMatchObject({ kind: "unreachable", message: "Cannot reach the model endpoint (ECONNREFUSED)" });
    expect(error.retryable).toBe(true);
  });

  it("a server that never answers → timeout after timeoutMs", async () => {
    const error = await caught(provider({ timeoutMs: 300 }).chat(ask("hang")));
    expect(error).toMatchObject({ kind: "timeout", message: "The model endpoint did not answer in time" });
  });

  it("abort mid-stream → aborted, promptly, though the server keeps the stream open", async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const started = performance.now();
    const error = await caught(
      (async () => {
        for await (const event of provider().stream(ask("slow-stream", { signal: controller.signal }))) {
          if (event.type === "delta") {
            seen.push(event.text);
            controller.abort();
          }
        }
      })(),
    );
    expect(error).toMatchObject({ kind: "aborted", message: "The request was cancelled" });
    expect(seen).toEqual(["Hel"]);
    // The server never finishes this stream; only the abort can end it.
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it("abort before the answer → aborted", async () => {
    const controller = new AbortController();
    const pending = provider().chat(ask("hang", { signal: controller.signal }));
    setTimeout(() => controller.abort(), 20);
    expect(await caught(pending)).toMatchObject({ kind: "aborted" });
  });
});
