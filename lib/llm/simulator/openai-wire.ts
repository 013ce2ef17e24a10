import type { ChatMessage, ChatRequest, JsonSchemaFormat, Usage } from "@/lib/llm/types";

// OpenAI chat-completions wire format, as far as the simulator speaks it:
// request parsing/validation and the response, chunk and error bodies. Kept
// apart from the server so the server file is only transport.

export type ParsedChat = { req: ChatRequest; stream: boolean; includeUsage: boolean };
export type WireError = { status: number; body: { error: { message: string; type: string; param: string | null; code: string | null } } };

export function wireError(status: number, message: string, type: string, code: string | null = null, param: string | null = null): WireError {
  return { status, body: { error: { message, type, param, code } } };
}

const invalid = (message: string, param: string) => wireError(400, message, "invalid_request_error", null, param);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function contentText(content: unknown): string | null {
  if (typeof content === "string") return content;
  if (content === null) return "";
  if (Array.isArray(content)) {
    // Content parts: the text parts are what the simulator can read.
    return content.map((p) => (isObj(p) && p.type === "text" && typeof p.text === "string" ? p.text : "")).join("");
  }
  return null;
}

function parseMessages(raw: unknown): ChatMessage[] | WireError {
  if (!Array.isArray(raw) || raw.length === 0) return invalid("'messages' must be a non-empty array.", "messages");
  const out: ChatMessage[] = [];
  for (const [i, m] of raw.entries()) {
    if (!isObj(m)) return invalid(`'messages[${i}]' must be an object.`, `messages[${i}]`);
    const role = m.role === "developer" ? "system" : m.role;
    if (role !== "system" && role !== "user" && role !== "assistant") {
      if (role === "tool" || role === "function") continue; // nothing for the toy to read
      return invalid(`Invalid value for 'messages[${i}].role'.`, `messages[${i}].role`);
    }
    const text = contentText(m.content);
    if (text === null) return invalid(`Invalid type for 'messages[${i}].content'.`, `messages[${i}].content`);
    out.push({ role, content: text });
  }
  return out;
}

function parseResponseFormat(raw: unknown): JsonSchemaFormat | undefined | WireError {
  if (raw === undefined || raw === null) return undefined;
  if (!isObj(raw)) return invalid("'response_format' must be an object.", "response_format");
  if (raw.type === "text") return undefined;
  if (raw.type === "json_object") return { type: "json_schema", name: "json_object", schema: {} };
  if (raw.type !== "json_schema" || !isObj(raw.json_schema) || typeof raw.json_schema.name !== "string") {
    return invalid("'response_format' must be text, json_object or json_schema with a name.", "response_format");
  }
  const js = raw.json_schema;
  return { type: "json_schema", name: js.name as string, schema: isObj(js.schema) ? js.schema : {}, strict: js.strict === true };
}

const optionalNumber = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

export function parseChatBody(body: unknown): ParsedChat | WireError {
  if (!isObj(body)) return invalid("The request body must be a JSON object.", "body");
  if (typeof body.model !== "string" || !body.model) return invalid("You must provide a model parameter.", "model");
  const messages = parseMessages(body.messages);
  if (!Array.isArray(messages)) return messages;
  const responseFormat = parseResponseFormat(body.response_format);
  if (responseFormat && "status" in responseFormat) return responseFormat;
  const temperature = optionalNumber(body.temperature);
  if (temperature !== undefined && (temperature < 0 || temperature > 2)) return invalid("'temperature' must be between 0 and 2.", "temperature");
  const maxTokens = optionalNumber(body.max_completion_tokens) ?? optionalNumber(body.max_tokens);
  const req: ChatRequest = {
    model: body.model,
    messages,
    temperature,
    seed: optionalNumber(body.seed),
    maxTokens: maxTokens === undefined ? undefined : Math.max(0, Math.floor(maxTokens)),
    responseFormat,
  };
  const includeUsage = isObj(body.stream_options) && body.stream_options.include_usage === true;
  return { req, stream: body.stream === true, includeUsage };
}

export const usageJson = (u: Usage) => ({
  prompt_tokens: u.promptTokens,
  completion_tokens: u.completionTokens,
  total_tokens: u.promptTokens + u.completionTokens,
});

type Meta = { id: string; created: number; model: string };

export function completionJson(meta: Meta, text: string, finishReason: string, usage: Usage) {
  return {
    ...meta,
    object: "chat.completion",
    system_fingerprint: "persona-sim-1",
    choices: [{ index: 0, message: { role: "assistant", content: text, refusal: null }, logprobs: null, finish_reason: finishReason }],
    usage: usageJson(usage),
  };
}

export function chunkJson(meta: Meta, delta: Obj, finishReason: string | null, includeUsage: boolean) {
  return {
    ...meta,
    object: "chat.completion.chunk",
    system_fingerprint: "persona-sim-1",
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    ...(includeUsage ? { usage: null } : {}),
  };
}

export function usageChunkJson(meta: Meta, usage: Usage) {
  return { ...meta, object: "chat.completion.chunk", system_fingerprint: "persona-sim-1", choices: [], usage: usageJson(usage) };
}
