import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { DEFAULT_SAMPLE_MESSAGES } from "@/lib/schemas/persona";
import { SIMULATOR_LABEL } from "@/lib/schemas/provider";
import { api, expectError, expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { buildSpec, createPersona, personaPath, saveVersion, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Issue 16 §8: a shared page never opens on an unexplained empty "Sample
// answers". Before a link is made the dialog learns what the page would show
// (GET …/shares/samples); a link made with recordSamples first records the
// version's answers on the workspace's default provider — or, when that is
// impossible, says why and makes no link.

const anonymous = api(null);
let owner: Member;

async function persona(name: string, spec = buildSpec({ name })) {
  const created = await createPersona(owner, { name, spec });
  await saveVersion(owner, created.id, created.revision, "first cut");
  return created.id;
}
const sharesOf = (personaId: string) => `${personaPath(owner.workspaceId, personaId)}/shares`;
const plan = async (personaId: string, version: string | number = "latest") =>
  expectOk(ops.shareSamplesPlan, await owner.api.get(`${sharesOf(personaId)}/samples?version=${version}`));
const recordings = (personaId: string) => db.sampleAnswer.groupBy({ by: ["recordingId"], where: { personaId } });

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Sam" });
});

describe("sharing a version without sample answers", () => {
  it("the plan says nothing is recorded yet, how many messages a recording answers, where and at what cost", async () => {
    const id = await persona("Nurse Ada");
    const p = await plan(id);
    expect(p).toMatchObject({ version: 1, recorded: null, messages: DEFAULT_SAMPLE_MESSAGES.length, source: "samples" });
    expect(p.provider).toEqual({ name: SIMULATOR_LABEL, model: "persona-sim-1", simulated: true });
    expect(p.estimatedCostUsd).toBe(0);
    expectError(await owner.api.get(`${sharesOf(id)}/samples?version=7`), 422, "version");
  });

  it("recordSamples records them on the workspace's provider before the link is made; the shared page shows them", async () => {
    const id = await persona("Nurse Bea");
    const created = expectOk(ops.createShare, await owner.api.post(sharesOf(id), { label: "Leads", recordSamples: true }));
    const bundle = expectOk(ops.openShare, await anonymous.get(`/api/share/${created.token}`));
    expect(bundle.samples?.answers.map((a) => a.message)).toEqual([...DEFAULT_SAMPLE_MESSAGES]);
    expect(bundle.samples?.answers.every((a) => a.answer && a.answer.length > 0)).toBe(true);
    expect(bundle.samples?.simulated).toBe(true);
    expect(bundle.samplesMissing).toBeNull();
    const p = await plan(id);
    expect(p.recorded).toMatchObject({ answers: DEFAULT_SAMPLE_MESSAGES.length, createdBy: "Sam" });

    // A second link records nothing new: the version has its answers.
    expectOk(ops.createShare, await owner.api.post(sharesOf(id), { recordSamples: true }));
    expect(await recordings(id)).toHaveLength(1);
  });

  it("without recordSamples the shared page says the answers were not recorded", async () => {
    const id = await persona("Nurse Cy");
    const created = expectOk(ops.createShare, await owner.api.post(sharesOf(id), {}));
    const bundle = expectOk(ops.openShare, await anonymous.get(`/api/share/${created.token}`));
    expect([bundle.samples, bundle.samplesMissing]).toEqual([null, "not_recorded"]);
    expect(await recordings(id)).toHaveLength(0);
  });

  it("a version with nothing to answer is refused with the reason on recordSamples, and no link is made", async () => {
    const id = await persona("Nurse Dee", buildSpec({ name: "Nurse Dee", sampleMessages: [], scenarios: [] }));
    expect(await plan(id)).toMatchObject({ messages: 0, recorded: null });
    const error = expectError(await owner.api.post(sharesOf(id), { recordSamples: true }), 422, "recordSamples");
    expect(error.message).toMatch(/no scenarios or sample messages/);
    expect(expectOk(ops.listShares, await owner.api.get(sharesOf(id)))).toHaveLength(0);
    // Made without recording, its page says why there are none.
    const created = expectOk(ops.createShare, await owner.api.post(sharesOf(id), {}));
    expect(expectOk(ops.openShare, await anonymous.get(`/api/share/${created.token}`)).samplesMissing).toBe("nothing_to_answer");
  });

  it("a provider that fails every answer: 502 naming the provider, nothing stored, no link", async () => {
    const id = await persona("Nurse Eve");
    const provider = expectOk(ops.createProvider, await owner.api.post(`${wsPath(owner.workspaceId)}/providers`, {
      name: "Broken Llama", preset: "custom", baseUrl: "http://127.0.0.1:9/v1", apiKey: "sk-test-NEVER-SHOWN-123456", defaultModel: "llama-x",
    }));
    expectOk(ops.setDefaultProvider, await owner.api.send("PUT", `${wsPath(owner.workspaceId)}/providers/default`, { body: { providerId: provider.id, model: "llama-x" } }));
    const p = await plan(id);
    expect(p.provider).toEqual({ name: "Broken Llama", model: "llama-x", simulated: false });
    expect(p.estimatedCostUsd).toBeNull();
    const res = await owner.api.post(sharesOf(id), { recordSamples: true });
    const error = expectError(res, 502, "recordSamples");
    expect(error.message).toMatch(/No sample answer could be recorded on Broken Llama · llama-x/);
    expect(JSON.stringify(res.body)).not.toContain("NEVER-SHOWN");
    expect(await recordings(id)).toHaveLength(0);
    expect(expectOk(ops.listShares, await owner.api.get(sharesOf(id)))).toHaveLength(0);
  }, 60_000);
});
