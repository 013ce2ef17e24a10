import { vi } from "vitest";

// lib/config/env.ts reads PROVIDER_NETWORK when it is first imported: set it
// before any app module loads (vi.hoisted runs above the imports).
vi.hoisted(() => {
  process.env.PROVIDER_NETWORK = "public";
});

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { env } from "@/lib/config/env";
import { ops } from "@/lib/http/operations";
import { claimRun, processRun } from "@/lib/jobs/probe-worker";
import { createSimulatorServer } from "@/lib/llm/simulator/http-server";
import { mulberry32 } from "@/lib/math/random";
import { expectError, expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { buildSpec, createPersona, personaPath, saveVersion, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// PROVIDER_NETWORK=public (a shared deployment): a provider may not live on
// this machine, the private network or the cloud metadata service — however
// the address is spelled, checked after DNS resolution — when it is created,
// changed, tested or used. Nothing is ever sent to such an address. The
// operator's own OPENAI_BASE_URL is exempt.

let owner: Member;
let target: Server;
let port: number;
let hits = 0;
let sim: Server;
let simUrl: string;

const savedEnv = { key: process.env.OPENAI_API_KEY, url: process.env.OPENAI_BASE_URL, model: process.env.OPENAI_MODEL };

const listen = (s: Server) => new Promise<number>((resolve) => s.listen(0, "127.0.0.1", () => resolve((s.address() as AddressInfo).port)));

beforeAll(async () => {
  // A local endpoint that would happily answer: it must never be reached.
  target = createServer((_req, res) => {
    hits++;
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ object: "list", data: [{ id: "internal-model", object: "model", created: 0, owned_by: "x" }] }));
  });
  port = await listen(target);
  sim = createSimulatorServer();
  simUrl = `http://127.0.0.1:${await listen(sim)}/v1`;
  delete process.env.OPENAI_API_KEY;
  delete process.env.OPENAI_BASE_URL;
  delete process.env.OPENAI_MODEL;
  owner = await signUpWithWorkspace({ name: "Pia Public" });
});

beforeEach(() => {
  hits = 0;
});

afterAll(async () => {
  for (const s of [target, sim]) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
  for (const [name, value] of [["OPENAI_API_KEY", savedEnv.key], ["OPENAI_BASE_URL", savedEnv.url], ["OPENAI_MODEL", savedEnv.model]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const W = () => wsPath(owner.workspaceId);

/** Spellings of this machine, the private network and the metadata service (PORT: the local endpoint's). */
const FORBIDDEN = [
  "http://localhost:PORT/v1",
  "http://127.0.0.1:PORT/v1",
  "http://2130706433:PORT/v1",
  "http://0x7f.1:PORT/v1",
  "http://0.0.0.0:PORT/v1",
  "http://[::1]:PORT/v1",
  "http://[::ffff:127.0.0.1]:PORT/v1",
  "http://[::]:PORT/v1",
  "http://169.254.169.254/latest/meta-data",
  "http://[::ffff:169.254.169.254]/v1",
  "http://10.0.0.7:8000/v1",
  "http://172.16.0.1/v1",
  "http://192.168.1.20:11434/v1",
  "http://100.64.0.1/v1",
  "http://[fd00::1]/v1",
  "http://[fe80::1]/v1",
  "http://224.0.0.1/v1",
];

it("the setting is read from PROVIDER_NETWORK", () => {
  expect(env.providerNetwork).toBe("public");
});

describe("creating, changing and testing a provider", () => {
  it.each(FORBIDDEN)("refuses %s with 422 on baseUrl, saying why", async (spelling) => {
    const baseUrl = spelling.replace("PORT", String(port));
    const created = await owner.api.post(`${W()}/providers`, { name: "Internal", baseUrl, defaultModel: "m" });
    const error = expectError(created, 422, "baseUrl");
    expect(error.message).toMatch(/^baseUrl: .+ (is|resolves to) .+PROVIDER_NETWORK=public/);
    expectError(await owner.api.post(`${W()}/providers/test`, { baseUrl }), 422, "baseUrl");
    expect(hits).toBe(0);
  });

  it("names the kind of address refused", async () => {
    const meta = expectError(await owner.api.post(`${W()}/providers/test`, { baseUrl: "http://169.254.169.254/v1" }), 422, "baseUrl");
    expect(meta.message).toMatch(/169\.254\.169\.254 is a link-local address .*metadata/);
    const local = expectError(await owner.api.post(`${W()}/providers/test`, { baseUrl: `http://localhost:${port}/v1` }), 422, "baseUrl");
    expect(local.message).toMatch(/localhost resolves to a loopback address/);
  });

  it("a public address is accepted; moving it to a private one is refused", async () => {
    const provider = expectOk(ops.createProvider, await owner.api.post(`${W()}/providers`, { name: "Public", baseUrl: "http://8.8.8.8/v1", defaultModel: "m" }));
    const moved = await owner.api.patch(`${W()}/providers/${provider.id}`, { baseUrl: `http://2130706433:${port}/v1` });
    expectError(moved, 422, "baseUrl");
    expect((await db.modelProvider.findUniqueOrThrow({ where: { id: provider.id } })).baseUrl).toBe("http://8.8.8.8/v1");
  });
});

describe("using a provider stored before the switch to public", () => {
  let providerId: string;
  let personaId: string;

  beforeAll(async () => {
    // Created while PROVIDER_NETWORK was "any": the row exists, its address is now forbidden.
    const row = await db.modelProvider.create({
      data: { workspaceId: owner.workspaceId, name: "Old local", preset: "ollama", baseUrl: `http://localhost:${port}/v1`, defaultModel: "internal-model" },
    });
    providerId = row.id;
    const persona = await createPersona(owner, { name: "Nurse Ada", spec: buildSpec({ traitTargets: { empathetic: 80 } }) });
    personaId = persona.id;
    await saveVersion(owner, personaId, persona.revision, "v1");
  });

  it("preview: a 422 before any streaming starts", async () => {
    const res = await owner.api.post(`${W()}/preview`, { source: { kind: "spec", spec: buildSpec() }, message: "Hi", providerId });
    expect(expectError(res, 422, "providerId").message).toMatch(/PROVIDER_NETWORK=public/);
    expect(res.headers.get("content-type")).toContain("application/json");
  });

  it("archetype suggestions, custom-trait drafts, sample recording and probe runs: 422", async () => {
    expectError(await owner.api.post(`${W()}/archetypes/suggest`, { traitTargets: { empathetic: 80 }, providerId }), 422, "providerId");
    expectError(await owner.api.post(`${W()}/custom-traits/draft`, { description: "Talks like a captain", providerId }), 422, "providerId");
    expectError(await owner.api.post(`${personaPath(owner.workspaceId, personaId)}/versions/1/samples`, { providerId }), 422, "providerId");
    expectError(await owner.api.post(`${personaPath(owner.workspaceId, personaId)}/probe-runs`, { targetProviderId: providerId, traits: ["empathetic"] }), 422, "providerId");
    expect(hits).toBe(0);
  });

  it("a queued run whose provider moved to a forbidden address fails with a clear reason", async () => {
    const publicRow = await db.modelProvider.create({
      data: { workspaceId: owner.workspaceId, name: "Was public", preset: "custom", baseUrl: "http://8.8.4.4/v1", defaultModel: "m" },
    });
    const run = expectOk(ops.createProbeRun, await owner.api.post(`${personaPath(owner.workspaceId, personaId)}/probe-runs`, {
      targetProviderId: publicRow.id, traits: ["empathetic"], budgetPerTrait: 6,
    }));
    await db.modelProvider.update({ where: { id: publicRow.id }, data: { baseUrl: `http://0.0.0.0:${port}/v1` } });
    expect(await claimRun(run.id, "net-worker")).toBe(true);
    expect(await processRun(run.id, { workerId: "net-worker", sleep: async () => {}, rng: mulberry32(1) })).toBe("failed");
    const detail = expectOk(ops.getProbeRun, await owner.api.get(`${W()}/probe-runs/${run.id}`));
    expect(detail.status).toBe("failed");
    expect(detail.error).toMatch(/^The run's provider cannot be used: providerId: 0\.0\.0\.0 is the unspecified address .*PROVIDER_NETWORK=public/);
    expect(hits).toBe(0);
  });
});

describe("the environment provider", () => {
  it("is the operator's setting and exempt: OPENAI_BASE_URL on localhost still answers", async () => {
    process.env.OPENAI_BASE_URL = simUrl;
    process.env.OPENAI_MODEL = "persona-sim-1";
    try {
      const res = await owner.api.post(`${W()}/preview`, { source: { kind: "spec", spec: buildSpec() }, message: "Hello", providerId: "env" });
      const events = res.body as { type: string }[];
      expect(events.at(-1)).toMatchObject({ type: "done" });
      const tested = expectOk(ops.testProvider, await owner.api.post(`${W()}/providers/test`, { baseUrl: simUrl, providerId: "env" }));
      expect(tested).toMatchObject({ ok: true, models: ["persona-sim-1", "persona-sim-2", "persona-sim-3"] });
    } finally {
      delete process.env.OPENAI_BASE_URL;
      delete process.env.OPENAI_MODEL;
    }
  });
});
