import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { simulateChat } from "@/lib/llm/simulator/engine";
import { compilePersona } from "@/lib/persona/compile";
import { conflictDetailsSchema } from "@/lib/schemas/persona-api";
import type { PreviewEvent } from "@/lib/schemas/preview";
import { expectError, expectOk } from "@/tests/factories/api";
import {
  addTeammate, buildSpec, createPersona, personaPath, saveDraft, saveVersion, signUpWithWorkspace, wsPath, type Member,
} from "@/tests/factories/personas";

// The persona's own test set: imported into the draft, frozen by versions,
// answered by the live preview after its context turns.

let olive: Member;
let other: Member;

beforeAll(async () => {
  olive = await signUpWithWorkspace({ name: "Olive" });
  other = await signUpWithWorkspace({ name: "Otto" });
});

const CSV = [
  "message,note,context",
  '"I bought this 45 days ago. Refund me, now.","Names the 30-day policy, offers store credit","user: Hi\nassistant: Hello, how can I help?"',
  "Can I get an exception just this once?,Holds the line kindly,",
].join("\r\n");

const importPath = (m: Member, personaId: string) => `${personaPath(m.workspaceId, personaId)}/scenarios/import`;

async function refundPersona(m: Member) {
  return createPersona(m, { name: "Refund desk", spec: buildSpec({ name: "Refund desk", archetype: "a support agent, firm about the refund policy" }) });
}

describe("importing scenarios into the draft", () => {
  it("appends a CSV, then replaces with JSONL, through the autosave's revision", async () => {
    const persona = await refundPersona(olive);
    const first = expectOk(ops.importScenarios, await olive.api.post(importPath(olive, persona.id), { format: "csv", text: CSV, revision: persona.revision, mode: "append" }));
    expect(first.imported).toBe(2);
    expect(first.persona.revision).toBe(persona.revision + 1);
    expect(first.persona.spec.scenarios.map((s) => s.message)).toEqual(["I bought this 45 days ago. Refund me, now.", "Can I get an exception just this once?"]);
    expect(first.persona.spec.scenarios[0]).toMatchObject({
      note: "Names the 30-day policy, offers store credit",
      context: [{ role: "user", content: "Hi" }, { role: "assistant", content: "Hello, how can I help?" }],
    });
    // Scenarios never reach the prompt.
    expect(first.persona.compiledPrompt).toBe(persona.compiledPrompt);

    const again = expectOk(ops.importScenarios, await olive.api.post(importPath(olive, persona.id), { format: "csv", text: CSV, revision: first.persona.revision }));
    expect(again.persona.spec.scenarios).toHaveLength(4);
    expect(new Set(again.persona.spec.scenarios.map((s) => s.id)).size).toBe(4);

    const jsonl = `${JSON.stringify({ vars: { message: "My renewal charged me twice!" }, description: "Apologises, fixes the double charge" })}\n`;
    const replaced = expectOk(ops.importScenarios, await olive.api.post(importPath(olive, persona.id), { format: "jsonl", text: jsonl, revision: again.persona.revision, mode: "replace" }));
    expect(replaced.persona.spec.scenarios.map((s) => [s.message, s.note])).toEqual([["My renewal charged me twice!", "Apologises, fixes the double charge"]]);

    const stored = expectOk(ops.getPersona, await olive.api.get(personaPath(olive.workspaceId, persona.id)));
    expect(stored.spec.scenarios).toEqual(replaced.persona.spec.scenarios);
  });

  it("rejects a stale revision with 409 and the current draft, importing nothing", async () => {
    const persona = await refundPersona(olive);
    await saveDraft(olive, persona.id, persona.revision, { ...persona.spec, background: "Someone else's edit" });
    const error = expectError(await olive.api.post(importPath(olive, persona.id), { format: "csv", text: CSV, revision: persona.revision }), 409, "revision");
    expect(conflictDetailsSchema.parse(error.details).current.spec.background).toBe("Someone else's edit");
    const stored = expectOk(ops.getPersona, await olive.api.get(personaPath(olive.workspaceId, persona.id)));
    expect(stored.spec.scenarios).toEqual([]);
  });

  it("names the bad lines in a 422 and imports nothing", async () => {
    const persona = await refundPersona(olive);
    const text = ["message,context", "fine,", '"",', 'ok,"no roles here"'].join("\n");
    const error = expectError(await olive.api.post(importPath(olive, persona.id), { format: "csv", text, revision: persona.revision }), 422, "text");
    expect(error.message).toMatch(/^text: line 3 \(message\): .*\(and 1 more\); nothing was imported$/);
    expect(error.details).toEqual({ errors: [expect.objectContaining({ line: 3, field: "message" }), expect.objectContaining({ line: 4, field: "context" })] });
    const stored = expectOk(ops.getPersona, await olive.api.get(personaPath(olive.workspaceId, persona.id)));
    expect(stored.revision).toBe(persona.revision);
  });

  it("imports checks from CSV columns and JSONL, and names a bad regex with its line", async () => {
    const persona = await refundPersona(olive);
    const csv = "message,contains,max_length,asks_question\nRefund me,30-day;store credit,600,yes\n";
    const done = expectOk(ops.importScenarios, await olive.api.post(importPath(olive, persona.id), { format: "csv", text: csv, revision: persona.revision }));
    expect(done.persona.spec.scenarios[0].checks?.map((c) => c.type)).toEqual(["contains", "contains", "max_length", "asks_question"]);
    const jsonl = [
      JSON.stringify({ message: "ok", checks: [{ type: "contains", value: "sorry", label: "apologises" }] }),
      JSON.stringify({ message: "bad", checks: [{ type: "regex", value: "([a-z]" }] }),
    ].join("\n");
    const error = expectError(await olive.api.post(importPath(olive, persona.id), { format: "jsonl", text: jsonl, revision: done.persona.revision }), 422, "text");
    expect(error.message).toMatch(/line 2 \(checks\.0\.value\): Not a valid regular expression/);
    const stored = expectOk(ops.getPersona, await olive.api.get(personaPath(olive.workspaceId, persona.id)));
    expect(stored.spec.scenarios).toEqual(done.persona.spec.scenarios);
  });

  it("keeps the 100-scenario limit across appends", async () => {
    const persona = await refundPersona(olive);
    const rows = (n: number, tag: string) => ["message", ...Array.from({ length: n }, (_, i) => `${tag} ${i}`)].join("\n");
    const full = expectOk(ops.importScenarios, await olive.api.post(importPath(olive, persona.id), { format: "csv", text: rows(99, "a"), revision: persona.revision }));
    const error = expectError(await olive.api.post(importPath(olive, persona.id), { format: "csv", text: rows(2, "b"), revision: full.persona.revision }), 422, "text");
    expect(error.message).toContain("room for 1 more");
  });

  it("is for editors of the persona's own workspace: viewers are refused, other workspaces get not found", async () => {
    const persona = await refundPersona(olive);
    const viewer = await addTeammate(olive, "viewer", "Vic Viewer");
    expectError(await viewer.api.post(importPath(olive, persona.id), { format: "csv", text: CSV, revision: persona.revision }), 403);
    expectError(await other.api.post(`${personaPath(other.workspaceId, persona.id)}/scenarios/import`, { format: "csv", text: CSV, revision: persona.revision }), 404);
    expectError(await other.api.post(importPath(olive, persona.id), { format: "csv", text: CSV, revision: persona.revision }), 404);
  });

  it("names the scenario at fault when an autosave carries a bad one", async () => {
    const persona = await refundPersona(olive);
    const scenarios = [{ id: "a", message: "ok" }, { id: "b", message: "ok" }, { id: "c", message: "ok" }, { id: "d", message: "" }];
    expectError(await olive.api.patch(personaPath(olive.workspaceId, persona.id), { revision: persona.revision, spec: { ...persona.spec, scenarios } }), 422, "spec.scenarios.3.message");
  });
});

describe("versions freeze their scenarios", () => {
  it("keeps a version's scenarios after the draft's change", async () => {
    const persona = await refundPersona(olive);
    const imported = expectOk(ops.importScenarios, await olive.api.post(importPath(olive, persona.id), { format: "csv", text: CSV, revision: persona.revision }));
    const v1 = await saveVersion(olive, persona.id, imported.persona.revision, "With scenarios");
    const draft = expectOk(ops.getPersona, await olive.api.get(personaPath(olive.workspaceId, persona.id)));
    await saveDraft(olive, persona.id, draft.revision, { ...draft.spec, scenarios: [{ id: "x", message: "Something else entirely" }] });

    const frozen = expectOk(ops.getVersion, await olive.api.get(`${personaPath(olive.workspaceId, persona.id)}/versions/${v1.number}`));
    expect(frozen.spec.scenarios).toEqual(imported.persona.spec.scenarios);
    const now = expectOk(ops.getPersona, await olive.api.get(personaPath(olive.workspaceId, persona.id)));
    expect(now.spec.scenarios.map((s) => s.message)).toEqual(["Something else entirely"]);
    expect(now.dirty).toBe(true);
  });
});

describe("the live preview answers a scenario after its context turns", () => {
  it("sends the context turns to the model before the message", async () => {
    const spec = buildSpec({ name: "Refund desk" });
    const context = [
      { role: "user" as const, content: "I want my money back." },
      { role: "assistant" as const, content: "I can help. When did you buy it?" },
    ];
    const message = "45 days ago, and I want an exception.";
    const res = await olive.api.post(`${wsPath(olive.workspaceId)}/preview`, { source: { kind: "spec", spec }, message, context, seed: 5, temperature: 0.7 });
    const es = expectOk(ops.preview, res) as PreviewEvent[];
    const text = es.map((e) => (e.type === "delta" ? e.text : "")).join("");
    const system = { role: "system" as const, content: compilePersona(spec).prompt };
    const withContext = simulateChat({ model: "persona-sim-1", temperature: 0.7, seed: 5, messages: [system, ...context, { role: "user", content: message }] });
    const without = simulateChat({ model: "persona-sim-1", temperature: 0.7, seed: 5, messages: [system, { role: "user", content: message }] });
    expect(withContext.text).not.toBe(without.text);
    expect(text).toBe(withContext.text);
    const done = es.at(-1);
    if (done?.type !== "done") throw new Error("no done event");
    expect(done.usage.promptTokens).toBe(withContext.usage.promptTokens);
  });

  it("refuses more than six context turns or a system turn, naming the field", async () => {
    const spec = buildSpec();
    const seven = Array.from({ length: 7 }, () => ({ role: "user", content: "hi" }));
    expectError(await olive.api.post(`${wsPath(olive.workspaceId)}/preview`, { source: { kind: "spec", spec }, message: "Hi", context: seven }), 422, "context");
    expectError(await olive.api.post(`${wsPath(olive.workspaceId)}/preview`, { source: { kind: "spec", spec }, message: "Hi", context: [{ role: "system", content: "x" }] }), 422, "context.0.role");
  });
});

describe("drafting scenarios with the model", () => {
  const draftPath = (m: Member, personaId: string) => `${personaPath(m.workspaceId, personaId)}/scenarios/draft`;

  it("drafts from the draft's character type and boundaries, and stores nothing", async () => {
    const spec = buildSpec({
      name: "Refund desk", archetype: "a support agent who is firm about the refund policy",
      boundaries: ["never refund after 30 days", "never share another customer's order"],
      scenarios: [{ id: "s000001", message: "Existing one" }],
    });
    const persona = await createPersona(olive, { name: "Refund desk", spec });
    const res = expectOk(ops.draftScenarios, await olive.api.post(draftPath(olive, persona.id), { count: 9 }));
    expect(res).toMatchObject({ simulated: true, providerLabel: "Simulator — not a language model" });
    expect(res.scenarios).toHaveLength(9);
    const texts = res.scenarios.map((s) => `${s.message} ${s.note ?? ""}`).join("\n");
    expect(texts).toContain("refund after 30 days");
    expect(texts).toContain("share another customer's order");
    expect(texts).toContain("a support agent who is firm about the refund policy");
    // "asks twice": a refusal in the context before the message.
    expect(res.scenarios.some((s) => s.context?.some((t) => t.role === "assistant"))).toBe(true);
    const ids = res.scenarios.map((s) => s.id);
    expect(new Set([...ids, "s000001"]).size).toBe(10);

    const stored = expectOk(ops.getPersona, await olive.api.get(personaPath(olive.workspaceId, persona.id)));
    expect(stored.revision).toBe(persona.revision);
    expect(stored.spec.scenarios).toEqual(spec.scenarios);
  });

  it("asks for a character type first, is for editors, and is not found from another workspace", async () => {
    const blank = await createPersona(olive, { name: "Blank", spec: buildSpec({ archetype: "", background: "" }) });
    expectError(await olive.api.post(draftPath(olive, blank.id), {}), 422, "archetype");
    const persona = await refundPersona(olive);
    const reviewer = await addTeammate(olive, "reviewer", "Rita Reviewer");
    expectError(await reviewer.api.post(draftPath(olive, persona.id), {}), 403);
    expectError(await other.api.post(`${personaPath(other.workspaceId, persona.id)}/scenarios/draft`, {}), 404);
  });
});
