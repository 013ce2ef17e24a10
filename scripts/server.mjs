// The production server (npm start, the e2e server): Next.js in this very process
// behind node:http, instead of `next start` in a child. That gives us two things
// `next start` does not:
// - the client address comes from the socket (scripts/client-ip.mjs): a client's
//   own X-Forwarded-For is dropped unless the peer is one of TRUSTED_PROXIES;
// - SIGTERM / SIGINT drain the server: stop accepting, let requests in flight
//   finish (at most DRAIN_MS), close idle keep-alive sockets, stop the in-process
//   probe worker and release its leases, then exit 0.
import { createServer } from "node:http";
import path from "node:path";
import { checkSealedKeys } from "./check-secrets.mjs";
import { applyClientAddress, parseTrustedProxies } from "./client-ip.mjs";
import { root } from "./lib.mjs";

/** How the in-process worker (lib/jobs/runner.ts, started by instrumentation.ts in Next's bundle) is reached. */
const WORKER_HANDLE = Symbol.for("persona-studio.worker");
const DRAIN_MS = 15_000;

/**
 * Checks the configuration, prepares Next.js and listens. Resolves once serving,
 * with `shutdown(reason)` to drain and close. Throws (nothing is served) when the
 * configuration is unusable: a bad TRUSTED_PROXIES entry, sealed keys without their key.
 */
export async function startServer({ port = 3000, hostname, dir = root, drainMs = DRAIN_MS, log = console } = {}) {
  // A production build must run with React's production bundles.
  process.env.NODE_ENV = "production";
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  const trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);

  const secrets = await checkSealedKeys({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: path.resolve(process.env.PERSONA_STUDIO_DATA_DIR ?? ".data"),
  });
  if (!secrets.ok) throw Object.assign(new Error(secrets.message), { userMessage: secrets.message });

  const { default: next } = await import("next");
  const app = next({ dev: false, dir, hostname: hostname ?? "localhost", port: Number(port) });
  await app.prepare();
  const handle = app.getRequestHandler();

  const open = new Set();
  let closing = false;
  const server = createServer((req, res) => {
    applyClientAddress(req.headers, req.socket.remoteAddress, trusted);
    if (closing) res.setHeader("connection", "close");
    open.add(res);
    res.on("close", () => {
      open.delete(res);
      // Once its last response is out, a keep-alive socket is idle: close it so the drain can end.
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
    handle(req, res).catch((error) => {
      log.error("[server] request failed", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" }).end("Internal Server Error");
      else res.destroy();
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(Number(port), hostname, () => {
      server.off("error", reject);
      resolve();
    });
  });

  let done = null;
  const shutdown = (reason = "shutdown") => {
    done ??= (async () => {
      closing = true;
      log.info(`▸ ${reason}: no new connections; finishing ${open.size} request(s) in flight…`);
      const closed = new Promise((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      for (const res of open) if (!res.headersSent) res.setHeader("connection", "close");
      const worker = stopWorker(drainMs, log);
      let timer;
      const drained = await Promise.race([closed.then(() => true), new Promise((r) => (timer = setTimeout(() => r(false), drainMs)))]);
      clearTimeout(timer);
      if (!drained) {
        log.info(`▸ ${open.size} request(s) still open after ${Math.round(drainMs / 1000)} s; closing them`);
        server.closeAllConnections();
        await closed;
      }
      await worker;
      await app.close().catch(() => undefined);
      log.info("▸ Stopped");
    })();
    return done;
  };

  const address = server.address();
  return { server, port: typeof address === "object" && address ? address.port : Number(port), shutdown };
}

async function stopWorker(timeoutMs, log) {
  const handle = globalThis[WORKER_HANDLE];
  if (!handle) return;
  try {
    await handle.stop({ timeoutMs });
  } catch (error) {
    log.error("[server] could not stop the probe worker cleanly", error);
  }
}

/**
 * startServer + signal handling, for the scripts: the first SIGTERM / SIGINT drains
 * and exits 0; a second one exits at once (1). A bad configuration exits 1 with its message.
 */
export async function serve(options = {}) {
  const log = options.log ?? console;
  let running;
  try {
    running = await startServer(options);
  } catch (error) {
    log.error(error.userMessage ?? `✖ The studio could not start: ${error.message}`);
    process.exit(1);
  }
  let signals = 0;
  const stop = (reason) => {
    if (++signals > 1) {
      log.error(`▸ ${reason} again: exiting without waiting`);
      process.exit(1);
    }
    running.shutdown(reason).then(
      () => process.exit(0),
      (error) => {
        log.error("[server] shutdown failed", error);
        process.exit(1);
      },
    );
  };
  for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => stop(signal));
  return { ...running, stop };
}
