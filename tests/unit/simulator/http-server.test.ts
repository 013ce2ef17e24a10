import type { AddressInfo } from "node:net";
import type http from "node:http";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simulateChat } from "@/lib/llm/simulator/engine";
import { createSimulatorServer } from "@/lib/llm/simulator/http-server";

const servers: http.Server[] = [];

async function start(options: Parameters<typeof createSimulatorServer>[0] = {}): Promise<string> {
  const server = createSimulatorServer(options);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const body = {
  model: "persona-sim-1",
  seed: 2,
  temperature: 0.7,
  messages: [{ role: "system", content: "You are a blunt drill sergeant." }, { role: "user", content: "I skipped my run today." }],
};
const expectedText = simulateChat({ model: "persona-sim-1", seed: 2, temperature: 0.7, messages: body.messages as never }).text;

const post = (base: string, payload: unknown, headers: Record<string, string> = {}, signal?: AbortSignal) =>
  fetch(`${base}/v1/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof payload === "string" ? payload : JSON.stringify(payload),
    signal,
  });

/** Parses an SSE body into its `data:` payloads. */
function sseData(text: string): string[] {
  return text.split("\n\n").filter(Boolean).map((event) => event.replace(/^data: /, ""));
}

let base: string;
beforeAll(async () => {
  base = await start();
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe("simulator HTTP server (OpenAI-compatible)", () => {
  it("lists the simulator model and labels every response", async () => {
    const res = await fetch(`${base}/v1/models`);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-simulator")).toBe("true");
    expect(await res.json()).toEqual({
      object: "list",
      data: ["persona-sim-1", "persona-sim-2", "persona-sim-3"].map((id) => expect.objectContaining({ id, object: "model", owned_by: "persona-studio-simulator" })),
    });
  });

  it("answers a chat completion with the engine's text", async () => {
    const res = await post(base, body);
    const json = await res.json();
    expect(res.status).toBe(200);
    expect(json).toMatchObject({ object: "chat.completion", model: "persona-sim-1", choices: [{ index: 0, message: { role: "assistant", content: expectedText }, finish_reason: "stop" }] });
    expect(json.usage.total_tokens).toBe(json.usage.prompt_tokens + json.usage.completion_tokens);
  });

  it("answers on every simulated model with that model's well (issue 13 §8)", async () => {
    for (const model of ["persona-sim-2", "persona-sim-3"]) {
      const res = await post(base, { ...body, model });
      const json = await res.json();
      const direct = simulateChat({ model, seed: 2, temperature: 0.7, messages: body.messages as never }).text;
      expect(direct).not.toBe(expectedText);
      expect(json).toMatchObject({ model, choices: [{ message: { content: direct } }] });
      expect(await (await fetch(`${base}/v1/models/${model}`)).json()).toMatchObject({ id: model, object: "model" });
    }
    expect((await fetch(`${base}/v1/models/persona-sim-9`)).status).toBe(404);
  });

  it("streams SSE chunks: role first, word deltas, stop, usage, [DONE]", async () => {
    const res = await post(base, { ...body, stream: true, stream_options: { include_usage: true } });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const data = sseData(await res.text());
    expect(data.at(-1)).toBe("[DONE]");
    const chunks = data.slice(0, -1).map((d) => JSON.parse(d));
    expect(chunks[0].choices[0].delta.role).toBe("assistant");
    const usage = chunks.at(-1);
    expect(usage.choices).toEqual([]);
    expect(usage.usage.completion_tokens).toBe(Math.ceil(expectedText.length / 4));
    expect(chunks.at(-2).choices[0].finish_reason).toBe("stop");
    const content = chunks.slice(1, -2).map((c) => c.choices[0].delta.content).join("");
    expect(content).toBe(expectedText);
  });

  it("works with the official OpenAI SDK, streaming and structured output included", async () => {
    const client = new OpenAI({ baseURL: `${base}/v1`, apiKey: "unused", maxRetries: 0 });
    const completion = await client.chat.completions.create({ ...body, messages: body.messages as never });
    expect(completion.choices[0].message.content).toBe(expectedText);
    let streamed = "";
    for await (const chunk of await client.chat.completions.create({ ...body, messages: body.messages as never, stream: true })) {
      streamed += chunk.choices[0]?.delta?.content ?? "";
    }
    expect(streamed).toBe(expectedText);
    const judged = await client.chat.completions.create({
      model: "persona-sim-1",
      messages: [{ role: "user", content: `<answer>${expectedText}</answer>` }],
      response_format: { type: "json_schema", json_schema: { name: "scores", strict: true, schema: { type: "object", properties: { blunt: { type: ["integer", "null"] }, refusal: { type: "boolean" } } } } },
    });
    expect(JSON.parse(judged.choices[0].message.content!)).toEqual({ blunt: expect.any(Number), refusal: false });
  });

  it("requires the API key when configured", async () => {
    const secured = await start({ apiKey: "sk-test" });
    for (const headers of [{}, { authorization: "Bearer wrong" }] as Record<string, string>[]) {
      const res = await post(secured, body, headers);
      expect(res.status).toBe(401);
      expect((await res.json()).error).toMatchObject({ type: "invalid_request_error", code: "invalid_api_key" });
    }
    expect((await post(secured, body, { authorization: "Bearer sk-test" })).status).toBe(200);
  });

  it("simulates failures: 429 with retry-after, 500, unknown model 404, malformed JSON 400", async () => {
    const limited = await post(base, { ...body, model: "fail-429" });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1");
    expect((await limited.json()).error.code).toBe("rate_limit_exceeded");
    expect((await post(base, { ...body, model: "fail-500" })).status).toBe(500);
    const missing = await post(base, { ...body, model: "x" });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { message: "The model 'x' does not exist", type: "invalid_request_error", param: "model", code: "model_not_found" } });
    const malformed = await post(base, "{not json");
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get("x-simulator")).toBe("true");
    expect((await post(base, { model: "persona-sim-1" })).status).toBe(400);
  });

  it("hangs on the hang model until the client gives up, and survives client disconnects", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(post(base, { ...body, model: "hang" }, {}, controller.signal)).rejects.toThrow();

    const streaming = await post(base, { ...body, stream: true });
    const reader = streaming.body!.getReader();
    await reader.read();
    await reader.cancel();
    expect((await post(base, body)).status).toBe(200);
  });

  it("waits the configured latency before the first byte", async () => {
    const slow = await start({ latencyMs: 80 });
    const started = performance.now();
    const res = await fetch(`${slow}/v1/models`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(70);
    expect(res.status).toBe(200);
  });
});
