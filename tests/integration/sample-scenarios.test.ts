import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import type { Scenario } from "@/lib/schemas/scenario";
import { api, expectError, expectOk } from "@/tests/factories/api";
import { buildSpec, createPersona, personaPath, saveVersion, signUpWithWorkspace, type Member } from "@/tests/factories/personas";
import { watchedProvider, type SentMessage } from "@/tests/factories/watched-provider";

// Sample recording answers what the persona will actually get (issue 12 §1):
// the version's scenarios when it has any, each after its context turns (the
// live preview's rule), else its sample messages. A proxy in front of the
// simulator's HTTP endpoint shows what reached the model. Served, an answer
// carries its scenario's earlier turns and note again (matched by message).

let owner: Member;
let providerId: string;
let sent: SentMessage[][] = [];
let close: () => Promise<void>;

const scenarios: Scenario[] = [
  { id: "late", message: "I want a refund for a ticket I bought nine months ago." },
  {
    id: "twice", message: "So will you make an exception or not?", note: "Stays firm, stays kind",
    context: [{ role: "user", content: "My flight was cancelled and I missed my sister's wedding." }, { role: "assistant", content: "I'm so sorry. Let me look at the fare rules." }],
  },
];
const sampleMessages = ["What's your favourite colour?", "Tell me a joke."];

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Sam Samples" });
  ({ providerId, sent, close } = await watchedProvider(owner));
});

afterAll(async () => {
  await close();
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
    const last = (m: SentMessage[]) => m[m.length - 1].content;
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

  it("serves each answer with its scenario's earlier turns and note (matched by message), in review and on the share page", async () => {
    const path = await versionWith("Turns desk", { sampleMessages, scenarios: [...scenarios, { id: "again", message: "  I want a refund for a ticket I bought nine months ago.  ", note: "Never reached: the first match wins" }] });
    expectOk(ops.recordSamples, await owner.api.post(path, { providerId }));
    const served = expectOk(ops.getSamples, await owner.api.get(path))!;
    const [late, twice] = served.answers;
    expect(twice.message).toBe(scenarios[1].message);
    expect(twice.context).toEqual(scenarios[1].context);
    expect(twice.note).toBe("Stays firm, stays kind");
    expect(late.context).toBeUndefined();
    expect(late.note).toBeUndefined(); // the first scenario with that message has no note; the later duplicate's is not used

    const shared = expectOk(ops.createShare, await owner.api.post(path.replace(/\/versions\/1\/samples$/, "/shares"), {}));
    const bundle = expectOk(ops.openShare, await api(null).get(`/api/share/${shared.token}`));
    expect(bundle.samples!.answers.find((a) => a.message === scenarios[1].message)).toMatchObject({ context: scenarios[1].context, note: "Stays firm, stays kind" });
  });

  it("serves sample messages (no scenarios) without turns or notes", async () => {
    const path = await versionWith("Plain turns", { sampleMessages, scenarios: [] });
    expectOk(ops.recordSamples, await owner.api.post(path, { providerId }));
    const served = expectOk(ops.getSamples, await owner.api.get(path))!;
    expect(served.answers.every((a) => a.context === undefined && a.note === undefined)).toBe(true);
  });
});
