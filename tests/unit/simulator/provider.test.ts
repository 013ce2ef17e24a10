import { describe, expect, it } from "vitest";
import { LlmError, type ChatRequest, type StreamEvent } from "@/lib/llm/types";
import { simulateChat } from "@/lib/llm/simulator/engine";
import { SimulatorProvider } from "@/lib/llm/simulator/provider";

const request = (extra: Partial<ChatRequest> = {}): ChatRequest => ({
  model: "persona-sim-1",
  messages: [{ role: "system", content: "You are a patient librarian." }, { role: "user", content: "Where do I start with Greek history?" }],
  seed: 3,
  ...extra,
});

async function collect(events: AsyncIterable<StreamEvent>): Promise<StreamEvent[]> {
  const out: StreamEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

async function rejection(p: Promise<unknown>): Promise<LlmError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof LlmError) return err;
    throw err;
  }
  throw new Error("expected the promise to reject");
}

describe("SimulatorProvider", () => {
  const provider = new SimulatorProvider();

  it("says what it is", async () => {
    expect(provider.kind).toBe("simulator");
    expect(provider.label).toBe("Simulator — not a language model");
    expect(await provider.listModels()).toEqual(["persona-sim-1", "persona-sim-2", "persona-sim-3"]);
  });

  it("chats with the engine's deterministic answer", async () => {
    const result = await provider.chat(request());
    expect(result.text).toBe(simulateChat(request()).text);
    expect(result.model).toBe("persona-sim-1");
    expect(result.usage).toEqual(simulateChat(request()).usage);
  });

  it("streams word deltas that concatenate to the chat text, then done", async () => {
    const events = await collect(provider.stream(request()));
    const done = events.at(-1)!;
    const deltas = events.slice(0, -1);
    expect(deltas.length).toBeGreaterThan(20);
    expect(deltas.every((e) => e.type === "delta")).toBe(true);
    expect(deltas.map((e) => (e.type === "delta" ? e.text : "")).join("")).toBe((await provider.chat(request())).text);
    expect(done).toMatchObject({ type: "done", model: "persona-sim-1", usage: simulateChat(request()).usage });
    expect(done.type === "done" && done.firstTokenMs).toEqual(expect.any(Number));
  });

  it("rejects an unknown model as a bad request, and simulates rate limits and server errors", async () => {
    expect((await rejection(provider.chat(request({ model: "gpt-9" })))).kind).toBe("bad_request");
    const limited = await rejection(provider.chat(request({ model: "fail-429" })));
    expect(limited).toMatchObject({ kind: "rate_limit", status: 429, retryAfterMs: 1000, retryable: true });
    expect((await rejection(provider.chat(request({ model: "fail-500" })))).kind).toBe("server");
  });

  it("aborts promptly: before the call, during the latency, mid-stream and while hanging", async () => {
    const slow = new SimulatorProvider({ latencyMs: 10_000 });
    const already = new AbortController();
    already.abort();
    expect((await rejection(provider.chat(request({ signal: already.signal })))).kind).toBe("aborted");

    const during = new AbortController();
    const started = Date.now();
    setTimeout(() => during.abort(), 20);
    expect((await rejection(slow.chat(request({ signal: during.signal })))).kind).toBe("aborted");
    expect(Date.now() - started).toBeLessThan(1000);

    const midStream = new AbortController();
    const seen: string[] = [];
    const streaming = (async () => {
      for await (const e of provider.stream(request({ signal: midStream.signal }))) {
        if (e.type === "delta") seen.push(e.text);
        if (seen.length === 3) midStream.abort();
      }
    })();
    expect((await rejection(streaming)).kind).toBe("aborted");
    expect(seen).toHaveLength(3);

    const hanging = new AbortController();
    setTimeout(() => hanging.abort(), 20);
    expect((await rejection(provider.chat(request({ model: "hang", signal: hanging.signal })))).kind).toBe("aborted");
  });

  it("waits the configured latency before the first token", async () => {
    const started = performance.now();
    const events = await collect(new SimulatorProvider({ latencyMs: 40 }).stream(request()));
    const done = events.at(-1)!;
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
    expect(done.type === "done" && done.firstTokenMs! >= 35).toBe(true);
  });
});
