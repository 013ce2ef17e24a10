// The simulator's HTTP server for benches that drive the real worker: counts
// chat calls at the server and integrates how many were in flight. It runs in
// a child process, like any real endpoint — in the worker's own process its
// latency timers would wait behind the worker's synchronous SQLite writes.
// A bench forks its own file with `--serve L` and calls `serveIfChild()` first.

import { fork, type ChildProcess } from "node:child_process";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";

/** lastAt: wall-clock ms (Date.now) when the last call closed. */
export type Meter = { calls: number; busyMs: number; lastAt: number };
export type Simulator = { port: number; reset(): Promise<void>; read(): Promise<Meter>; close(): Promise<void> };

/** The simulator's HTTP server with a fixed latency, counting chat calls and integrating how many are in flight. */
export async function startSimulator(latencyMs: number) {
  const { createSimulatorServer } = await import("../lib/llm/simulator/http-server");
  const server: Server = createSimulatorServer({ latencyMs });
  let calls = 0, inFlight = 0, busyMs = 0, last = performance.now(), lastAt = 0;
  const tick = () => {
    const now = performance.now();
    busyMs += inFlight * (now - last);
    last = now;
  };
  server.on("request", (req, res) => {
    if (req.method !== "POST" || !req.url?.includes("/chat/completions")) return;
    tick();
    calls++;
    inFlight++;
    res.on("close", () => { tick(); inFlight--; lastAt = Date.now(); });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    port: (server.address() as AddressInfo).port,
    reset: () => { tick(); calls = 0; busyMs = 0; },
    read: (): Meter => { tick(); return { calls, busyMs, lastAt }; },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** In the forked child (`--serve L`): serve the simulator and answer the parent's reset/read/close over IPC. Returns false in the parent. */
export function serveIfChild(): boolean {
  const i = process.argv.indexOf("--serve");
  if (i < 0) return false;
  void (async () => {
    const sim = await startSimulator(Number(process.argv[i + 1]));
    process.on("disconnect", () => process.exit(0)); // never outlive the bench
    process.on("message", async (m: string) => {
      if (m === "reset") { sim.reset(); process.send!({ ok: true }); }
      if (m === "read") process.send!(sim.read());
      if (m === "close") { await sim.close(); process.exit(0); }
    });
    process.send!({ port: sim.port });
  })();
  return true;
}

/** Forks `script` (the bench's own file) as the simulator's server with latency L. */
export async function simulatorInChild(script: string, latencyMs: number): Promise<Simulator> {
  const child: ChildProcess = fork(script, ["--serve", String(latencyMs)], { execArgv: process.execArgv, stdio: "inherit" });
  const ask = <T>(m?: string) => new Promise<T>((resolve, reject) => {
    child.once("message", (reply) => resolve(reply as T));
    child.once("exit", (code) => reject(new Error(`simulator process exited (${code})`)));
    if (m) child.send(m);
  });
  const { port } = await ask<{ port: number }>();
  return {
    port,
    reset: async () => { await ask("reset"); },
    read: () => ask<Meter>("read"),
    close: async () => {
      if (child.exitCode !== null) return;
      await new Promise<void>((r) => { child.once("exit", () => r()); child.send("close"); });
    },
  };
}

export async function simulatorInProcess(latencyMs: number): Promise<Simulator> {
  const sim = await startSimulator(latencyMs);
  return { port: sim.port, reset: async () => sim.reset(), read: async () => sim.read(), close: sim.close };
}

/** The real worker's deps for a bench: every seat ("simulator" + model) is served by this simulator's HTTP server, with its latency. */
export async function simulatorWorkerDeps(port: number, seed: number, workerId = "bench-worker") {
  const { OpenAiCompatibleProvider } = await import("../lib/llm/openai-compatible");
  const { mulberry32 } = await import("../lib/math/random");
  const baseUrl = `http://127.0.0.1:${port}/v1`;
  const provider = new OpenAiCompatibleProvider({ baseUrl, apiKey: "bench-key" });
  const resolve = async (_ws: string, _id: string, model: string) => ({ provider, providerId: "simulator", model, simulated: false, endpoint: baseUrl, prices: null });
  return { workerId, sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)), rng: mulberry32(seed), resolve };
}
