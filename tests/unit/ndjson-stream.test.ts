import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/query/api";
import { readNdjsonStream } from "@/lib/query/preview-stream";
import { readRequestText } from "@/tests/factories/http-server";

// The NDJSON reader both previews use (persona preview, panel preview), against
// a real HTTP server that writes its lines in awkward chunks.

let server: Server | null = null;
afterEach(async () => {
  server?.close();
  server = null;
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/stream`;
}

describe("readNdjsonStream", () => {
  it("posts the body as JSON and yields every line once, whatever the chunk boundaries", async () => {
    let received: { method?: string; type?: string; body?: string } = {};
    const url = await serve(async (req, res) => {
      received = { method: req.method, type: req.headers["content-type"], body: await readRequestText(req) };
      res.writeHead(200, { "content-type": "application/x-ndjson" });
      // A line split across writes, two lines in one write, a blank line, a multi-byte character split, no final newline.
      const whole = Buffer.from('{"type":"start","n":1}\n{"type":"delta","text":"ab"}\n\n{"type":"delta","text":"é—"}\n{"type":"end"}', "utf8");
      for (const cut of [[0, 10], [10, 60], [60, 78], [78, whole.length]]) {
        res.write(whole.subarray(cut[0], cut[1]));
        await new Promise((r) => setImmediate(r));
      }
      res.end("\n");
    });
    const events: unknown[] = [];
    await readNdjsonStream(url, { question: "q" }, (e) => events.push(e), new AbortController().signal, "Test");
    expect(received).toEqual({ method: "POST", type: "application/json", body: '{"question":"q"}' });
    expect(events).toEqual([{ type: "start", n: 1 }, { type: "delta", text: "ab" }, { type: "delta", text: "é—" }, { type: "end" }]);
  });

  it("throws the server's error as an ApiError, or names what failed when the body is not JSON", async () => {
    let json = true;
    const url = await serve((_req, res) => {
      res.writeHead(429, { "content-type": json ? "application/json" : "text/plain" });
      res.end(json ? JSON.stringify({ error: { code: "rate_limited", message: "Slow down", field: "question" } }) : "nope");
    });
    const err = await readNdjsonStream(url, {}, () => {}, new AbortController().signal, "Panel preview").catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 429, code: "rate_limited", message: "Slow down", field: "question" });
    json = false;
    const plain = await readNdjsonStream(url, {}, () => {}, new AbortController().signal, "Panel preview").catch((e) => e);
    expect(plain).toMatchObject({ status: 429, code: "internal", message: "Panel preview failed (429)" });
  });
});
