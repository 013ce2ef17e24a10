import type { IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import type { Scenario } from "@/lib/schemas/scenario";
import { expectError, expectOk } from "@/tests/factories/api";
import { startSimulatorProxy, type SimulatorProxy } from "@/tests/factories/simulator-proxy";
import { buildSpec, createPersona, personaPath, saveVersion, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Sample recording answers what the persona will actually get (issue 12 §1):
// the version's scenarios when it has any, each after its context turns (the
// live preview's rule), else its sample messages. A proxy in front of the
// simulator's HTTP endpoint shows what reached the model.

type Message = { role: string; content: string };
const sent: Message[][] = [];
const record = (req: IncomingMessage, raw: string) => {
  if (req.url?.endsWith("/chat/completions")) sent.push((JSON.parse(raw) as { messages: Message[] }).messages);
};

let proxy: SimulatorProxy;
let owner: Member;
let providerId: string;

const scenarios: Scenario[] = [
  { id: "late", message: "I want a refund for a ticket I bought nine months ago." },
  {
    id: "twice", message: "So will you make an exception or not?", note: "Stays firm, stays kind",
    context: [{ role: "user", content: "My flight was cancelled and I missed my sister's wedding." }, { role: "assistant", content: "I'm so sorry. Let me look at the fare rules." }],
  },
];
const sampleMessages = ["What's your favourite colour?", "Tell me a joke."];

beforeAll(async () => {
  proxy = await startSimulatorProxy({ onRequest: record });
  owner = await signUpWithWorkspace({ name: "Sam Samples" });
  providerId = expectOk(ops.createProvider, await owner.api.post(`${wsPath(owner.workspaceId)}/providers`, { name: "Watched", baseUrl: `${proxy.origin}/v1`, defaultModel: "persona-sim-1" })).id;
});

afterAll(async () => {
  await proxy.close();
});

async function versionWith(name: string, spec: Parameters<typeof buildSpec>[0]) {
  const persona = await createPersona(owner, { name, spec: buildSpec({ name, ...spec }) });
  await saveVersion(owner, persona.id, persona.revision, "first");
  return `${personaPath(owner.workspaceId, persona.id)}/versions/1/samples`;
}

describe("sample recording", () => {
  it("answers the version's scenarios, each after its context turns, instead of the sample messages", async () => {
    sent.length = 0;
    const path = await versionWith("Refund desk", { sampleMessages, scenarios });
    const rec = expectOk(ops.recordSamples, await owner.api.post(path, { providerId }));
    expect(rec.answers.map((a) => a.message)).toEqual(scenarios.map((s) => s.message));
    expect(rec.answers.every((a) => a.error === null && a.answer)).toBe(true);

    expect(sent).toHaveLength(2);
    const last = (m: Message[]) => m[m.length - 1].content;
    expect(sent.map(last).sort()).toEqual(scenarios.map((s) => s.message).sort());
    const twice = sent.find((m) => last(m) === scenarios[1].message)!;
    expect(twice.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
    expect(twice.slice(1, 3)).toEqual(scenarios[1].context);
    expect(sent.find((m) => last(m) === scenarios[0].message)!.map((m) => m.role)).toEqual(["system", "user"]);
    // The note is for the designer: never sent; the sample messages are not asked beside the scenarios.
    expect(JSON.stringify(sent)).not.toContain("Stays firm");
    for (const m of sampleMessages) expect(JSON.stringify(sent)).not.toContain(m);
  });

  it("falls back to the sample messages without scenarios, and says what is missing with neither", async () => {
    sent.length = 0;
    const path = await versionWith("Plain", { sampleMessages, scenarios: [] });
    const rec = expectOk(ops.recordSamples, await owner.api.post(path, { providerId }));
    expect(rec.answers.map((a) => a.message)).toEqual(sampleMessages);
    expect(sent.map((m) => m.map((x) => x.role))).toEqual([["system", "user"], ["system", "user"]]);

    const empty = await versionWith("Empty", { sampleMessages: [], scenarios: [] });
    const err = expectError(await owner.api.post(empty, { providerId }), 422, "number");
    expect(err.message).toMatch(/no scenarios or sample messages/);
  });
});
