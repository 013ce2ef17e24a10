import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptSecret } from "@/lib/crypto/secrets";
import { createSimulatorServer } from "@/lib/llm/simulator/http-server";
import { ops } from "@/lib/http/operations";
import { type ApiResponse, expectError, expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { addTeammate, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Model providers: keys go in and never come out, only owners change them, and
// "Test connection" reports the real reason a connection fails.

const KEY = "sk-test-1234567890abcdef";
const STUB_KEY = "sk-stub-secret-000011112222";

type Teammate = Awaited<ReturnType<typeof addTeammate>>;
let owner: Member;
let stranger: Member;
const team = {} as Record<"editor" | "reviewer" | "viewer", Teammate>;

/** A minimal OpenAI-compatible server: GET /v1/models, guarded by STUB_KEY; a wrong key is echoed back, like some servers do. */
let stub: Server;
let stubUrl: string;
/** A port nothing listens on. */
let closedUrl: string;

const listen = (server: Server) =>
  new Promise<string>((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`)));

const savedEnv = { key: process.env.OPENAI_API_KEY, url: process.env.OPENAI_BASE_URL, model: process.env.OPENAI_MODEL };

beforeAll(async () => {
  // These tests assume no OPENAI_* provider unless they set one themselves.
  delete process.env.OPENAI_API_KEY;
  delete process.env.OPENAI_BASE_URL;
  delete process.env.OPENAI_MODEL;

  stub = createServer((req, res) => {
    const presented = (req.headers.authorization ?? "").replace(/^Bearer /, "");
    res.setHeader("content-type", "application/json");
    if (presented !== STUB_KEY) {
      res.statusCode = 401;
      res.end(JSON.stringify({ error: { message: `Incorrect API key provided: ${presented}`, type: "invalid_request_error" } }));
      return;
    }
    if (req.url === "/v1/models") {
      const data = ["persona-sim-1", "stub-large"].map((id) => ({ id, object: "model", created: 0, owned_by: "stub" }));
      res.end(JSON.stringify({ object: "list", data }));
      return;
    }
    res.statusCode = 404;
    res.end(JSON.stringify({ error: { message: "Not found" } }));
  });
  stubUrl = await listen(stub);
  const probe = createServer();
  closedUrl = await listen(probe);
  await new Promise((r) => probe.close(r));

  owner = await signUpWithWorkspace({ name: "Olive Owner" });
  stranger = await signUpWithWorkspace({ name: "Sam Stranger" });
  for (const role of ["editor", "reviewer", "viewer"] as const) team[role] = await addTeammate(owner, role);
});

afterAll(async () => {
  await new Promise((r) => stub.close(r));
  for (const [name, value] of [["OPENAI_API_KEY", savedEnv.key], ["OPENAI_BASE_URL", savedEnv.url], ["OPENAI_MODEL", savedEnv.model]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const providers = (m: { workspaceId: string }) => `${wsPath(m.workspaceId)}/providers`;

/** The response as the browser would receive it must not contain the key anywhere. */
function expectNoKey(res: ApiResponse, key = KEY) {
  expect(JSON.stringify(res.body)).not.toContain(key);
  expect(JSON.stringify(res.body)).not.toContain(key.slice(3, -4));
}

async function create(by: Member, body: Record<string, unknown> = {}) {
  const res = await by.api.post(providers(by), { name: "OpenAI", preset: "openai", baseUrl: "https://api.openai.com/v1", apiKey: KEY, defaultModel: "gpt-4o-mini", ...body });
  expectNoKey(res);
  return expectOk(ops.createProvider, res);
}

async function list(by: { api: Member["api"] }, workspace: { workspaceId: string } = owner) {
  const res = await by.api.get(providers(workspace));
  expectNoKey(res);
  return expectOk(ops.listProviders, res);
}

describe("a fresh workspace", () => {
  it("lists only the simulator, which is the default, says it is not a language model and offers its three simulated models", async () => {
    const fresh = await signUpWithWorkspace();
    const result = await list(fresh, fresh);
    expect(result.providers).toEqual([
      {
        id: "simulator", name: "Simulator", kind: "simulator", preset: "simulator", baseUrl: null, defaultModel: "persona-sim-1",
        hasKey: false, keyMask: null, keyState: "none", builtIn: true, isDefault: true, label: "Simulator — not a language model",
        inputPricePerM: 0, outputPricePerM: 0, models: ["persona-sim-1", "persona-sim-2", "persona-sim-3"],
      },
    ]);
    expect(result.default).toEqual({ providerId: "simulator", model: "persona-sim-1" });
  });
});

describe("keys", () => {
  it("are answered only as a mask, on create and in the list", async () => {
    const created = await create(owner, { name: "Masked" });
    expect(created).toMatchObject({ name: "Masked", kind: "openai_compatible", hasKey: true, keyMask: "sk-…cdef", builtIn: false, isDefault: false });
    const row = (await list(owner)).providers.find((p) => p.id === created.id);
    expect(row).toMatchObject({ hasKey: true, keyMask: "sk-…cdef" });
  });

  it("are stored sealed: the column is not the key, and decrypts back to it", async () => {
    const created = await create(owner, { name: "Sealed" });
    const stored = await db.modelProvider.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.apiKeyEnc).not.toBeNull();
    expect(stored.apiKeyEnc).not.toContain(KEY);
    expect(decryptSecret(stored.apiKeyEnc!)).toBe(KEY);
    expect(stored.apiKeyMask).toBe("sk-…cdef");
  });

  it("are kept when an update leaves apiKey out, replaced when given, removed with null or ''", async () => {
    const created = await create(owner, { name: "Rotating" });
    const path = `${providers(owner)}/${created.id}`;

    let res = await owner.api.patch(path, { name: "Rotated", defaultModel: "gpt-4o" });
    expectNoKey(res);
    expect(expectOk(ops.updateProvider, res)).toMatchObject({ name: "Rotated", defaultModel: "gpt-4o", hasKey: true, keyMask: "sk-…cdef" });

    const next = "sk-next-abcdefghijkl9876";
    res = await owner.api.patch(path, { apiKey: next });
    expectNoKey(res, next);
    expect(expectOk(ops.updateProvider, res)).toMatchObject({ keyMask: "sk-…9876", hasKey: true });
    const stored = await db.modelProvider.findUniqueOrThrow({ where: { id: created.id } });
    expect(decryptSecret(stored.apiKeyEnc!)).toBe(next);

    res = await owner.api.patch(path, { apiKey: null });
    expect(expectOk(ops.updateProvider, res)).toMatchObject({ hasKey: false, keyMask: null });
    expect(await db.modelProvider.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ apiKeyEnc: null, apiKeyMask: null });

    await owner.api.patch(path, { apiKey: next });
    res = await owner.api.patch(path, { apiKey: "" });
    expect(expectOk(ops.updateProvider, res)).toMatchObject({ hasKey: false, keyMask: null });
  });

  it("never appear in the set-default answer", async () => {
    const created = await create(owner, { name: "Default-to-be" });
    const res = await owner.api.send("PUT", `${providers(owner)}/default`, { body: { providerId: created.id, model: "gpt-4o-mini" } });
    expectNoKey(res);
    expectOk(ops.setDefaultProvider, res);
    // Leave the simulator as the default for the other tests.
    expectOk(ops.setDefaultProvider, await owner.api.send("PUT", `${providers(owner)}/default`, { body: { providerId: "simulator", model: "persona-sim-1" } }));
  });

  it("a provider without a key is fine (local servers)", async () => {
    const created = await create(owner, { name: "Ollama", preset: "ollama", baseUrl: "http://localhost:11434/v1", apiKey: undefined, defaultModel: "llama3.1" });
    expect(created).toMatchObject({ hasKey: false, keyMask: null, preset: "ollama" });
  });
});

describe("roles", () => {
  it.each(["editor", "reviewer", "viewer"] as const)("a %s gets 403 on every change and on test, and nothing is written", async (role) => {
    const target = await create(owner, { name: `Guarded from ${role}` });
    const me = team[role];
    const before = await db.modelProvider.findMany({ where: { workspaceId: owner.workspaceId }, orderBy: { id: "asc" } });

    expectError(await me.api.post(providers(owner), { name: "Mine", baseUrl: stubUrl, defaultModel: "x" }), 403);
    expectError(await me.api.patch(`${providers(owner)}/${target.id}`, { name: "Hijacked" }), 403);
    expectError(await me.api.delete(`${providers(owner)}/${target.id}`), 403);
    expectError(await me.api.post(`${providers(owner)}/test`, { baseUrl: stubUrl, providerId: target.id }), 403);
    expectError(await me.api.send("PUT", `${providers(owner)}/default`, { body: { providerId: target.id, model: "x" } }), 403);

    expect(await db.modelProvider.findMany({ where: { workspaceId: owner.workspaceId }, orderBy: { id: "asc" } })).toEqual(before);
  });

  it("a viewer can list, with masks only", async () => {
    const result = await list(team.viewer);
    expect(result.providers.filter((p) => !p.builtIn).every((p) => p.keyMask === null || p.keyMask.includes("…"))).toBe(true);
  });
});

describe("another workspace", () => {
  it("answers 404 for every providers route, and its provider ids are unknown elsewhere", async () => {
    const target = await create(owner, { name: "Not yours" });
    expectError(await stranger.api.get(providers(owner)), 404);
    expectError(await stranger.api.post(providers(owner), { name: "x", baseUrl: stubUrl, defaultModel: "x" }), 404);
    expectError(await stranger.api.patch(`${providers(owner)}/${target.id}`, { name: "x" }), 404);
    expectError(await stranger.api.delete(`${providers(owner)}/${target.id}`), 404);
    expectError(await stranger.api.post(`${providers(owner)}/test`, { baseUrl: stubUrl }), 404);
    expectError(await stranger.api.send("PUT", `${providers(owner)}/default`, { body: { providerId: "simulator", model: "x" } }), 404);

    // Through the stranger's own workspace: the id names nothing there.
    expectError(await stranger.api.patch(`${providers(stranger)}/${target.id}`, { name: "x" }), 404);
    expectError(await stranger.api.delete(`${providers(stranger)}/${target.id}`), 404);
    expectError(await stranger.api.post(`${providers(stranger)}/test`, { baseUrl: stubUrl, providerId: target.id }), 404);
    expectError(await stranger.api.send("PUT", `${providers(stranger)}/default`, { body: { providerId: target.id, model: "x" } }), 422, "providerId");
    expect((await list(stranger, stranger)).providers.map((p) => p.id)).toEqual(["simulator"]);
    expect(await db.modelProvider.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ name: "Not yours" });
  });
});

describe("malformed input", () => {
  it.each([
    ["a base URL that is not a URL", { name: "x", baseUrl: "not a url", defaultModel: "m" }, "baseUrl"],
    ["an ftp base URL", { name: "x", baseUrl: "ftp://example.com", defaultModel: "m" }, "baseUrl"],
    ["an empty name", { name: "   ", baseUrl: "http://localhost:1/v1", defaultModel: "m" }, "name"],
    ["no model", { name: "x", baseUrl: "http://localhost:1/v1" }, "defaultModel"],
  ])("create with %s → 422 naming the field", async (_label, body, field) => {
    const before = await db.modelProvider.count();
    expectError(await owner.api.post(providers(owner), body), 422, field);
    expect(await db.modelProvider.count()).toBe(before);
  });

  it("update with a bad URL or an empty name → 422 naming the field", async () => {
    const target = await create(owner, { name: "Validated" });
    expectError(await owner.api.patch(`${providers(owner)}/${target.id}`, { baseUrl: "localhost" }), 422, "baseUrl");
    expectError(await owner.api.patch(`${providers(owner)}/${target.id}`, { name: "" }), 422, "name");
  });

  it("test and set-default validate their bodies", async () => {
    expectError(await owner.api.post(`${providers(owner)}/test`, { baseUrl: "nope" }), 422, "baseUrl");
    expectError(await owner.api.send("PUT", `${providers(owner)}/default`, { body: { providerId: "simulator", model: "" } }), 422, "model");
    expectError(await owner.api.send("PUT", `${providers(owner)}/default`, { body: { model: "m" } }), 422, "providerId");
  });

  it("the built-in providers cannot be edited or removed", async () => {
    for (const id of ["simulator", "env"]) {
      const error = expectError(await owner.api.patch(`${providers(owner)}/${id}`, { name: "Mine now" }), 422, "providerId");
      expect(error.message).toMatch(/built-in/);
      expectError(await owner.api.delete(`${providers(owner)}/${id}`), 422, "providerId");
    }
    expectError(await owner.api.delete(`${providers(owner)}/no-such-provider`), 404);
  });
});

describe("the default provider", () => {
  it("follows set-default, and falls back to the simulator when the default is deleted", async () => {
    const target = await create(owner, { name: "Primary" });
    const set = expectOk(
      ops.setDefaultProvider,
      await owner.api.send("PUT", `${providers(owner)}/default`, { body: { providerId: target.id, model: "gpt-4.1" } }),
    );
    expect(set.default).toEqual({ providerId: target.id, model: "gpt-4.1" });
    expect(set.providers.filter((p) => p.isDefault).map((p) => p.id)).toEqual([target.id]);
    expect((await list(team.viewer)).default).toEqual({ providerId: target.id, model: "gpt-4.1" });

    expectOk(ops.deleteProvider, await owner.api.delete(`${providers(owner)}/${target.id}`));
    const after = await list(owner);
    expect(after.default).toEqual({ providerId: "simulator", model: "persona-sim-1" });
    expect(after.providers.find((p) => p.id === "simulator")?.isDefault).toBe(true);
    expect(after.providers.map((p) => p.id)).not.toContain(target.id);
    expect(await db.workspace.findUniqueOrThrow({ where: { id: owner.workspaceId } })).toMatchObject({ defaultProviderId: null, defaultModel: null });
  });

  it("deleting a provider that is not the default leaves the default alone", async () => {
    const keep = await create(owner, { name: "Keeper" });
    const drop = await create(owner, { name: "Dropper" });
    await owner.api.send("PUT", `${providers(owner)}/default`, { body: { providerId: keep.id, model: "gpt-4o-mini" } });
    expectOk(ops.deleteProvider, await owner.api.delete(`${providers(owner)}/${drop.id}`));
    expect((await list(owner)).default).toEqual({ providerId: keep.id, model: "gpt-4o-mini" });
    await owner.api.send("PUT", `${providers(owner)}/default`, { body: { providerId: "simulator", model: "persona-sim-1" } });
  });

  it("refuses 'env' while no OPENAI_* provider is configured, and unknown ids, naming providerId", async () => {
    expectError(await owner.api.send("PUT", `${providers(owner)}/default`, { body: { providerId: "env", model: "gpt-4o-mini" } }), 422, "providerId");
    expectError(await owner.api.send("PUT", `${providers(owner)}/default`, { body: { providerId: "nope", model: "m" } }), 422, "providerId");
  });

  it("lists the OPENAI_* provider with a masked key when the environment configures one, and makes it the fallback default", async () => {
    const envKey = "sk-env-secret-55556666zzzz";
    process.env.OPENAI_API_KEY = envKey;
    process.env.OPENAI_BASE_URL = stubUrl;
    process.env.OPENAI_MODEL = "stub-large";
    try {
      const fresh = await signUpWithWorkspace();
      const res = await fresh.api.get(providers(fresh));
      expectNoKey(res, envKey);
      const result = expectOk(ops.listProviders, res);
      expect(result.providers.map((p) => p.id)).toEqual(["simulator", "env"]);
      expect(result.providers[1]).toMatchObject({
        name: "Environment (OPENAI_*)", builtIn: true, hasKey: true, keyMask: "sk-…zzzz", baseUrl: stubUrl, defaultModel: "stub-large", isDefault: true,
      });
      expect(result.default).toEqual({ providerId: "env", model: "stub-large" });
      const set = expectOk(ops.setDefaultProvider, await fresh.api.send("PUT", `${providers(fresh)}/default`, { body: { providerId: "simulator", model: "persona-sim-1" } }));
      expect(set.default.providerId).toBe("simulator");
    } finally {
      delete process.env.OPENAI_API_KEY;
      delete process.env.OPENAI_BASE_URL;
      delete process.env.OPENAI_MODEL;
    }
  });
});

describe("test connection", () => {
  const test = (body: Record<string, unknown>) => owner.api.post(`${providers(owner)}/test`, body);

  it("lists the models of a reachable endpoint", async () => {
    const result = expectOk(ops.testProvider, await test({ baseUrl: stubUrl, apiKey: STUB_KEY }));
    expect(result).toMatchObject({ ok: true, models: ["persona-sim-1", "stub-large"], error: null });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("connects to the simulator's OpenAI-compatible HTTP server, and reports its 401 for a wrong key", async () => {
    const sim = createSimulatorServer({ apiKey: STUB_KEY });
    const simUrl = await listen(sim);
    try {
      expect(expectOk(ops.testProvider, await test({ baseUrl: simUrl, apiKey: STUB_KEY }))).toMatchObject({ ok: true, models: ["persona-sim-1", "persona-sim-2", "persona-sim-3"], error: null });
      const wrong = expectOk(ops.testProvider, await test({ baseUrl: simUrl, apiKey: "sk-wrong-key-000000000" }));
      expect(wrong).toMatchObject({ ok: false, models: [], error: { kind: "auth", message: "The endpoint rejected the API key (401): Incorrect API key provided." } });
    } finally {
      await new Promise((r) => sim.close(r));
    }
  });

  it("answers ok:false 'unreachable' with the reason for a closed port — a 200, not a 500", async () => {
    const res = await test({ baseUrl: closedUrl });
    const result = expectOk(ops.testProvider, res);
    expect(result).toMatchObject({ ok: false, models: [], error: { kind: "unreachable" } });
    expect(result.error?.message).toBe("Cannot reach the model endpoint (ECONNREFUSED)");
  });

  it("answers ok:false 'auth' with the server's words when the key is rejected", async () => {
    const result = expectOk(ops.testProvider, await test({ baseUrl: stubUrl, apiKey: "sk-wrong-key-000000000" }));
    expect(result).toMatchObject({ ok: false, error: { kind: "auth" } });
    expect(result.error?.message).toMatch(/^The endpoint rejected the API key \(401\): Incorrect API key provided/);
  });

  it("uses the stored provider's key when none is typed, without echoing it back", async () => {
    const stored = await create(owner, { name: "Stub", baseUrl: stubUrl, apiKey: STUB_KEY, defaultModel: "persona-sim-1" });
    const ok = expectOk(ops.testProvider, await test({ baseUrl: stubUrl, providerId: stored.id }));
    expect(ok).toMatchObject({ ok: true, models: ["persona-sim-1", "stub-large"] });

    // A stored key the server rejects and echoes is redacted in the message.
    const wrong = await create(owner, { name: "Stub, wrong key", baseUrl: stubUrl });
    const res = await test({ baseUrl: stubUrl, providerId: wrong.id });
    expectNoKey(res);
    const failed = expectOk(ops.testProvider, res);
    expect(failed).toMatchObject({ ok: false, error: { kind: "auth" } });
    expect(failed.error?.message).toBe("The endpoint rejected the API key (401): Incorrect API key provided: [redacted]");
  });

  it("never sends a stored key to another address than the one it was stored for", async () => {
    const stored = await create(owner, { name: "Stub again", baseUrl: stubUrl, apiKey: STUB_KEY, defaultModel: "persona-sim-1" });
    const elsewhere = stubUrl.replace("127.0.0.1", "localhost");
    const result = expectOk(ops.testProvider, await test({ baseUrl: elsewhere, providerId: stored.id }));
    // The stub answers 401 and echoes what it got: the SDK's placeholder, not the stored key.
    expect(result).toMatchObject({ ok: false, error: { kind: "auth" } });
    expect(result.error?.message).toContain("not-needed");

    // Moving a provider to a new address requires typing the key again.
    const res = await owner.api.patch(`/api/workspaces/${owner.workspaceId}/providers/${stored.id}`, { baseUrl: elsewhere });
    expectError(res, 422, "apiKey");
  });

  it("a typed key wins over the stored one", async () => {
    const stored = await create(owner, { name: "Stub typed", baseUrl: stubUrl, apiKey: STUB_KEY, defaultModel: "persona-sim-1" });
    const result = expectOk(ops.testProvider, await test({ baseUrl: stubUrl, providerId: stored.id, apiKey: "sk-typed-wrong-0000000" }));
    expect(result.error?.kind).toBe("auth");
  });
});
