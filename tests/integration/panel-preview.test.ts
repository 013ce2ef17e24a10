import type { IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { simulateChat } from "@/lib/llm/simulator/engine";
import { compilePersona } from "@/lib/persona/compile";
import type { PanelSpec } from "@/lib/schemas/panel";
import { PANEL_PREVIEW_LIMITS, type PanelPreviewEvent } from "@/lib/schemas/panel-preview";
import { crossExaminationMessages, firstRoundMessages } from "@/lib/services/panels/cross-examine";
import { expectError, expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { addTeammate, buildSpec, createPersona, saveVersion, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";
import { startSimulatorProxy, type SimulatorProxy } from "@/tests/factories/simulator-proxy";

// The panel preview through the real route: three members on the simulator's
// three models, one on a local OpenAI-compatible server (a proxy in front of the
// simulator that records what reached it), one whose provider fails.

const KEY = "sk-panel-secret-0123456789abcdef";
const BAD_KEY = "sk-broken-secret-9876543210fedcba";
let owner: Member;
let proxy: SimulatorProxy;
let failing: SimulatorProxy;
const seen: { auth: string | undefined; body: { model: string; messages: { role: string; content: string }[] } }[] = [];
let panelId: string;
let providerId: string;
let brokenProviderId: string;
const specs = {
  ada: buildSpec({ name: "Ada", archetype: "a careful clinical nurse", traitTargets: { empathetic: 85, firm: 40 } }),
  bo: buildSpec({ name: "Bo", archetype: "a blunt drill sergeant", traitTargets: { blunt: 95 } }),
  cy: buildSpec({ name: "Cy", archetype: "a playful improv teacher", traitTargets: { playful: 90 } }),
  dee: buildSpec({ name: "Dee", archetype: "a sceptical auditor", traitTargets: { skeptical: 90 } }),
};
const personaIds: Record<string, string> = {};
const QUESTION = "Should our team ship the release on a Friday afternoon?";

async function addPanel(m: Member, spec: Partial<PanelSpec> & { members: PanelSpec["members"] }): Promise<string> {
  const full: PanelSpec = { polarityPairs: [], groups: [], plans: {}, activePlan: "single", questions: [], ...spec };
  const row = await db.panel.create({
    data: { workspaceId: m.workspaceId, slug: `p-${Math.random().toString(36).slice(2)}`, name: "Release council", spec: JSON.stringify(full), createdById: m.id, updatedById: m.id, updatedByName: m.name },
  });
  return row.id;
}

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Pam" });
  proxy = await startSimulatorProxy({ onRequest: (req: IncomingMessage, raw) => { if (raw) seen.push({ auth: req.headers.authorization, body: JSON.parse(raw) }); } });
  failing = await startSimulatorProxy({ intercept: () => ({ status: 500, text: JSON.stringify({ error: { message: `upstream exploded for key ${BAD_KEY}` } }) }) });
  providerId = expectOk(ops.createProvider, await owner.api.post(`${wsPath(owner.workspaceId)}/providers`, { name: "Local server", baseUrl: `${proxy.origin}/v1`, apiKey: KEY, defaultModel: "persona-sim-1" })).id;
  brokenProviderId = expectOk(ops.createProvider, await owner.api.post(`${wsPath(owner.workspaceId)}/providers`, { name: "Broken server", baseUrl: `${failing.origin}/v1`, apiKey: BAD_KEY, defaultModel: "persona-sim-1" })).id;
  for (const [key, spec] of Object.entries(specs)) {
    const p = await createPersona(owner, { name: spec.name, spec });
    personaIds[key] = p.id;
    if (key !== "cy") await saveVersion(owner, p.id, p.revision, "v1"); // cy has no version: its draft answers
  }
  panelId = await addPanel(owner, {
    members: [
      { key: "ada", personaId: personaIds.ada, version: 1 },
      { key: "bo", personaId: personaIds.bo, version: "latest", label: "Sergeant Bo" },
      { key: "cy", personaId: personaIds.cy, version: "latest" },
      { key: "dee", personaId: personaIds.dee, version: 1 },
    ],
    plans: {
      single: { seats: { ada: { providerId: "simulator", model: "persona-sim-1" } } },
      routed: {
        seats: {
          ada: { providerId: "simulator", model: "persona-sim-1" },
          bo: { providerId: "simulator", model: "persona-sim-2" },
          cy: { providerId: "simulator", model: "persona-sim-3" },
          dee: { providerId, model: "persona-sim-2" },
        },
      },
    },
    activePlan: "routed",
  });
});

afterAll(async () => {
  await proxy.close();
  await failing.close();
});

const url = (m: Member, id: string) => `${wsPath(m.workspaceId)}/panels/${id}/preview`;
const ask = (m: Member, id: string, body: unknown) => m.api.post(url(m, id), body);
const events = (body: unknown) => body as PanelPreviewEvent[];
const textOf = (es: PanelPreviewEvent[], member: string, round: 1 | 2) =>
  es.map((e) => (e.type === "delta" && e.member === member && e.round === round ? e.text : "")).join("");
const promptOf = (key: keyof typeof specs) => compilePersona(specs[key]).prompt;

describe("one question to the whole panel", () => {
  it("every member answers on its seat with its own prompt, each event tagged with its key", async () => {
    seen.length = 0;
    const res = await ask(owner, panelId, { question: QUESTION, seed: 4 });
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    const es = events(expectOk(ops.panelPreview, res));
    expect(es[0]).toEqual({ type: "panel", rounds: 1, members: [{ key: "ada", name: "Ada" }, { key: "bo", name: "Sergeant Bo" }, { key: "cy", name: "Cy" }, { key: "dee", name: "Dee" }] });
    expect(es.at(-1)).toEqual({ type: "end" });
    const starts = Object.fromEntries(es.flatMap((e) => (e.type === "start" ? [[e.member, e]] : [])));
    expect(starts.ada).toMatchObject({ round: 1, providerId: "simulator", model: "persona-sim-1", simulated: true, prompt: { source: "version", version: 1 } });
    expect(starts.bo).toMatchObject({ providerId: "simulator", model: "persona-sim-2", simulated: true, prompt: { source: "version", version: 1 } });
    expect(starts.cy).toMatchObject({ providerId: "simulator", model: "persona-sim-3", simulated: true, prompt: { source: "draft", version: null } });
    expect(starts.dee).toMatchObject({ providerId, providerLabel: "Local server", model: "persona-sim-2", simulated: false });
    for (const k of ["ada", "bo", "cy", "dee"]) expect(es.filter((e) => e.type === "done" && e.member === k)).toHaveLength(1);

    // The simulated members: exactly what their model answers to their own prompt.
    for (const [k, model] of [["ada", "persona-sim-1"], ["bo", "persona-sim-2"], ["cy", "persona-sim-3"]] as const) {
      const direct = simulateChat({ model, temperature: 0.7, seed: 4, maxTokens: PANEL_PREVIEW_LIMITS.maxTokens, messages: firstRoundMessages(promptOf(k), QUESTION) });
      expect(textOf(es, k, 1)).toBe(direct.text);
      expect(direct.text.length).toBeGreaterThan(0);
      // …and not what another seat's model would have said (the seat matters).
      const elsewhere = simulateChat({ model: model === "persona-sim-1" ? "persona-sim-3" : "persona-sim-1", temperature: 0.7, seed: 4, maxTokens: PANEL_PREVIEW_LIMITS.maxTokens, messages: firstRoundMessages(promptOf(k), QUESTION) });
      expect(elsewhere.text).not.toBe(direct.text);
    }
    // The seat on a local server got the member's model, its system prompt, the question, the key.
    expect(seen).toHaveLength(1);
    expect(seen[0].auth).toBe(`Bearer ${KEY}`);
    expect(seen[0].body.model).toBe("persona-sim-2");
    expect(seen[0].body.messages).toEqual([{ role: "system", content: promptOf("dee") }, { role: "user", content: QUESTION }]);
    expect(textOf(es, "dee", 1).length).toBeGreaterThan(0);
    expect(JSON.stringify(es)).not.toContain(KEY);
  });

  it("asks only the chosen members; an unknown key is a 422 naming members", async () => {
    const es = events(expectOk(ops.panelPreview, await ask(owner, panelId, { question: QUESTION, members: ["cy", "ada"] })));
    expect(es[0]).toMatchObject({ type: "panel", members: [{ key: "ada" }, { key: "cy" }] });
    expect(new Set(es.flatMap((e) => ("member" in e ? [e.member] : [])))).toEqual(new Set(["ada", "cy"]));
    const err = expectError(await ask(owner, panelId, { question: QUESTION, members: ["ada", "zed"] }), 422);
    expect(err.field).toBe("members");
    expect(err.message).toContain("zed");
  });

  it("a member without a seat answers on the workspace default", async () => {
    const id = await addPanel(owner, { members: [{ key: "ada", personaId: personaIds.ada, version: 1 }] });
    const es = events(expectOk(ops.panelPreview, await ask(owner, id, { question: QUESTION, seed: 1 })));
    expect(es.find((e) => e.type === "start")).toMatchObject({ member: "ada", providerId: "simulator", model: "persona-sim-1" });
  });
});

describe("cross-examination", () => {
  it("after every first answer, each member gets the question, its own answer and the others' first answers", async () => {
    seen.length = 0;
    const es = events(expectOk(ops.panelPreview, await ask(owner, panelId, { question: QUESTION, crossExamine: true, seed: 9 })));
    expect(es[0]).toMatchObject({ type: "panel", rounds: 2 });
    // No second-round event before the last first-round one.
    const lastFirst = es.findLastIndex((e) => "round" in e && e.round === 1);
    const firstSecond = es.findIndex((e) => "round" in e && e.round === 2);
    expect(firstSecond).toBeGreaterThan(lastFirst);
    const names = { ada: "Ada", bo: "Sergeant Bo", cy: "Cy", dee: "Dee" } as const;
    const first = (["ada", "bo", "cy", "dee"] as const).map((k) => ({ key: k, name: names[k], text: textOf(es, k, 1) }));
    for (const a of first) expect(a.text.length).toBeGreaterThan(0);

    // The local server saw both rounds of dee; round 2 quotes every other member's first answer.
    expect(seen).toHaveLength(2);
    const second = seen[1].body.messages;
    const dee = first.find((a) => a.key === "dee")!;
    expect(second).toEqual(crossExaminationMessages(promptOf("dee"), QUESTION, dee, first));
    const quoted = second.at(-1)!.content;
    expect(quoted).toContain("Here is what the other panel members said");
    for (const a of first.filter((x) => x.key !== "dee")) {
      expect(quoted).toContain(`${a.name}:`);
      expect(quoted).toContain(a.text.trim().slice(0, 200));
    }
    expect(quoted).not.toContain(`Dee:`);
    expect(second[2]).toEqual({ role: "assistant", content: dee.text });

    // A simulated member's response is its model's answer to exactly those messages.
    const bo = first.find((a) => a.key === "bo")!;
    const direct = simulateChat({ model: "persona-sim-2", temperature: 0.7, seed: 9, maxTokens: PANEL_PREVIEW_LIMITS.maxTokens, messages: crossExaminationMessages(promptOf("bo"), QUESTION, bo, first)! });
    expect(textOf(es, "bo", 2)).toBe(direct.text);
    for (const k of ["ada", "bo", "cy", "dee"]) expect(es.some((e) => e.type === "done" && e.member === k && e.round === 2)).toBe(true);
  });
});

describe("a failing member", () => {
  it("gets its own error event (key redacted); the others complete; a missing version is its own error too", async () => {
    const gone = await createPersona(owner, { name: "Gone", spec: buildSpec({ name: "Gone" }) });
    const id = await addPanel(owner, {
      members: [
        { key: "ada", personaId: personaIds.ada, version: 1 },
        { key: "broken", personaId: personaIds.bo, version: 1 },
        { key: "ghost", personaId: gone.id, version: 3 },
        { key: "cy", personaId: personaIds.cy, version: "latest" },
      ],
      plans: { single: { seats: { broken: { providerId: brokenProviderId, model: "persona-sim-1" } } } },
    });
    const res = await ask(owner, id, { question: QUESTION, crossExamine: true });
    expect(res.status).toBe(200);
    const es = events(expectOk(ops.panelPreview, res));
    const errors = es.filter((e) => e.type === "error");
    expect(errors.find((e) => "member" in e && e.member === "broken" && e.round === 1)).toMatchObject({ kind: "server" });
    expect(errors.find((e) => "member" in e && e.member === "ghost" && e.round === 1)).toMatchObject({ kind: "not_found", message: expect.stringContaining("Version 3") });
    expect(errors.filter((e) => "member" in e && e.round === 2).map((e) => "member" in e && e.member).sort()).toEqual(["broken", "ghost"]);
    for (const k of ["ada", "cy"]) for (const round of [1, 2]) expect(es.some((e) => e.type === "done" && e.member === k && e.round === round)).toBe(true);
    expect(JSON.stringify(es)).not.toContain(BAD_KEY);
    expect(es.at(-1)).toEqual({ type: "end" });
  });
});

describe("who may ask, and where", () => {
  it("reviewers may (it costs money, like the live preview); viewers get 403", async () => {
    const reviewer = await addTeammate(owner, "reviewer");
    expectOk(ops.panelPreview, await ask(reviewer, panelId, { question: QUESTION, members: ["ada"] }));
    const viewer = await addTeammate(owner, "viewer");
    expectError(await ask(viewer, panelId, { question: QUESTION }), 403);
  });

  it("another workspace's panel is not found; so is no panel", async () => {
    const stranger = await signUpWithWorkspace();
    expectError(await stranger.api.post(url(stranger, panelId), { question: QUESTION }), 404);
    expectError(await ask(owner, "no-such-panel", { question: QUESTION }), 404);
  });

  it("a bad body is a 4xx naming the field", async () => {
    expect(expectError(await ask(owner, panelId, { question: "" }), 422).field).toBe("question");
    expect(expectError(await ask(owner, panelId, { question: "x".repeat(2001) }), 422).field).toBe("question");
    expect(expectError(await ask(owner, panelId, { question: "Hi", crossExamine: 1 }), 422).field).toBe("crossExamine");
  });
});
