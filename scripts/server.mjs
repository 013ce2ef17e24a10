// The production server (npm start, the e2e server): Next.js in this very process
// behind node:http, instead of `next start` in a child. That gives us what
// `next start` does not:
// - the client address comes from the socket (scripts/client-ip.mjs): a client's
//   own X-Forwarded-For is dropped unless the peer is one of TRUSTED_PROXIES;
// - every request has a request id (X-Request-Id: the caller's when well-formed,
//   else a new one), echoed in the answer and on its log lines (lib/log);
// - SIGTERM / SIGINT drain the server: /api/health answers 503 "draining" at once
//   so a load balancer stops sending traffic; after DRAIN_DELAY_MS (time for it to
//   notice) stop accepting, let requests in flight finish (at most
//   DRAIN_TIMEOUT_MS), close idle keep-alive sockets, stop the in-process probe
//   worker and release its leases, then exit 0.
// A team deployment (PostgreSQL, MULTI_INSTANCE=true) refuses to start without
// its shared secrets in the environment (lib/config/shared-secrets.mjs).
import { createServer } from "node:http";
import path from "node:path";
import { sharedSecretsProblem, isMultiInstance } from "../lib/config/shared-secrets.mjs";
import { logger } from "../lib/log/logger.mjs";
import { REQUEST_ID_HEADER, requestIdFrom } from "../lib/log/request-id.mjs";
import { checkSealedKeys } from "./check-secrets.mjs";
import { applyClientAddress, parseTrustedProxies } from "./client-ip.mjs";
import { root } from "./lib.mjs";

/** How the in-process worker (lib/jobs/runner.ts, started by instrumentation.ts in Next's bundle) is reached. */
const WORKER_HANDLE = Symbol.for("persona-studio.worker");
/** Read by /api/health (lib/services/health/check-health.ts): true for the whole drain. */
const DRAINING = Symbol.for("persona-studio.draining");

/** DRAIN_TIMEOUT_MS: how long requests in flight may take to finish (default 15 s). */
export function drainTimeoutMs(environment = process.env) {
  return nonNegativeInt(environment.DRAIN_TIMEOUT_MS) ?? 15_000;
}

/** DRAIN_DELAY_MS: how long to keep serving, health already 503, before refusing connections; default 5 s with several instances, else 0. */
export function drainDelayMs(environment = process.env) {
  return nonNegativeInt(environment.DRAIN_DELAY_MS) ?? (isMultiInstance(environment) ? 5_000 : 0);
}

function nonNegativeInt(raw) {
  const n = raw === undefined || raw === "" ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/**
 * Checks the configuration, prepares Next.js and listens. Resolves once serving,
 * with `shutdown(reason)` to drain and close. Throws (nothing is served) when the
 * configuration is unusable: shared secrets missing on a team deployment, a bad
 * TRUSTED_PROXIES entry, sealed keys without their key.
 */
export async function startServer({ port = 3000, hostname, dir = root, drainMs = drainTimeoutMs(), delayMs = drainDelayMs(), log = logger } = {}) {
  const secretsMissing = sharedSecretsProblem(process.env);
  if (secretsMissing) throw Object.assign(new Error(secretsMissing), { userMessage: secretsMissing });
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
  const handler = app.getRequestHandler();
  const served = createDrainingServer({
    handler: (req, res) => {
      applyClientAddress(req.headers, req.socket.remoteAddress, trusted);
      return handler(req, res);
    },
    drainMs,
    delayMs,
    log,
    beforeClose: () => stopWorker(drainMs, log),
    afterClose: () => app.close().catch(() => undefined),
  });
  const address = await served.listen(port, hostname);
  return { server: served.server, port: address.port, shutdown: served.shutdown };
}

/**
 * node:http around `handler` with request ids and the drain, without Next.js (so
 * tests run it against any handler). `beforeClose` runs when the drain starts
 * (alongside the requests in flight), `afterClose` once the last one is done.
 */
export function createDrainingServer({ handler, drainMs = drainTimeoutMs(), delayMs = 0, log = logger, beforeClose, afterClose }) {
  const open = new Set();
  let closing = false;
  const server = createServer((req, res) => {
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    req.headers[REQUEST_ID_HEADER] = requestId; // lib/http/handle.ts logs under the same id
    res.setHeader("X-Request-Id", requestId);
    if (closing) res.setHeader("connection", "close");
    open.add(res);
    if (req.url?.startsWith("/api/auth/")) logAuthRequest(req, res, requestId, log);
    res.on("close", () => {
      open.delete(res);
      // Once its last response is out, a keep-alive socket is idle: close it so the drain can end.
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((error) => {
        log.error({ err: error, requestId, method: req.method }, "[server] request failed");
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" }).end("Internal Server Error");
        else res.destroy();
      });
  });

  const listen = (port, hostname) =>
    new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(Number(port), hostname, () => {
        server.off("error", reject);
        resolve(server.address());
      });
    });

  let done = null;
  const shutdown = (reason = "shutdown") => {
    done ??= (async () => {
      globalThis[DRAINING] = true;
      if (delayMs > 0) {
        log.info({ delayMs }, `▸ ${reason}: /api/health answers 503; still serving for ${delayMs} ms so the load balancer can notice…`);
        await new Promise((r) => setTimeout(r, delayMs));
      }
      closing = true;
      log.info({ inFlight: open.size }, `▸ ${reason}: no new connections; finishing ${open.size} request(s) in flight…`);
      const closed = new Promise((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      for (const res of open) if (!res.headersSent) res.setHeader("connection", "close");
      const stopping = beforeClose?.();
      let timer;
      const drained = await Promise.race([closed.then(() => true), new Promise((r) => (timer = setTimeout(() => r(false), drainMs)))]);
      clearTimeout(timer);
      if (!drained) {
        log.info({ inFlight: open.size }, `▸ ${open.size} request(s) still open after ${Math.round(drainMs / 1000)} s; closing them`);
        server.closeAllConnections();
        await closed;
      }
      await stopping;
      await afterClose?.();
      log.info("▸ Stopped");
    })();
    return done;
  };

  return { server, listen, shutdown };
}

/**
 * better-auth's routes do not pass lib/http/handle.ts, which logs every other API
 * request: their line is written here, with the first path segment only (a
 * reset link carries its token in the path).
 */
function logAuthRequest(req, res, requestId, log) {
  const started = performance.now();
  const [first, ...rest] = req.url.slice("/api/auth/".length).split(/[?#]/)[0].split("/");
  const route = `/api/auth/${first}${rest.length ? "/*" : ""}`;
  res.on("finish", () => {
    const fields = { requestId, method: req.method, route, status: res.statusCode, durationMs: Math.round((performance.now() - started) * 10) / 10 };
    if (res.statusCode >= 500) log.error(fields, "request failed");
    else log.info(fields, "request");
  });
}

async function stopWorker(timeoutMs, log) {
  const handle = globalThis[WORKER_HANDLE];
  if (!handle) return;
  try {
    await handle.stop({ timeoutMs });
  } catch (error) {
    log.error({ err: error }, "[server] could not stop the probe worker cleanly");
  }
}

/**
 * startServer + signal handling, for the scripts: the first SIGTERM / SIGINT drains
 * and exits 0; a second one exits at once (1). A bad configuration exits 1 with its message.
 */
export async function serve(options = {}) {
  const log = options.log ?? logger;
  let running;
  try {
    running = await startServer(options);
  } catch (error) {
    // The operator's message as written (several lines), not a JSON log line.
    console.error(error.userMessage ?? `✖ The studio could not start: ${error.message}`);
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
        log.error({ err: error }, "[server] shutdown failed");
        process.exit(1);
      },
    );
  };
  for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => stop(signal));
  return { ...running, stop };
}
