import { createServer, type IncomingMessage, type ServerResponse, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { env } from "@/lib/config/env";
import { ops } from "@/lib/http/operations";
import { claimRun, processRun } from "@/lib/jobs/probe-worker";
import { mulberry32 } from "@/lib/math/random";
import { expectError, expectOk } from "@/tests/factories/api";
import { buildSpec, createPersona, personaPath, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// In the default PROVIDER_NETWORK=any (local single-user: Ollama on localhost
// works), a provider still cannot be used to reach somewhere else: a redirect
// to another origin is never followed (nor its body shown), and a base URL
// cannot carry credentials, a query or the "…/admin#" fragment trick.

const KEY = "sk-redir-Z8xC7vB6nM5aS4dF3gH2jK1l";
let owner: Member;
let front: Server;
let inner: Server;
let frontUrl: string;
let innerUrl: string;
let frontHits: string[] = [];
let innerHits: { url: string; authorization?: string }[] = [];

const MODELS = (id: string) => JSON.stringify({ object: "list", data: [{ id, object: "model", created: 0, owned_by: "x" }] });

function serveFront(req: IncomingMessage, res: ServerResponse) {
  frontHits.push(req.url ?? "");
  const url = req.url ?? "";
  if (url === "/v1/models") return res.writeHead(200, { "content-type": "application/json" }).end(MODELS("front-model"));
  if (url.startsWith("/same/")) return res.writeHead(307, { location: url.replace("/same", "") }).end();
  if (url.startsWith("/away/")) {
    return res.writeHead(url.includes("chat") ? 307 : 302, { location: `${innerUrl}${url.replace("/away", "")}`, "content-type": "text/html" })
      .end("<p>Moved to the internal admin console at 10.1.2.3</p>");
  }
  if (url.startsWith("/meta/")) return res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/iam" }).end();
  res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "nope" } }));
}

const listen = (s: Server) => new Promise<string>((resolve) => s.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)));

beforeAll(async () => {
  front = createServer(serveFront);
  inner = createServer((req, res) => {
    innerHits.push({ url: req.url ?? "", authorization: req.headers.authorization });
    res.writeHead(200, { "content-type": "application/json" }).end(MODELS("INTERNAL-ONLY-MODEL"));
  });
  frontUrl = await listen(front);
  innerUrl = await listen(inner);
  owner = await signUpWithWorkspace({ name: "Rex Redirect" });
});

beforeEach(() => {
  frontHits = [];
  innerHits = [];
});

afterAll(async () => {
  for (const s of [front, inner]) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

const W = () => wsPath(owner.workspaceId);
const testConnection = (body: Record<string, unknown>) => owner.api.post(`${W()}/providers/test`, body);

it("runs in the default mode (any network)", () => {
  expect(env.providerNetwork).toBe("any");
});

describe("redirects", () => {
  it("a redirect on the same origin is followed (local servers keep working)", async () => {
    const result = expectOk(ops.testProvider, await testConnection({ baseUrl: `${frontUrl}/same/v1` }));
    expect(result).toMatchObject({ ok: true, models: ["front-model"] });
    expect(frontHits).toEqual(["/same/v1/models", "/v1/models"]);
  });

  it("a redirect to another port is not followed, and neither its target nor its body is shown", async () => {
    const res = await testConnection({ baseUrl: `${frontUrl}/away/v1`, apiKey: KEY });
    const result = expectOk(ops.testProvider, res);
    expect(result).toMatchObject({ ok: false, models: [], error: { kind: "redirected", message: "The endpoint redirected elsewhere (302); the redirect was not followed" } });
    const text = JSON.stringify(res.body);
    for (const s of [innerUrl, new URL(innerUrl).port, "INTERNAL-ONLY-MODEL", "10.1.2.3", "admin console"]) expect(text).not.toContain(s);
    expect(innerHits).toEqual([]);
  });

  it("a redirect to the metadata address is not followed", async () => {
    const result = expectOk(ops.testProvider, await testConnection({ baseUrl: `${frontUrl}/meta/v1` }));
    expect(result.error).toMatchObject({ kind: "redirected" });
    expect(JSON.stringify(result)).not.toContain("169.254");
  });

  it("preview and probe runs with a stored provider: 'redirected', and the key never reaches the other server", async () => {
    const provider = expectOk(ops.createProvider, await owner.api.post(`${W()}/providers`, {
      name: "Redirector", baseUrl: `${frontUrl}/away/v1`, apiKey: KEY, defaultModel: "m",
    }));
    const res = await owner.api.post(`${W()}/preview`, { source: { kind: "spec", spec: buildSpec() }, message: "Hi", providerId: provider.id });
    const error = (res.body as { type: string }[]).find((e) => e.type === "error");
    expect(error).toMatchObject({ kind: "redirected", status: 307, message: "The endpoint redirected elsewhere (307); the redirect was not followed" });

    const persona = await createPersona(owner, { name: "Nurse Ada", spec: buildSpec() });
    const run = expectOk(ops.createProbeRun, await owner.api.post(`${personaPath(owner.workspaceId, persona.id)}/probe-runs`, {
      targetProviderId: provider.id, traits: ["empathetic"], budgetPerTrait: 6, concurrency: 2,
    }));
    expect(await claimRun(run.id, "redirect-worker")).toBe(true);
    // A redirect elsewhere will not get better by retrying: the run stops at once.
    expect(await processRun(run.id, { workerId: "redirect-worker", sleep: async () => {}, rng: mulberry32(1) })).toBe("failed");
    const detail = expectOk(ops.getProbeRun, await owner.api.get(`${W()}/probe-runs/${run.id}`));
    expect(detail.error).toBe("The endpoint redirected elsewhere (307); the redirect was not followed");
    expect(innerHits).toEqual([]);
  });
});

describe("base URL", () => {
  it.each([
    ["a fragment (the …/admin# trick)", "/admin#"],
    ["an empty query", "/v1?"],
    ["a query", "/v1?api-version=1"],
  ])("refuses %s with 422 naming baseUrl, on create and test, sending nothing", async (_what, suffix) => {
    const baseUrl = `${frontUrl}${suffix}`;
    expectError(await owner.api.post(`${W()}/providers`, { name: "Trick", baseUrl, defaultModel: "m" }), 422, "baseUrl");
    expectError(await testConnection({ baseUrl }), 422, "baseUrl");
    expect(frontHits).toEqual([]);
  });

  it.each([
    ["user:password@", `http://user:pass@127.0.0.1:9/v1`],
    ["a user name only", `http://admin@127.0.0.1:9/v1`],
    ["an empty user", `http://@127.0.0.1:9/v1`],
  ])("refuses credentials in the URL (%s)", async (_what, baseUrl) => {
    const error = expectError(await owner.api.post(`${W()}/providers`, { name: "Creds", baseUrl, defaultModel: "m" }), 422, "baseUrl");
    expect(error.message).toMatch(/^Base URL: .*API key field/);
  });

  it.each(["file:///etc/passwd", "ftp://127.0.0.1/v1", "gopher://127.0.0.1:6379/_INFO", "javascript:alert(1)"])("refuses the scheme of %s", async (baseUrl) => {
    expectError(await testConnection({ baseUrl }), 422, "baseUrl");
  });

  it("refuses a fragment on update too", async () => {
    const provider = expectOk(ops.createProvider, await owner.api.post(`${W()}/providers`, { name: "Plain", baseUrl: `${frontUrl}/v1`, defaultModel: "m" }));
    expectError(await owner.api.patch(`${W()}/providers/${provider.id}`, { baseUrl: `${frontUrl}/admin#` }), 422, "baseUrl");
  });
});
