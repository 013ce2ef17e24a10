import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { claimRun, NEUTRAL_PROMPT, processRun } from "@/lib/jobs/probe-worker";
import { createSimulatorServer } from "@/lib/llm/simulator/http-server";
import { mulberry32 } from "@/lib/math/random";
import { probeTrait } from "@/lib/probing/traits/library";
import { api, expectError, expectOk, type ApiResponse } from "@/tests/factories/api";
import { addTeammate, buildSpec, createPersona, personaPath, saveVersion, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";
import { readRequestText } from "@/tests/factories/http-server";
import { withRawDb } from "@/tests/factories/raw-db";

// Provider keys never leak through error messages. A fake OpenAI-compatible
// endpoint rejects every key and echoes it back — whole, in part, in a plain
// text body, inside an HTML error page — and every path that calls a model
// (preview, archetype suggestions, custom-trait drafts, sample recording,
// probe runs, variant batches, test connection) is driven against it over real
// HTTP. The key must appear nowhere: not in a response, not in any database
// row, not on a share page; and the message must still say what went wrong.

const KEY = "sk-proj-Q7vLm2Xw9RtB4nZk8HcJ5pYd"; // stored with the provider
const TYPED_KEY = "sk-typd-H3kP9wQ2zX7mB5nV1cL8rT4y"; // typed into "test connection"
const ENV_KEY = "sk-envk-A1s2D3f4G5h6J7k8L9q0W1e2"; // OPENAI_API_KEY
const INTERNAL = ["INTERNAL-DB-PASSWORD", "internal-gw-3.corp", "at Object.handler"];

type Mode = "echo" | "partial" | "text" | "html";

const bodies: Record<Mode, (presented: string) => { status: number; type: string; body: string }> = {
  echo: (k) => ({ status: 401, type: "application/json", body: JSON.stringify({ error: { message: `Incorrect API key provided: ${k}`, type: "invalid_request_error" } }) }),
  partial: (k) => ({
    status: 401, type: "application/json",
    body: JSON.stringify({ error: { message: `Incorrect API key provided: ${k.slice(0, 8)}${"*".repeat(20)}${k.slice(-4)}. Keys start ${k.slice(0, 10)}, yours ends …${k.slice(-8)}, mask ${k.slice(0, 6)}…${k.slice(-3)}` } }),
  }),
  text: (k) => ({ status: 401, type: "text/plain", body: `Unauthorized: key "${k}" rejected by internal-gw-3.corp` }),
  html: (k) => ({
    status: 500, type: "text/html",
    body: `<html><body><h1>500</h1><pre>INTERNAL-DB-PASSWORD=hunter2\nat Object.handler (/srv/app.js:12)\nauthorization: Bearer ${k}</pre></body></html>`,
  }),
};

const expected: Record<Mode, { kind: string; message: RegExp }> = {
  echo: { kind: "auth", message: /^The endpoint rejected the API key \(401\): Incorrect API key provided: \[redacted\]$/ },
  partial: { kind: "auth", message: /^The endpoint rejected the API key \(401\): Incorrect API key provided: \[redacted\]\. Keys start \[redacted\], yours ends \[redacted\], mask \[redacted\]$/ },
  text: { kind: "auth", message: /^The endpoint rejected the API key \(401\)$/ },
  html: { kind: "server", message: /^The endpoint failed \(500\)$/ },
};

/** The baseline answer to this item fails (500 with the key in an HTML page); every other call is the simulator's. */
const FAILING_ITEM = probeTrait("empathetic")!.probes[0].text;

let leaky: Server;
let sim: Server;
let origin: string;
let simOrigin: string;

async function serve(req: IncomingMessage, res: ServerResponse) {
  const raw = await readRequestText(req);
  const presented = (req.headers.authorization ?? "").replace(/^Bearer /, "");
  const [, prefix, rest] = /^\/([a-z]+)(\/.*)$/.exec(req.url ?? "") ?? [];
  const fail = (mode: Mode) => {
    const { status, type, body } = bodies[mode](presented);
    res.writeHead(status, { "content-type": type }).end(body);
  };
  if (prefix === "mixed") {
    const chat = raw ? (JSON.parse(raw) as { messages?: { role: string; content: string }[] }) : {};
    const [system, user] = chat.messages ?? [];
    if (system?.content === NEUTRAL_PROMPT && user?.content === FAILING_ITEM) return fail("html");
    const upstream = await fetch(`${simOrigin}${rest}`, { method: req.method, headers: { "content-type": "application/json" }, body: raw || undefined });
    res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json" }).end(await upstream.text());
    return;
  }
  if (prefix && prefix in bodies) return fail(prefix as Mode);
  res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "no such route" } }));
}

const listen = (s: Server) => new Promise<string>((resolve) => s.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)));

const savedEnv = { key: process.env.OPENAI_API_KEY, url: process.env.OPENAI_BASE_URL, model: process.env.OPENAI_MODEL };
let owner: Member;
let mate: Member;
let personaId: string;
const providerIds = {} as Record<Mode | "mixed", string>;

beforeAll(async () => {
  leaky = createServer((req, res) => void serve(req, res));
  sim = createSimulatorServer();
  origin = await listen(leaky);
  simOrigin = await listen(sim);
  process.env.OPENAI_API_KEY = ENV_KEY;
  process.env.OPENAI_BASE_URL = `${origin}/echo/v1`;
  process.env.OPENAI_MODEL = "persona-sim-1";

  owner = await signUpWithWorkspace({ name: "Kira Keyholder" });
  mate = (await addTeammate(owner, "editor", "Milo Mate")) as Member;
  for (const mode of ["echo", "partial", "text", "html", "mixed"] as const) {
    const created = expectOk(ops.createProvider, await owner.api.post(`${wsPath(owner.workspaceId)}/providers`, {
      name: `Leaky ${mode}`, baseUrl: `${origin}/${mode}/v1`, apiKey: KEY, defaultModel: "persona-sim-1",
    }));
    providerIds[mode] = created.id;
  }
  const persona = await createPersona(owner, { name: "Nurse Ada", spec: buildSpec({ traitTargets: { empathetic: 80 } }) });
  personaId = persona.id;
  await saveVersion(owner, personaId, persona.revision, "first cut");
});

afterAll(async () => {
  for (const s of [leaky, sim]) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
  for (const [name, value] of [["OPENAI_API_KEY", savedEnv.key], ["OPENAI_BASE_URL", savedEnv.url], ["OPENAI_MODEL", savedEnv.model]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

/** Every 6-character run of every key, and the internal markers, found in `text`. */
function leaksIn(text: string): string[] {
  const found: string[] = [];
  for (const key of [KEY, TYPED_KEY, ENV_KEY]) {
    for (let i = 0; i + 6 <= key.length; i++) if (text.includes(key.slice(i, i + 6))) found.push(key.slice(i, i + 6));
  }
  return [...found, ...INTERNAL.filter((m) => text.includes(m))];
}

const expectClean = (res: ApiResponse | unknown) => expect(leaksIn(JSON.stringify(res))).toEqual([]);

const P = () => personaPath(owner.workspaceId, personaId);
const worker = (id: string) => ({ workerId: id, sleep: async () => {}, rng: mulberry32(3) });

async function runWorker(runId: string) {
  expect(await claimRun(runId, "leak-worker")).toBe(true);
  return processRun(runId, worker("leak-worker"));
}

describe.each(["echo", "partial", "text", "html"] as const)("an endpoint that answers %s", (mode) => {
  const providerId = () => providerIds[mode];

  it("preview: the stream's error event says why, without the key", async () => {
    const res = await owner.api.post(`${wsPath(owner.workspaceId)}/preview`, {
      source: { kind: "spec", spec: buildSpec() }, message: "Hello there", providerId: providerId(),
    });
    expect(res.status).toBe(200);
    const events = res.body as { type: string; kind?: string; message?: string }[];
    const error = events.find((e) => e.type === "error")!;
    expect(error).toMatchObject({ kind: expected[mode].kind });
    expect(error.message).toMatch(expected[mode].message);
    expectClean(res);
  });

  it("archetype suggestions: 502 with the reason, without the key", async () => {
    const res = await owner.api.post(`${wsPath(owner.workspaceId)}/archetypes/suggest`, { traitTargets: { empathetic: 80 }, providerId: providerId() });
    expect(expectError(res, 502).message).toMatch(expected[mode].message);
    expectClean(res);
  });

  it("custom-trait draft: 502 with the reason, without the key", async () => {
    const res = await owner.api.post(`${wsPath(owner.workspaceId)}/custom-traits/draft`, { description: "Talks like a ship's captain", providerId: providerId() });
    expect(expectError(res, 502).message).toMatch(expected[mode].message);
    expectClean(res);
  });

  it("sample recording: every failed answer keeps the reason, without the key", async () => {
    const res = await owner.api.post(`${P()}/versions/1/samples`, { providerId: providerId() });
    const recording = expectOk(ops.recordSamples, res);
    expect(recording.answers.length).toBeGreaterThan(0);
    for (const a of recording.answers) {
      expect(a.answer).toBeNull();
      expect(a.error).toMatch(new RegExp(`^${expected[mode].kind}: ${expected[mode].message.source.slice(1)}`));
    }
    expectClean(res);
    expectClean(await owner.api.get(`${P()}/versions/1/samples`));
  });

  it("probe run: the failed run and its answers say why, without the key", async () => {
    const run = expectOk(ops.createProbeRun, await owner.api.post(`${P()}/probe-runs`, {
      version: 1, targetProviderId: providerId(), traits: ["empathetic"], budgetPerTrait: 6, concurrency: 2,
    }));
    expect(await runWorker(run.id)).toBe("failed");
    const detailRes = await owner.api.get(`${wsPath(owner.workspaceId)}/probe-runs/${run.id}`);
    const detail = expectOk(ops.getProbeRun, detailRes);
    expect(detail.status).toBe("failed");
    if (mode === "html") expect(detail.error).toMatch(/answers in a row failed/);
    else expect(detail.error).toMatch(expected[mode].message);
    expectClean(detailRes);
    const answersRes = await owner.api.get(`${wsPath(owner.workspaceId)}/probe-runs/${run.id}/answers`, { limit: 500 });
    const answers = expectOk(ops.listProbeAnswers, answersRes);
    expect(answers.length).toBeGreaterThan(0);
    for (const a of answers) expect(a.error).toMatch(new RegExp(`^${expected[mode].kind}: ${expected[mode].message.source.slice(1)}`));
    expectClean(answersRes);
  });

  it("variant batch: every run's error is the redacted reason", async () => {
    const variant = expectOk(ops.createVariant, await owner.api.post(`${P()}/variants`, { name: `Terse ${mode}`, from: "draft" }));
    const batch = expectOk(ops.probeVariants, await owner.api.post(`${P()}/variant-probes`, {
      variantIds: [variant.id], includeDraft: true, targetProviderId: providerId(), traits: ["empathetic"], budgetPerTrait: 6, concurrency: 2,
    }));
    for (const run of batch.runs) expect(await runWorker(run.id)).toBe("failed");
    const res = await owner.api.get(`${P()}/variant-probes/${batch.batchId}`);
    const result = expectOk(ops.getVariantBatch, res);
    expect(result.runs.map((r) => r.status)).toEqual(["failed", "failed"]);
    expectClean(res);
  });
});

describe("keys that are not the provider's", () => {
  it("test connection: a typed key echoed back is redacted", async () => {
    const res = await owner.api.post(`${wsPath(owner.workspaceId)}/providers/test`, { baseUrl: `${origin}/partial/v1`, apiKey: TYPED_KEY });
    const result = expectOk(ops.testProvider, res);
    expect(result).toMatchObject({ ok: false, error: { kind: "auth" } });
    expect(result.error!.message).toMatch(expected.partial.message);
    expectClean(res);
  });

  it("the environment provider: OPENAI_API_KEY echoed back is redacted", async () => {
    const res = await owner.api.post(`${wsPath(owner.workspaceId)}/preview`, { source: { kind: "spec", spec: buildSpec() }, message: "Hi", providerId: "env" });
    const error = (res.body as { type: string; message?: string }[]).find((e) => e.type === "error")!;
    expect(error.message).toMatch(expected.echo.message);
    expectClean(res);
  });
});

describe("share pages", () => {
  it("carry no provider error text ('failed') and no user ids", async () => {
    // A completed run on v1 where one baseline item always fails with the key in an HTML page.
    const run = expectOk(ops.createProbeRun, await owner.api.post(`${P()}/probe-runs`, {
      version: 1, targetProviderId: providerIds.mixed, traits: ["empathetic"], budgetPerTrait: 12, concurrency: 2,
    }));
    expect(await runWorker(run.id)).toBe("completed");
    const failed = expectOk(ops.listProbeAnswers, await owner.api.get(`${wsPath(owner.workspaceId)}/probe-runs/${run.id}/answers`, { limit: 500 }))
      .filter((a) => a.status === "failed");
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0].error).toBe("server: The endpoint failed (500)"); // members see the reason

    // The newest recording of v1 failed (the echo endpoint); a comment mentions a teammate.
    const samples = expectOk(ops.recordSamples, await owner.api.post(`${P()}/versions/1/samples`, { providerId: providerIds.echo }));
    const handle = mate.email.split("@")[0];
    expectOk(ops.createComment, await owner.api.post(`${P()}/comments`, { body: `@${handle} look at this`, anchor: { kind: "sample", key: samples.answers[0].id } }));
    const link = expectOk(ops.createShare, await owner.api.post(`${P()}/shares`, { includeComments: true }));

    const anonymous = api(null);
    const bundleRes = await anonymous.get(`/api/share/${link.token}`);
    const bundle = expectOk(ops.openShare, bundleRes);
    expect(bundle.samples!.answers.map((a) => a.error)).toEqual(samples.answers.map(() => "failed"));
    expect(bundle.report!.runId).toBe(run.id);
    const thread = bundle.comments![0];
    expect(thread.author).toEqual({ name: "Kira Keyholder" });
    expect(thread.mentions).toEqual([{ name: "Milo Mate" }]);
    const answersRes = await anonymous.get(`/api/share/${link.token}/answers`, { limit: 200 });
    const shared = expectOk(ops.sharedAnswers, answersRes);
    const sharedFailed = shared.filter((a) => a.status === "failed");
    expect(sharedFailed.length).toBeGreaterThan(0);
    for (const a of shared) expect(a.error).toBe(a.status === "failed" ? "failed" : null);

    for (const res of [bundleRes, answersRes]) {
      const text = JSON.stringify(res.body);
      expect(leaksIn(text)).toEqual([]);
      expect(text).not.toMatch(/rejected the API key|endpoint failed|\[redacted\]/);
      for (const id of [owner.id, mate.id]) expect(text).not.toContain(id);
      expect(text).not.toContain(owner.email);
      expect(text).not.toContain(mate.email);
    }
  });
});

describe("the database", () => {
  it("holds no key, no partial echo and no upstream body text in any table", async () => {
    // Every table and column as stored (SQLite or PostgreSQL), read under the app.
    await withRawDb(async (raw) => {
      const tables = await raw.tables();
      expect(tables).toEqual(expect.arrayContaining(["ModelProvider", "ProbeRun"]));
      let rowsWithErrors = 0;
      for (const name of tables) {
        const text = JSON.stringify(await raw.all(`SELECT * FROM "${name}"`));
        expect(leaksIn(text), `table ${name}`).toEqual([]);
        if (/rejected the API key/.test(text)) rowsWithErrors++;
      }
      // The reasons are stored (redacted), not dropped.
      expect(rowsWithErrors).toBeGreaterThan(0);
    });
  });
});
