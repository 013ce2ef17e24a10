import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, ApiError } from "@/lib/query/api";

// The browser's fetch wrapper hands paged lists their X-Next-Cursor header
// (lib/http/paging.ts pagedArray), which useComments follows for "Show more comments".

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/last") return void res.writeHead(200, { "content-type": "application/json" }).end("[3]");
    if (req.url === "/bad") return void res.writeHead(422, { "content-type": "application/json", "x-next-cursor": "never" }).end(JSON.stringify({ error: { code: "validation", message: "cursor: no", field: "cursor" } }));
    res.writeHead(200, { "content-type": "application/json", "x-next-cursor": "abc_-1" }).end("[1,2]");
  }).listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe("api() and the X-Next-Cursor header", () => {
  it("passes the response headers to onHeaders, the body staying the plain array", async () => {
    let next: string | null = "unset";
    expect(await api<number[]>("GET", `${base}/first`, undefined, { onHeaders: (h) => { next = h.get("X-Next-Cursor"); } })).toEqual([1, 2]);
    expect(next).toBe("abc_-1");
    expect(await api<number[]>("GET", `${base}/last`, undefined, { onHeaders: (h) => { next = h.get("X-Next-Cursor"); } })).toEqual([3]);
    expect(next).toBeNull();
  });

  it("does not call onHeaders for an error answer", async () => {
    let called = false;
    const err = await api("GET", `${base}/bad`, undefined, { onHeaders: () => { called = true; } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).field).toBe("cursor");
    expect(called).toBe(false);
  });
});
