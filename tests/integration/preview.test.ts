import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { createSimulatorServer } from "@/lib/llm/simulator/http-server";
import { simulateChat } from "@/lib/llm/simulator/engine";
import { compilePersona } from "@/lib/persona/compile";
import type { PreviewEvent } from "@/lib/schemas/preview";
import { matchRoute } from "@/tests/factories/api";
import { BASE_URL } from "@/tests/factories/auth";
import { expectError, expectOk } from "@/tests/factories/api";
import {
  addTeammate, buildSpec, createPersona, saveVersion, signUpWithWorkspace, wsPath, type Member,
} from "@/tests/factories/personas";

// The live preview through the real route: what the designer's browser reads.

const KEY = "sk-preview-secret-0123456789";
let owner: Member;
let sim: Server;
let simUrl: string;

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Pia" });
  sim = createSimulatorServer({ latencyMs: 0, apiKey: KEY });
  await new Promise<void>((r) => sim.listen(0, "127.0.0.1", r));
  simUrl = `http://127.0.0.1:${(sim.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  sim.closeAllConnections();
  await new Promise((r) => sim.close(r));
});

const preview = (m: Member, body: unknown) => m.api.post(`${wsPath(m.workspaceId)}/preview`, body);
const events = (body: unknown) => body as PreviewEvent[];
const text = (es: PreviewEvent[]) => es.map((e) => (e.type === "delta" ? e.text : "")).join("");

async function httpProvider(model = "persona-sim-1") {
  return expectOk(
    ops.createProvider,
    await owner.api.post(`${wsPath(owner.workspaceId)}/providers`, { name: "Sim over HTTP", baseUrl: simUrl, apiKey: KEY, defaultModel: model }),
  );
}

describe("streaming a draft on the default provider (the simulator)", () => {
  it("sends start, deltas, done — labelled as the simulator — and the text the model wrote", async () => {
    const spec = buildSpec();
    const res = await preview(owner, { source: { kind: "spec", spec }, message: "I've waited two hours!", seed: 3, temperature: 0.7 });
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    const es = events(expectOk(ops.preview, res));
    expect(es[0]).toMatchObject({ type: "start", providerId: "simulator", simulated: true, providerLabel: "Simulator — not a language model" });
    expect(es.filter((e) => e.type === "delta").length).toBeGreaterThan(5);
    const done = es.at(-1);
    expect(done).toMatchObject({ type: "done" });
    if (done?.type === "done") expect(done.usage.completionTokens).toBeGreaterThan(0);
    const direct = simulateChat({
      model: "persona-sim-1", temperature: 0.7, seed: 3,
      messages: [{ role: "system", content: compilePersona(spec).prompt }, { role: "user", content: "I've waited two hours!" }],
    });
    expect(text(es)).toBe(direct.text);
  });

  it("answers differently when the persona changes (what the designer sees update)", async () => {
    const a = text(events((await preview(owner, { source: { kind: "spec", spec: buildSpec() }, message: "Help me", seed: 1 })).body));
    const b = text(events((await preview(owner, { source: { kind: "spec", spec: buildSpec({ archetype: "a blunt drill sergeant", traitTargets: { blunt: 95 } }) }, message: "Help me", seed: 1 })).body));
    expect(a).not.toBe(b);
  });
});

describe("a pinned version", () => {
  it("answers with the version's saved prompt; other workspaces' versions are not found", async () => {
    const persona = await createPersona(owner);
    await saveVersion(owner, persona.id, persona.revision, "v1");
    const es = events(expectOk(ops.preview, await preview(owner, { source: { kind: "version", personaId: persona.id, number: 1 }, message: "Hi", seed: 2 })));
    expect(es.at(-1)?.type).toBe("done");
    const stranger = await signUpWithWorkspace();
    expectError(await preview(stranger, { source: { kind: "version", personaId: persona.id, number: 1 }, message: "Hi" }), 404);
    expectError(await preview(owner, { source: { kind: "version", personaId: persona.id, number: 9 }, message: "Hi" }), 404);
  });
});

describe("roles", () => {
  it("lets reviewers preview but not viewers (model calls can cost money)", async () => {
    const viewer = await addTeammate(owner, "viewer");
    const reviewer = await addTeammate(owner, "reviewer");
    const body = { source: { kind: "spec", spec: buildSpec() }, message: "Hi" };
    expectError(await viewer.api.post(`${wsPath(owner.workspaceId)}/preview`, body), 403);
    expectOk(ops.preview, await reviewer.api.post(`${wsPath(owner.workspaceId)}/preview`, body));
  });
});

describe("an OpenAI-compatible provider (the simulator's HTTP server through the openai SDK)", () => {
  it("streams through the real provider and never puts the key in the stream", async () => {
    const provider = await httpProvider();
    const res = await preview(owner, { source: { kind: "spec", spec: buildSpec() }, message: "Hi", providerId: provider.id, seed: 4 });
    const es = events(expectOk(ops.preview, res));
    expect(es[0]).toMatchObject({ type: "start", providerId: provider.id, simulated: false, model: "persona-sim-1" });
    expect(es.at(-1)?.type).toBe("done");
    expect(JSON.stringify(es)).not.toContain(KEY);
  });

  it("reports a 429 inside the stream with the exact reason, not as a blank answer or a 500", async () => {
    const provider = await httpProvider("fail-429");
    const es = events(expectOk(ops.preview, await preview(owner, { source: { kind: "spec", spec: buildSpec() }, message: "Hi", providerId: provider.id })));
    expect(es.at(-1)).toMatchObject({ type: "error", kind: "rate_limit", status: 429 });
  });

  it("aborts the upstream model call when the browser goes away", async () => {
    // An endpoint that never answers, and notices when its caller hangs up.
    let received = 0;
    let cancelled = 0;
    const hang = createServer((_req, res) => {
      received++;
      res.on("close", () => cancelled++);
    });
    await new Promise<void>((r) => hang.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(hang.address() as AddressInfo).port}/v1`;
    const provider = expectOk(ops.createProvider, await owner.api.post(`${wsPath(owner.workspaceId)}/providers`, { name: "Hang", baseUrl: url, defaultModel: "m" }));

    const controller = new AbortController();
    const { module, params } = matchRoute(`${wsPath(owner.workspaceId)}/preview`);
    const request = new Request(new URL(`${wsPath(owner.workspaceId)}/preview`, BASE_URL), {
      method: "POST",
      headers: { cookie: owner.cookie, origin: BASE_URL, "content-type": "application/json" },
      body: JSON.stringify({ source: { kind: "spec", spec: buildSpec() }, message: "Hi", providerId: provider.id }),
      signal: controller.signal,
    });
    const res = await module.POST!(request, { params: Promise.resolve(params) });
    const reader = res.body!.getReader();
    await reader.read(); // the start event
    const until = async (ok: () => boolean) => {
      const end = Date.now() + 3000;
      while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    };
    await until(() => received === 1);
    expect(cancelled).toBe(0);
    controller.abort();
    await until(() => cancelled === 1);
    expect(cancelled).toBe(1);
    await reader.cancel().catch(() => {});
    hang.closeAllConnections();
    await new Promise((r) => hang.close(r));
  });
});

describe("archetype suggestions", () => {
  it("asks the model who naturally has these traits and returns a few character types", async () => {
    const res = expectOk(ops.suggestArchetypes, await owner.api.post(`${wsPath(owner.workspaceId)}/archetypes/suggest`, { traitTargets: { empathetic: 90, firm: 85 } }));
    expect(res.simulated).toBe(true);
    expect(res.archetypes.length).toBeGreaterThanOrEqual(3);
    expect(res.archetypes.map((a) => a.name).join(" ")).toMatch(/nurse|teacher|coach|paramedic|midwife/i);
  });

  it("takes the persona's archetype, background and boundaries, so the types come from its world", async () => {
    const ask = async (extra: Record<string, unknown>) => expectOk(ops.suggestArchetypes, await owner.api.post(`${wsPath(owner.workspaceId)}/archetypes/suggest`, { traitTargets: { empathetic: 90, firm: 85 }, ...extra })).archetypes.map((a) => a.name);
    const traitsOnly = await ask({});
    const desk = await ask({
      archetype: "a support agent for an online bike shop",
      background: "Handles refunds, returns and late deliveries for upset customers.",
      boundaries: ["Never promise a refund outside the 30-day policy"],
    });
    expect(desk).not.toEqual(traitsOnly);
    expect(desk.join(" ")).not.toMatch(/nurse|paramedic/i);
    expectError(await owner.api.post(`${wsPath(owner.workspaceId)}/archetypes/suggest`, { traitTargets: { empathetic: 90 }, archetype: "x".repeat(601) }), 422, "archetype");
  });

  it("turns a provider failure into a 502 naming the reason", async () => {
    const provider = await httpProvider("fail-500");
    const res = await owner.api.post(`${wsPath(owner.workspaceId)}/archetypes/suggest`, { traitTargets: { skeptical: 90 }, providerId: provider.id });
    expect(res.status).toBe(502);
  });
});
