import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { OpenAiCompatibleProvider } from "@/lib/llm/openai-compatible";
import { AddressRefusedError, MAX_SAME_ORIGIN_REDIRECTS, ON_SENT, providerFetch } from "@/lib/llm/provider-fetch";
import { LlmError } from "@/lib/llm/types";

// The fetch under every provider call: redirects stay on the endpoint's origin,
// and with publicOnly a connection only ever goes to vetted (pinned) addresses.

type Hit = { url: string; host: string | undefined; acceptEncoding?: string };
let hits: Hit[] = [];
/** What happened, in order: the server's arrivals and the test's own marks. */
let order: string[] = [];
let otherHits: Hit[] = [];
let server: Server;
let other: Server;
let origin: string;
let otherOrigin: string;

const MODELS = JSON.stringify({ object: "list", data: [{ id: "m1", object: "model", created: 0, owned_by: "t" }] });

function handle(req: IncomingMessage, res: ServerResponse) {
  const url = req.url ?? "";
  if (url.startsWith("/coded/")) {
    hits.push({ url, host: req.headers.host, acceptEncoding: req.headers["accept-encoding"] });
    // A server that compresses whatever the request asked for.
    const coding = url.split("/")[2];
    const body = coding === "gzip" ? gzipSync(MODELS) : coding === "br" ? brotliCompressSync(MODELS) : coding === "deflate" ? deflateSync(MODELS) : Buffer.from(MODELS);
    res.writeHead(200, { "content-type": "application/json", "content-encoding": coding }).end(body);
    return;
  }
  hits.push({ url: req.url ?? "", host: req.headers.host });
  order.push(`arrived ${url}`);
  if (url === "/sse/v1/chat/completions") {
    const chunk = (delta: object, extra: object = {}) =>
      `data: ${JSON.stringify({ id: "c1", object: "chat.completion.chunk", created: 0, model: "m1", choices: [{ index: 0, delta, finish_reason: null }], ...extra })}\n\n`;
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.end(`${chunk({ role: "assistant", content: "Hello" })}${chunk({ content: " there" })}data: [DONE]\n\n`);
  } else if (url === "/empty") {
    let body = "";
    req.on("data", (c) => (body += c)).on("end", () => {
      hits[hits.length - 1].url = `${req.method} ${url} ${body}`;
      res.writeHead(204).end();
    });
  } else if (url === "/v1/models" || url === "/moved/models") {
    res.writeHead(200, { "content-type": "application/json" }).end(MODELS);
  } else if (url === "/old/models") {
    res.writeHead(307, { location: "/moved/models" }).end();
  } else if (url === "/away/models") {
    res.writeHead(302, { location: `${otherOrigin}/v1/models`, "content-type": "text/plain" }).end("secret internal redirect body");
  } else if (url.startsWith("/loop")) {
    res.writeHead(301, { location: `/loop${url.length}` }).end();
  } else {
    res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "nope" } }));
  }
}

const listen = (s: Server) => new Promise<string>((resolve) => s.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)));

beforeAll(async () => {
  server = createServer(handle);
  other = createServer((req, res) => {
    otherHits.push({ url: req.url ?? "", host: req.headers.host });
    res.writeHead(200, { "content-type": "application/json" }).end(MODELS);
  });
  origin = await listen(server);
  otherOrigin = await listen(other);
});

beforeEach(() => {
  order = [];
  hits = [];
  otherHits = [];
});

afterAll(async () => {
  for (const s of [server, other]) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected a rejection");
}

const rootCause = (e: unknown): unknown => {
  let c = e;
  while ((c as { cause?: unknown })?.cause) c = (c as { cause: unknown }).cause;
  return c;
};

describe("redirects", () => {
  const f = providerFetch({ publicOnly: false });

  it("a redirect on the same origin is followed", async () => {
    const res = await f(`${origin}/old/models`);
    expect(res.status).toBe(200);
    expect(hits.map((h) => h.url)).toEqual(["/old/models", "/moved/models"]);
  });

  it("a redirect to another origin (another port) is not followed: an error, no request there", async () => {
    const e = await rejection(f(`${origin}/away/models`));
    expect(e).toBeInstanceOf(LlmError);
    expect(e).toMatchObject({ kind: "redirected", status: 302 });
    expect((e as Error).message).not.toContain(otherOrigin);
    expect((e as Error).message).not.toContain("secret internal");
    expect(otherHits).toEqual([]);
  });

  it(`at most ${MAX_SAME_ORIGIN_REDIRECTS} same-origin redirects`, async () => {
    expect(await rejection(f(`${origin}/loop`))).toMatchObject({ kind: "redirected", status: 301 });
    expect(hits).toHaveLength(MAX_SAME_ORIGIN_REDIRECTS + 1);
  });

  it("through the provider: 'redirected', without the target or the body", async () => {
    const provider = new OpenAiCompatibleProvider({ baseUrl: `${origin}/away`, apiKey: "sk-unit-9Qz7Lm2Xw8RtB4nZ" });
    const e = await rejection(provider.listModels());
    expect(e).toMatchObject({ kind: "redirected", status: 302, message: "The endpoint redirected elsewhere (302); the redirect was not followed" });
    expect(otherHits).toEqual([]);
  });
});

describe("answers", () => {
  const f = providerFetch({ publicOnly: false });

  it("asks for an uncompressed answer, and decodes one compressed anyway (gzip, deflate, br)", async () => {
    for (const coding of ["gzip", "deflate", "br"]) {
      const provider = new OpenAiCompatibleProvider({ baseUrl: `${origin}/coded/${coding}/v1` });
      expect(await provider.listModels()).toEqual(["m1"]);
    }
    expect(hits.map((h) => h.acceptEncoding)).toEqual(["identity", "identity", "identity"]);
  });

  it("an encoding it cannot read fails the call with a reason, not garbage", async () => {
    const provider = new OpenAiCompatibleProvider({ baseUrl: `${origin}/coded/zstd-x/v1` });
    const e = await rejection(provider.listModels());
    expect(e).toBeInstanceOf(LlmError);
    expect((e as Error).message).toContain("an encoding the studio cannot read (zstd-x)");
  });

  it("sends the method and body as given; a 204 is an empty answer; a body other than text or bytes is refused", async () => {
    const res = await f(`${origin}/empty`, { method: "POST", body: '{"a":1}', headers: { "content-type": "application/json" } });
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();
    expect(hits.map((h) => h.url)).toEqual(['POST /empty {"a":1}']);
    expect(await rejection(f(`${origin}/v1/models`, { method: "POST", body: new Blob(["x"]) as unknown as BodyInit }))).toBeInstanceOf(TypeError);
  });
});

describe("when the request has left (ON_SENT)", () => {
  const f = providerFetch({ publicOnly: false });
  const watched = (init: RequestInit = {}) => ({ ...init, [ON_SENT]: () => order.push("sent") }) as RequestInit;

  it("is told once, after the bytes are written and before the server has them, on a new socket and on a reused one", async () => {
    for (let i = 0; i < 3; i++) {
      const res = await f(`${origin}/v1/models`, watched());
      order.push(`answered ${res.status}`);
      await res.text();
    }
    expect(order).toEqual(Array(3).fill(["sent", "arrived /v1/models", "answered 200"]).flat());
  });

  it("is told once across same-origin redirects, and not at all without the key", async () => {
    const res = await f(`${origin}/old/models`, watched());
    expect(await res.json()).toMatchObject({ object: "list" });
    expect(order).toEqual(["sent", "arrived /old/models", "arrived /moved/models"]);
    order = [];
    await (await f(`${origin}/v1/models`)).text();
    expect(order).toEqual(["arrived /v1/models"]);
  });

  it("through the provider's stream: onSent before the request arrives and before the first delta", async () => {
    const provider = new OpenAiCompatibleProvider({ baseUrl: `${origin}/sse/v1` });
    const events = [];
    for await (const e of provider.stream({ model: "m1", messages: [{ role: "user", content: "hi" }], onSent: () => order.push("sent") })) {
      events.push(e);
      if (e.type === "delta") order.push(`delta ${e.text}`);
    }
    expect(order).toEqual(["sent", "arrived /sse/v1/chat/completions", "delta Hello", "delta  there"]);
    expect(events.at(-1)).toMatchObject({ type: "done" });
  });
});

describe("publicOnly", () => {
  it("an IP literal that is not public is refused before any connection", async () => {
    const e = await rejection(providerFetch({ publicOnly: true })(`${origin}/v1/models`));
    expect(e).toBeInstanceOf(AddressRefusedError);
    expect(hits).toEqual([]);
  });

  it("a name is resolved and vetted at connect time: localhost is refused", async () => {
    const e = await rejection(providerFetch({ publicOnly: true })(`${origin.replace("127.0.0.1", "localhost")}/v1/models`));
    expect(rootCause(e)).toBeInstanceOf(AddressRefusedError);
    expect(hits).toEqual([]);
  });

  it("a pinned name connects to the pinned address only (DNS is not asked again)", async () => {
    const port = new URL(origin).port;
    // .invalid never resolves: reaching the server proves the pin was used.
    const f = providerFetch({ publicOnly: true, pin: { hostname: "pinned.invalid", addresses: [{ address: "127.0.0.1", family: 4 }] } });
    const res = await f(`http://pinned.invalid:${port}/v1/models`);
    expect(res.status).toBe(200);
    expect(hits).toEqual([{ url: "/v1/models", host: `pinned.invalid:${port}` }]);
  });

  it("through the provider: 'blocked', naming PROVIDER_NETWORK=public", async () => {
    const provider = new OpenAiCompatibleProvider({ baseUrl: `${origin.replace("127.0.0.1", "localhost")}/v1`, publicOnly: true });
    const e = await rejection(provider.listModels());
    expect(e).toMatchObject({ kind: "blocked" });
    expect((e as Error).message).toMatch(/^localhost resolves to a loopback address .*PROVIDER_NETWORK=public/);
  });
});
