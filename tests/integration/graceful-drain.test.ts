import { request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as healthRoute from "@/app/api/health/route";
import { createLogger, logger } from "@/lib/log/logger.mjs";
import { createDrainingServer, type DrainingServer } from "@/scripts/server.mjs";

// Graceful drain on SIGTERM (issue 15, stateless web instances), on the custom
// server's own node:http layer (scripts/server.mjs) with the real /api/health
// route behind it. From the signal on, /api/health answers 503 "draining" so a
// load balancer stops sending traffic; after the delay new connections are
// refused, while a request already in flight still completes.

const DRAINING = Symbol.for("persona-studio.draining");
const quiet = createLogger({ level: "silent" });
let running: DrainingServer | null = null;

// The 503s below are expected: keep them off the test output.
let restoreLog: () => void;
beforeAll(() => {
  restoreLog = logger.redirect({ level: "silent" });
});
afterAll(() => restoreLog());

afterEach(async () => {
  await running?.shutdown("test over");
  running = null;
  delete (globalThis as Record<symbol, unknown>)[DRAINING];
});

type Reply = { status: number; headers: IncomingMessage["headers"]; body: string };

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** The Next.js stand-in: /api/health goes to the real route handler; /slow waits until released. */
function app(slow: { entered: () => void; released: Promise<void> }) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.url === "/slow") {
      slow.entered();
      await slow.released;
      res.writeHead(200, { "content-type": "text/plain" }).end("done");
      return;
    }
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const response = await healthRoute.GET(new Request(`http://127.0.0.1${req.url}`, { headers }), { params: Promise.resolve({}) });
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(await response.text());
  };
}

describe("graceful drain", () => {
  it("answers 503 draining from the signal on, refuses new connections after the delay, and lets the request in flight finish", async () => {
    let entered!: () => void;
    let release!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const released = new Promise<void>((r) => (release = r));
    let workerStopped = false;
    let closedAfter = false;
    running = createDrainingServer({
      handler: app({ entered, released }),
      delayMs: 400,
      drainMs: 10_000,
      log: quiet,
      beforeClose: async () => {
        workerStopped = true;
      },
      afterClose: async () => {
        closedAfter = true;
      },
    });
    const { port } = await running.listen(0, "127.0.0.1");

    const before = await get(port, "/api/health", { "x-request-id": "lb-check-00000001" });
    expect(before.status).toBe(200);
    expect(JSON.parse(before.body).status).toBe("ok");
    expect(before.headers["x-request-id"]).toBe("lb-check-00000001");

    const inFlight = get(port, "/slow");
    await inside;
    const drained = running.shutdown("SIGTERM");

    // During the delay: still accepting, but the health check tells the load balancer to go away.
    const during = await get(port, "/api/health");
    expect(during.status).toBe(503);
    expect(JSON.parse(during.body)).toMatchObject({ status: "draining", database: { ok: true } });

    // After the delay: no new connections (polled, never timed).
    let refused: NodeJS.ErrnoException | null = null;
    for (let i = 0; i < 200 && !refused; i++) {
      try {
        await get(port, "/api/health");
        await new Promise((r) => setTimeout(r, 25));
      } catch (e) {
        // A connection accepted in the very instant the listener closed is reset (it had no request yet): poll on.
        if ((e as NodeJS.ErrnoException).code === "ECONNRESET") continue;
        refused = e as NodeJS.ErrnoException;
      }
    }
    expect(refused?.code).toBe("ECONNREFUSED");
    expect(workerStopped).toBe(true);

    // The request that was in flight completes, told to close its connection.
    release();
    const slow = await inFlight;
    expect(slow).toMatchObject({ status: 200, body: "done" });
    expect(slow.headers.connection).toBe("close");
    expect(slow.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    await drained;
    expect(closedAfter).toBe(true);
  });

  it("without a delay stops accepting at once and still finishes what is in flight", async () => {
    let entered!: () => void;
    let release!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const released = new Promise<void>((r) => (release = r));
    running = createDrainingServer({ handler: app({ entered, released }), delayMs: 0, drainMs: 10_000, log: quiet });
    const { port } = await running.listen(0, "127.0.0.1");
    const inFlight = get(port, "/slow");
    await inside;
    const drained = running.shutdown("SIGTERM");
    await expect(get(port, "/api/health")).rejects.toMatchObject({ code: "ECONNREFUSED" });
    release();
    expect(await inFlight).toMatchObject({ status: 200, body: "done" });
    await drained;
  });
});

describe("request ids on the custom server", () => {
  it("gives every request an id (the caller's when well-formed), passes it on to the app, and logs better-auth's routes without their path tokens", async () => {
    const lines: string[] = [];
    const log = createLogger({ format: "json", level: "info", write: (line) => lines.push(line) });
    const seenByApp: string[] = [];
    running = createDrainingServer({
      handler: (req, res) => {
        seenByApp.push(String(req.headers["x-request-id"]));
        res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      },
      log,
    });
    const { port } = await running.listen(0, "127.0.0.1");
    const kept = await get(port, "/personas", { "x-request-id": "edge-0123456789" });
    expect(kept.headers["x-request-id"]).toBe("edge-0123456789");
    const fresh = await get(port, "/api/auth/reset-password/RESETTOKEN0123456789?callbackURL=/x", { "x-request-id": "no good" });
    expect(fresh.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(seenByApp).toEqual(["edge-0123456789", fresh.headers["x-request-id"]]);
    const authLines = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === "request");
    expect(authLines).toMatchObject([{ requestId: fresh.headers["x-request-id"], method: "GET", route: "/api/auth/reset-password/*", status: 200 }]);
    expect(lines.join("\n")).not.toContain("RESETTOKEN");
  });
});
