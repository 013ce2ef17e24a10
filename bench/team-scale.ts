// bench/team-scale — a team deployment under load (issue 15, figures of Must have 5):
// PostgreSQL, 2 web instances (the production server as `npm start` serves it,
// PROBE_WORKER=off) behind a round-robin balancer, 3 standalone workers (`npm run
// worker` processes, pg-boss queue), 6 probes from 3 workspaces at once against
// OpenAI-compatible endpoints with a fixed latency L, each provider limited to C calls
// in flight (PROVIDER_CONCURRENCY, shared by all workers through ProviderSlotLease).
// Everything a designer does goes through the balancer, so through both instances in
// turn: sign-up, workspaces, providers (keys sealed by one instance, opened by the
// workers), personas, probe runs. The processes share only the database and the
// environment's secrets (MULTI_INSTANCE by PostgreSQL; each has its own data
// directory), as a team deployment's do. The bench reads the database only to
// watch the runs.
//
// Physical limit: a provider answers at most C calls every L, so no schedule beats
// max over providers of ⌈calls ÷ C⌉ × L. Printed: total wall ÷ that limit (goal
// ≤ 1.2×), duplicate answers (0), repeated paid calls (0: nothing crashed), the
// most calls in flight at one provider (≤ C), and how long a 6-answer-per-arm run
// of a second workspace waited to start while a long run was active (≤ 2 s). Then where the
// time went: when each probe was created, each provider's first and last call and how busy its
// slots were between them, calls in flight every 0.5 s, each run's start and end.
// The clock starts at the first probe's POST; the personas are composed before it.
// The workers are warm when the clock starts (a warm-up of 12 short runs of a fourth workspace
// on its own provider, not counted): cold, a fresh worker's first run spent ~0.7 s compiling
// queries and opening connections before its first call (1.22–1.35× when measured that way).
// Usage: npm run bench:team [-- --latency 200 --limit 8]  (BENCH_PG_URL: use that
// server instead of a throwaway cluster from scripts/pg-cluster.mjs; BENCH_DATABASE_URL:
// an already migrated database to use as it is)

import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { intArg } from "./args";
import { freshPostgresDatabase } from "./fresh-database";
import { spawnStudio, waitForServer } from "./studio-server";
import { buildIsCurrent, buildStudio } from "../scripts/lib.mjs";

const LATENCY = intArg("latency", 200);
const LIMIT = intArg("limit", 8);
const WORKERS = 3;
const WEB = 2;
const root = path.resolve(__dirname, "..");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const listen = (s: Server) => new Promise<number>((resolve) => s.listen(0, "127.0.0.1", () => resolve((s.address() as AddressInfo).port)));

/** The simulator behind a fixed latency; /<tag>/v1/… counts calls per provider tag (in flight, total, by body). */
async function countingEndpoint() {
  const { createSimulatorServer } = await import("../lib/llm/simulator/http-server");
  const sim = createSimulatorServer();
  const simPort = await listen(sim);
  const stats = new Map<string, { calls: number; open: number; peak: number; first: number; last: number; busy: number; bodies: Map<string, number> }>();
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const [, tag, ...rest] = (req.url ?? "/").split("/");
    const url = `/${rest.join("/")}`;
    if (url.endsWith("/chat/completions")) {
      const s = stats.get(tag) ?? { calls: 0, open: 0, peak: 0, first: Date.now(), last: 0, busy: 0, bodies: new Map() };
      stats.set(tag, s);
      s.calls++;
      s.peak = Math.max(s.peak, ++s.open);
      const key = createHash("sha256").update(raw).digest("hex");
      s.bodies.set(key, (s.bodies.get(key) ?? 0) + 1);
      const began = Date.now();
      res.on("close", () => {
        s.open--;
        s.last = Date.now();
        s.busy += s.last - began;
      });
      await sleep(LATENCY);
    }
    const up = await fetch(`http://127.0.0.1:${simPort}${url}`, { method: req.method, headers: { "content-type": "application/json" }, body: raw || undefined });
    res.writeHead(up.status, { "content-type": "application/json" }).end(await up.text());
  });
  const port = await listen(server);
  return { port, stats, close: () => { server.closeAllConnections(); server.close(); sim.close(); } };
}

/** A round-robin balancer in front of the web instances: each request goes to the next one; `served` counts them per instance. */
async function roundRobin(ports: number[]) {
  let next = 0;
  const served = ports.map(() => 0);
  const agent = new Agent({ keepAlive: true });
  const server = createServer((req, res) => {
    const i = next++ % ports.length;
    served[i]++;
    const up = httpRequest({ host: "127.0.0.1", port: ports[i], method: req.method, path: req.url, headers: req.headers, agent }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on("error", (e) => (res.headersSent ? res.destroy(e) : res.writeHead(502).end(String(e))));
    req.pipe(up);
  });
  const port = await listen(server);
  return { base: `http://127.0.0.1:${port}`, served, close: () => { server.closeAllConnections(); server.close(); agent.destroy(); } };
}

/** A port nobody listens on now (for a child to take). */
async function freePort() {
  const s = createServer();
  const port = await listen(s);
  await new Promise((r) => s.close(r));
  return port;
}

async function main() {
  if (!buildIsCurrent()) {
    // Before anything is started: a failed build exits the process.
    console.log("building the studio first…");
    buildStudio();
  }
  const tmp = mkdtempSync(path.join(tmpdir(), "ps-bench-team-"));
  const { startCluster } = (await import("../scripts/pg-cluster.mjs")) as { startCluster: () => Promise<{ url: string; stop: () => Promise<void> }> };
  const cluster = process.env.BENCH_PG_URL || process.env.BENCH_DATABASE_URL ? null : await startCluster();
  const workers: ChildProcess[] = [];
  const endpoint = await countingEndpoint();
  const webs: ChildProcess[] = [];
  let balancer: Awaited<ReturnType<typeof roundRobin>> | null = null;
  try {
    process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL ?? await freshPostgresDatabase(process.env.BENCH_PG_URL ?? cluster!.url, "persona_bench_team");
    // A team deployment: PostgreSQL makes it multi-instance, so every process takes the same secrets from the environment.
    delete process.env.MULTI_INSTANCE;
    process.env.BETTER_AUTH_SECRET = randomBytes(32).toString("base64");
    process.env.PERSONA_STUDIO_SECRET = randomBytes(32).toString("base64");
    process.env.PROVIDER_CONCURRENCY = String(LIMIT);
    process.env.PERSONA_STUDIO_DATA_DIR = path.join(tmp, "bench");
    const { db } = await import("../lib/db/client");

    const webPorts = await Promise.all(Array.from({ length: WEB }, freePort));
    balancer = await roundRobin(webPorts);
    const lb = balancer.base;
    webPorts.forEach((port, i) => {
      const env = { ...process.env, PROBE_WORKER: "off", BETTER_AUTH_URL: lb, NEXT_TELEMETRY_DISABLED: "1", PERSONA_STUDIO_DATA_DIR: path.join(tmp, `web-${i}`) };
      webs.push(spawnStudio(port, env, ["ignore", "ignore", "inherit"]));
    });
    await Promise.all(webPorts.map((port) => waitForServer(`http://127.0.0.1:${port}/api/health`)));

    // The designer's side, all through the balancer.
    let cookie = "";
    const api = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
      const res = await fetch(`${lb}${route}`, { method, headers: { "content-type": "application/json", origin: lb, cookie }, body: body === undefined ? undefined : JSON.stringify(body) });
      if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
      if (!cookie) cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
      return (await res.json()) as T;
    };
    await api("POST", "/api/auth/sign-up/email", { name: "Bench", email: `bench-${Date.now()}@example.com`, password: "violet lantern orbits quietly" });

    const workspace = async (name: string) => {
      const ws = await api<{ id: string }>("POST", "/api/workspaces", { name });
      const provider = await api<{ id: string }>("POST", `/api/workspaces/${ws.id}/providers`, {
        name: `Fixed latency ${name}`, baseUrl: `http://127.0.0.1:${endpoint.port}/${name}/v1`, apiKey: `bench-key-${name}-0123456789`, defaultModel: "persona-sim-1",
      });
      return { workspaceId: ws.id, providerId: provider.id, name };
    };
    type Persona = { id: string; revision: number; spec: Record<string, unknown> };
    /** A persona targeting `traits`, composed as a designer would (create, then edit its draft). */
    const persona = async (w: Awaited<ReturnType<typeof workspace>>, label: string, traits: string[]) => {
      const base = `/api/workspaces/${w.workspaceId}/personas`;
      const p = await api<Persona>("POST", base, { name: `${w.name} ${label}`, archetype: `a support agent (${w.name} ${label})` });
      await api("PATCH", `${base}/${p.id}`, { revision: p.revision, spec: { ...p.spec, traitTargets: Object.fromEntries(traits.map((t) => [t, 70])) } });
      return { w, id: p.id, traits };
    };
    const probe = (p: Awaited<ReturnType<typeof persona>>, budgetPerTrait: number, concurrency: number) =>
      api<{ id: string }>("POST", `/api/workspaces/${p.w.workspaceId}/personas/${p.id}/probe-runs`, {
        version: "draft", traits: p.traits, budgetPerTrait, targetHalfWidth: 1, concurrency, targetProviderId: p.w.providerId, judgeProviderId: p.w.providerId,
        retestShare: 0, tensionControls: false, scenarios: false,
      });
    /** Resolves once none of these runs is queued or running. */
    const runsOver = async (ids: string[]) => {
      while ((await db.probeRun.count({ where: { id: { in: ids }, status: { in: ["queued", "running"] } } })) > 0) await sleep(100);
    };
    const [a, b, c] = [await workspace("A"), await workspace("B"), await workspace("C")];

    for (let i = 0; i < WORKERS; i++) {
      const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
        cwd: root, env: { ...process.env, PROBE_WORKER_RUNS: "4", WORKER_HEARTBEAT_MS: "1000", PERSONA_STUDIO_DATA_DIR: path.join(tmp, `worker-${i}`) }, stdio: ["ignore", "ignore", "inherit"],
      });
      workers.push(child);
    }
    while ((await db.workerHeartbeat.count()) < WORKERS) await sleep(200);
    // Warm-up, before the clock: a deployment's workers are long-running, and a fresh process's first run
    // pays for compiling its queries and opening its connections (about 0.5 s of this bench's wall when
    // measured cold). 12 short runs of another workspace and provider, created together: a worker holds at
    // most 4 at once, so every worker serves some. Not counted anywhere below (own provider tag "W").
    const warm = await workspace("W");
    const warmRuns = [];
    for (let i = 0; i < 12; i++) warmRuns.push(await probe(await persona(warm, `warm-${i}`, ["warm"]), 6, 2));
    await runsOver(warmRuns.map((r) => r.id));
    endpoint.stats.delete("W");

    const longP = await persona(a, "long", ["empathetic", "formal"]);
    const smallP = await persona(b, "small", ["warm"]);
    const otherPs = [];
    for (const [w, label, trait] of [[a, "a2", "warm"], [b, "b1", "formal"], [c, "c1", "empathetic"], [c, "c2", "warm"]] as const) otherPs.push(await persona(w, label, [trait]));
    const servedBefore = [...balancer.served];

    const t0 = Date.now();
    // Calls in flight per provider, sampled every 500 ms (printed: where slots sat idle).
    const timeline: string[] = [];
    const sampler = setInterval(() => timeline.push([...endpoint.stats.entries()].sort().map(([tag, s]) => `${tag}${s.open}`).join(" ")), 500);
    const long = await probe(longP, 40, 8);
    const created = [Date.now() - t0];
    const others = [];
    for (const p of otherPs) {
      others.push(await probe(p, 16, 8));
      created.push(Date.now() - t0);
    }
    while ((await db.probeRun.findUniqueOrThrow({ where: { id: long.id } })).status !== "running") await sleep(50);
    const small = await probe(smallP, 6, 4);
    const ids = [long.id, small.id, ...others.map((r) => r.id)];
    await runsOver(ids);
    clearInterval(sampler);
    const runs = await db.probeRun.findMany({ where: { id: { in: ids } } });
    const wall = Math.max(...runs.map((r) => r.finishedAt!.getTime())) - t0;
    const smallRow = runs.find((r) => r.id === small.id)!;
    const startDelay = smallRow.startedAt!.getTime() - smallRow.createdAt.getTime();

    const answers = await db.probeAnswer.findMany({ where: { runId: { in: ids } }, select: { runId: true, kind: true, traitKey: true, itemIndex: true, sampleIndex: true } });
    const duplicates = answers.length - new Set(answers.map((x) => `${x.runId}/${x.kind}/${x.traitKey}/${x.itemIndex}/${x.sampleIndex}`)).size;
    const providers = [...endpoint.stats.entries()];
    const limit = Math.max(...providers.map(([, s]) => Math.ceil(s.calls / LIMIT) * LATENCY));
    const repeats = providers.reduce((n, [, s]) => n + [...s.bodies.values()].reduce((m, k) => m + k - 1, 0), 0);
    const peak = Math.max(...providers.map(([, s]) => s.peak));

    console.log(`team-scale  PostgreSQL, ${WEB} web instances behind a round-robin balancer + ${WORKERS} workers (pg-boss, 4 runs each), 6 probes from 3 workspaces, L=${LATENCY} ms, ${LIMIT} calls in flight per provider`);
    console.log(`  web instances    requests served ${balancer.served.join(", ")} (the probes' POSTs: ${balancer.served.map((n, i) => n - servedBefore[i]).join(", ")}); each process its own data directory, secrets from the environment`);
    console.log(`  runs             ${runs.map((r) => r.status).join(", ")}`);
    console.log(`  calls            ${providers.map(([tag, s]) => `${tag} ${s.calls}`).join(", ")}`);
    console.log(`  wall / limit     ${(wall / 1000).toFixed(2)} s / ${(limit / 1000).toFixed(2)} s = ${(wall / limit).toFixed(2)}×   (goal ≤ 1.2×)`);
    console.log(`  peak in flight   ${peak} at one provider   (limit ${LIMIT})`);
    console.log(`  duplicate answers ${duplicates}   (goal 0)`);
    console.log(`  repeated paid calls ${repeats}   (goal 0)`);
    console.log(`  start delay      ${(startDelay / 1000).toFixed(2)} s for workspace B's small run while A's long run is active   (goal ≤ 2 s)`);
    // Where the time went, per run: when it was created, started and finished (s after t0), and its calls.
    const labels = new Map([[long.id, "A long"], [small.id, "B small"], ...others.map((r, i) => [r.id, ["A a2", "B b1", "C c1", "C c2"][i]] as [string, string])]);
    const at = (d: Date | null) => (d ? ((d.getTime() - t0) / 1000).toFixed(2) : "-");
    console.log(`  created by        ${created.map((ms) => (ms / 1000).toFixed(2)).join(", ")} s; calls per provider ${providers.sort(([x], [y]) => x.localeCompare(y)).map(([tag, s]) => `${tag} ${((s.first - t0) / 1000).toFixed(2)}–${((s.last - t0) / 1000).toFixed(2)} s, slots ${((100 * s.busy) / (LIMIT * (s.last - s.first))).toFixed(0)}% busy`).join("; ")}`);
    console.log(`  in flight /0.5 s  ${timeline.join(" | ")}`);
    for (const r of runs) {
      console.log(`    ${labels.get(r.id)!.padEnd(8)} created ${at(r.createdAt)} s, started ${at(r.startedAt)} s, finished ${at(r.finishedAt)} s, ${r.modelCalls} calls`);
    }
  } catch (e) {
    console.error(e); // printed here: the exit below would end the process before main()'s catch
    process.exitCode = 1;
  } finally {
    for (const w of [...workers, ...webs]) w.kill("SIGTERM");
    await Promise.all([...workers, ...webs].map((w) => new Promise((r) => (w.exitCode !== null ? r(null) : w.on("exit", r)))));
    balancer?.close();
    endpoint.close();
    await cluster?.stop();
    rmSync(tmp, { recursive: true, force: true });
    process.exit();
  }
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
