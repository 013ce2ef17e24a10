import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { DELETED_PROVIDER_LABEL } from "@/lib/schemas/provider";
import { expectOk } from "@/tests/factories/api";
import { buildSpec, createPersona, personaPath, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Issue 16 §8: a person reads a provider's name, never its database id — in a
// variant comparison, the run list and a run's detail; a provider deleted after
// it answered reads "deleted provider".

let owner: Member;
let personaId: string;
let providerId: string;
let batchId: string;
let panelId: string;
const p = () => personaPath(owner.workspaceId, personaId);

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Nina" });
  const persona = await createPersona(owner, {
    name: "Desk Nina",
    spec: buildSpec({ name: "Desk Nina", archetype: "a veteran ER triage nurse", traitTargets: { empathetic: 90 } }),
  });
  personaId = persona.id;
  const created = await owner.api.post(`${wsPath(owner.workspaceId)}/providers`, { name: "Team Llama", preset: "custom", baseUrl: "http://127.0.0.1:9/v1", defaultModel: "llama-3-8b" });
  providerId = expectOk(ops.createProvider, created).id;
  const variant = expectOk(ops.createVariant, await owner.api.post(`${p()}/variants`, { name: "Type only", from: "character_type" }));
  const res = expectOk(ops.probeVariants, await owner.api.post(`${p()}/variant-probes`, {
    variantIds: [variant.id], includeDraft: true, traits: ["empathetic"], budgetPerTrait: 12, targetProviderId: providerId, targetModel: "llama-3-8b",
  }));
  batchId = res.batchId;
  const panel = expectOk(ops.createPanel, await owner.api.post(`${wsPath(owner.workspaceId)}/panels`, {
    name: "Board", spec: { members: [{ key: "nina", personaId, version: "latest" }], plans: { single: { seats: { nina: { providerId, model: "llama-3-8b" } } } } },
  }));
  panelId = panel.id;
  expect(panel.members.map((m) => m.seatLabel)).toEqual(["Team Llama · llama-3-8b"]);
});

describe("provider names", () => {
  it("a variant comparison and the run list name the provider and model, not the provider's id", async () => {
    const batchRes = await owner.api.get(`${p()}/variant-probes/${batchId}`);
    const batch = expectOk(ops.getVariantBatch, batchRes);
    expect(batch.runs.map((r) => [r.target.label, r.target.model])).toEqual([["Team Llama", "llama-3-8b"], ["Team Llama", "llama-3-8b"]]);
    // The id stays as a field a program reads (providerId), never as the label a person reads.
    expect(batch.runs.every((r) => r.target.providerId === providerId && r.target.label !== providerId)).toBe(true);
    const runs = expectOk(ops.listProbeRuns, await owner.api.get(`${p()}/probe-runs`));
    expect(runs.filter((r) => r.batchId === batchId).map((r) => r.target.label)).toEqual(["Team Llama", "Team Llama"]);
  });

  it("a provider deleted after it was used reads 'deleted provider'", async () => {
    expect((await owner.api.delete(`${wsPath(owner.workspaceId)}/providers/${providerId}`)).status).toBeLessThan(300);
    const batch = expectOk(ops.getVariantBatch, await owner.api.get(`${p()}/variant-probes/${batchId}`));
    expect(batch.runs.map((r) => r.target.label)).toEqual([DELETED_PROVIDER_LABEL, DELETED_PROVIDER_LABEL]);
    const runs = expectOk(ops.listProbeRuns, await owner.api.get(`${p()}/probe-runs`));
    const mine = runs.filter((r) => r.batchId === batchId);
    expect(mine.map((r) => r.target.label)).toEqual([DELETED_PROVIDER_LABEL, DELETED_PROVIDER_LABEL]);
    const detail = expectOk(ops.getProbeRun, await owner.api.get(`${wsPath(owner.workspaceId)}/probe-runs/${mine[0].id}`));
    expect([detail.target.label, detail.target.model]).toEqual([DELETED_PROVIDER_LABEL, "llama-3-8b"]);
    // A panel member seated on it.
    const panel = expectOk(ops.getPanel, await owner.api.get(`${wsPath(owner.workspaceId)}/panels/${panelId}`));
    expect(panel.members.map((m) => m.seatLabel)).toEqual([`${DELETED_PROVIDER_LABEL} · llama-3-8b`]);
  });
});
