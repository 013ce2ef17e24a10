import http from "node:http";
import type { AdversarialOptions, JudgeMemory } from "@/lib/llm/simulator/adversarial";
import { simulateChat, type SimulateOptions } from "@/lib/llm/simulator/engine";
import { SIMULATED_MODEL_NAMES, simulatedModel } from "@/lib/llm/simulator/models";
import {
  chunkJson, completionJson, parseChatBody, usageChunkJson, wireError, type WireError,
} from "@/lib/llm/simulator/openai-wire";
import { wordDeltas } from "@/lib/llm/simulator/provider";

// The simulator as an OpenAI-compatible HTTP endpoint, for end-to-end tests of
// the real openai_compatible provider path and for anyone without a model.
// node:http only. Every response carries `x-simulator: true` and waits a fixed
// latency before its first byte. Test models, not listed by /v1/models:
// fail-429 (429, retry-after: 1), fail-500 (500), hang (waits until the client
// goes away). See docs/simulator.md.

export type SimulatorServerOptions = {
  latencyMs?: number;
  apiKey?: string;
  /** Adversarial mode (docs/simulator.md §10); off unless given. */
  adversarial?: Partial<AdversarialOptions>;
};

const MAX_BODY_BYTES = 10 * 1024 * 1024;
const OWNER = "persona-studio-simulator";

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) reject(new BodyTooLarge());
      else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Resolves after ms, or early (with false) when the client has gone away. */
function wait(ms: number, gone: AbortSignal): Promise<boolean> {
  if (gone.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = ms === Infinity ? null : setTimeout(() => { gone.removeEventListener("abort", onGone); resolve(true); }, ms);
    const onGone = () => { if (timer) clearTimeout(timer); resolve(false); };
    gone.addEventListener("abort", onGone, { once: true });
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}) {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

const sendError = (res: http.ServerResponse, e: WireError, headers?: http.OutgoingHttpHeaders) => sendJson(res, e.status, e.body, headers);

const modelObject = (id: string) => ({ id, object: "model", created: 0, owned_by: OWNER });

let sequence = 0;

async function streamCompletion(res: http.ServerResponse, gone: AbortSignal, meta: { id: string; created: number; model: string }, text: string, finishReason: string, usage: Parameters<typeof usageChunkJson>[1], includeUsage: boolean) {
  res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", connection: "keep-alive" });
  const send = async (payload: unknown): Promise<boolean> => {
    if (gone.aborted) return false;
    const ok = res.write(`data: ${typeof payload === "string" ? payload : JSON.stringify(payload)}\n\n`);
    // Respect backpressure, but stop waiting if the client disconnects.
    if (!ok) await new Promise<void>((r) => { res.once("drain", r); res.once("close", r); });
    await new Promise<void>((r) => setImmediate(r));
    return !gone.aborted;
  };
  if (!(await send(chunkJson(meta, { role: "assistant", content: "", refusal: null }, null, includeUsage)))) return;
  for (const piece of wordDeltas(text)) {
    if (!(await send(chunkJson(meta, { content: piece }, null, includeUsage)))) return;
  }
  if (!(await send(chunkJson(meta, {}, finishReason, includeUsage)))) return;
  if (includeUsage && !(await send(usageChunkJson(meta, usage)))) return;
  if (await send("[DONE]")) res.end();
}

async function chatCompletions(res: http.ServerResponse, gone: AbortSignal, raw: string, simOptions: SimulateOptions) {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return sendError(res, wireError(400, "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly.)", "invalid_request_error"));
  }
  const parsed = parseChatBody(body);
  if ("status" in parsed) return sendError(res, parsed);
  const { req: chat, stream, includeUsage } = parsed;

  if (!simulatedModel(chat.model)) switch (chat.model) {
    case "fail-429":
      return sendError(res, wireError(429, "Rate limit reached for persona-sim-1 (simulated).", "requests", "rate_limit_exceeded"), { "retry-after": "1" });
    case "fail-500":
      return sendError(res, wireError(500, "The server had an error while processing your request (simulated).", "server_error"));
    case "hang":
      await wait(Infinity, gone);
      return;
    default:
      return sendError(res, wireError(404, `The model '${chat.model}' does not exist`, "invalid_request_error", "model_not_found", "model"));
  }

  const { text, usage, finishReason } = simulateChat(chat, simOptions);
  const meta = { id: `chatcmpl-sim-${Date.now().toString(36)}${(++sequence).toString(36)}`, created: Math.floor(Date.now() / 1000), model: chat.model };
  if (!stream) return sendJson(res, 200, completionJson(meta, text, finishReason, usage));
  await streamCompletion(res, gone, meta, text, finishReason, usage, includeUsage);
}

export function createSimulatorServer({ latencyMs = 0, apiKey, adversarial }: SimulatorServerOptions = {}): http.Server {
  // One sticky-judge memory per server, like one judge model behind one endpoint.
  const memory: JudgeMemory = new Map();
  const simOptions: SimulateOptions = adversarial ? { adversarial, memory } : {};
  return http.createServer(async (req, res) => {
    res.setHeader("x-simulator", "true");
    const goneController = new AbortController();
    res.on("close", () => { if (!res.writableFinished) goneController.abort(); });
    const gone = goneController.signal;
    try {
      const raw = req.method === "POST" ? await readBody(req) : "";
      if (!(await wait(latencyMs, gone))) return;
      if (apiKey && req.headers.authorization !== `Bearer ${apiKey}`) {
        return sendError(res, wireError(401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key"));
      }
      const path = new URL(req.url ?? "/", "http://simulator").pathname.replace(/\/+$/, "");
      if (req.method === "GET" && path === "/v1/models") return sendJson(res, 200, { object: "list", data: SIMULATED_MODEL_NAMES.map(modelObject) });
      const listed = req.method === "GET" && path.startsWith("/v1/models/") ? SIMULATED_MODEL_NAMES.find((m) => path === `/v1/models/${m}`) : undefined;
      if (listed) return sendJson(res, 200, modelObject(listed));
      if (req.method === "POST" && path === "/v1/chat/completions") return await chatCompletions(res, gone, raw, simOptions);
      return sendError(res, wireError(404, `Unknown request URL: ${req.method} ${path || "/"}.`, "invalid_request_error", "unknown_url"));
    } catch (err) {
      if (err instanceof BodyTooLarge) return sendError(res, wireError(413, "The request body is too large.", "invalid_request_error"));
      sendError(res, wireError(500, "The simulator failed to handle the request.", "server_error"));
    }
  });
}
