import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { claimRun, processRun } from "@/lib/jobs/probe-worker";
import { SimulatorProvider } from "@/lib/llm/simulator/provider";
import { mulberry32 } from "@/lib/math/random";
import { expectError, expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { addTeammate, buildSpec, createPersona, personaPath, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// A/B in one action: variants are probed on the same model, items, settings and
// seed, judged against the persona's own targets; the one clearly closer than
// every other (paired by item, Holm, 99%, ≥ 2 points) wins, otherwise "no clear
// winner". In the simulator's world the character type that holds empathetic +
// firm (the compiled ER triage nurse) lands closer than the compiled trait list,
// which lands closer than two hand-written adjectives ("kind but firm"). The
// compiled ones said "always" and land inside that instruction's window, so only
// the hand-written prompt, judged against the number, gets a pair flag.

let owner: Member;
let personaId: string;
const p = () => personaPath(owner.workspaceId, personaId);

async function runAll(batchId: string) {
  const sim = new SimulatorProvider();
  const runs = await db.probeRun.findMany({ where: { batchId } });
  for (const run of runs) {
    expect(await claimRun(run.id, "variant-worker")).toBe(true);
    await processRun(run.id, {
      workerId: "variant-worker", sleep: async () => {}, rng: mulberry32(9),
      resolve: async (_w, _p, model) => ({ provider: sim, providerId: "simulator", model, simulated: true, endpoint: "simulator" }),
    });
  }
}

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Vera" });
  const persona = await createPersona(owner, {
    name: "Desk Dana",
    spec: buildSpec({ name: "Desk Dana", archetype: "a veteran ER triage nurse", background: "", values: [], boundaries: [], traitTargets: { empathetic: 95, firm: 95 } }),
  });
  personaId = persona.id;
});

describe("variants", () => {
  it("start from the draft as is, as a character type only, or as a trait list only", async () => {
    const typeOnly = expectOk(ops.createVariant, await owner.api.post(`${p()}/variants`, { name: "Type only", from: "character_type" }));
    expect(typeOnly.spec.traitTargets).toEqual({});
    expect(typeOnly.compiledPrompt).toContain("veteran ER triage nurse");
    const list = expectOk(ops.createVariant, await owner.api.post(`${p()}/variants`, { name: "Trait list", from: "trait_list" }));
    expect(list.spec.archetype).toBe("");
    expect(list.spec.traitTargets).toEqual({ empathetic: 95, firm: 95 });
    expectError(await owner.api.post(`${p()}/variants`, { name: "Trait list" }), 409, "name");
    const listed = expectOk(ops.listVariants, await owner.api.get(`${p()}/variants`));
    expect(listed.map((v) => v.name)).toEqual(["Type only", "Trait list"]);
  });

  it("keep both texts safe: a stale edit gets 409 with the current variant", async () => {
    const v = expectOk(ops.createVariant, await owner.api.post(`${p()}/variants`, { name: "Scratch" }));
    const edited = expectOk(ops.updateVariant, await owner.api.patch(`${wsPath(owner.workspaceId)}/variants/${v.id}`, { revision: v.revision, spec: { ...v.spec, background: "Night shifts." } }));
    expect(edited.revision).toBe(v.revision + 1);
    const stale = expectError(await owner.api.patch(`${wsPath(owner.workspaceId)}/variants/${v.id}`, { revision: v.revision, spec: { ...v.spec, background: "Days." } }), 409);
    expect((stale.details as { current: { spec: { background: string } } }).current.spec.background).toBe("Night shifts.");
    const viewer = await addTeammate(owner, "viewer");
    expectError(await viewer.api.patch(`${wsPath(owner.workspaceId)}/variants/${v.id}`, { revision: edited.revision, name: "Mine" }), 403);
    expectOk(ops.deleteVariant, await owner.api.delete(`${wsPath(owner.workspaceId)}/variants/${v.id}`));
    expectError(await owner.api.get(`${wsPath(owner.workspaceId)}/variants/${v.id}`), 404);
  });

  it("are probed in one action on the same items and settings; the character type holding both traits lands closer than every other", async () => {
    const variants = expectOk(ops.listVariants, await owner.api.get(`${p()}/variants`));
    const list = variants.find((v) => v.name === "Trait list")!;
    const created = expectOk(ops.createVariant, await owner.api.post(`${p()}/variants`, { name: "Kind but firm", from: "trait_list" }));
    const handWritten = expectOk(ops.updateVariant, await owner.api.patch(`${wsPath(owner.workspaceId)}/variants/${created.id}`, {
      revision: created.revision, spec: { ...created.spec, promptOverride: "You are Dana. You are kind but firm with the people you help." },
    }));
    expect(handWritten.compiledPrompt).toBe("You are Dana. You are kind but firm with the people you help.");
    const res = expectOk(ops.probeVariants, await owner.api.post(`${p()}/variant-probes`, { variantIds: [list.id, handWritten.id], includeDraft: true, traits: ["empathetic", "firm"], budgetPerTrait: 24 }));
    expect(res.runs).toHaveLength(3);
    expect(new Set(res.runs.map((r) => JSON.stringify([r.config, r.watched, r.targets, r.target.model]))).size).toBe(1);
    expect(res.runs.map((r) => r.variant?.name ?? "draft")).toEqual(["draft", "Trait list", "Kind but firm"]);

    const partial = expectOk(ops.getVariantBatch, await owner.api.get(`${p()}/variant-probes/${res.batchId}`));
    expect(partial.final).toBe(false);
    expect(partial.winner).toBeNull();

    await runAll(res.batchId);
    const batch = expectOk(ops.getVariantBatch, await owner.api.get(`${p()}/variant-probes/${res.batchId}`));
    expect(batch.final).toBe(true);
    expect(batch.targets).toEqual({ empathetic: 95, firm: 95 });
    const [first, second, third] = batch.standings;
    expect(first.name).toBe("Current draft"); // triage nurse + targets
    expect(second.name).toBe("Trait list");
    expect(third.name).toBe("Kind but firm");
    expect(batch.winner).toBe(first.runId);
    expect(first.distance!).toBeLessThan(second.distance!);
    expect(second.distance!).toBeLessThan(third.distance!);
    // Decided on the paired intervals: the winner is clearly closer than EACH rival; the margin is over the closest one.
    expect(batch.verdict).toMatchObject({ state: "winner", margin: { rival: second.runId } });
    expect(batch.verdict.margin!.lo).toBeGreaterThan(0);
    expect(batch.verdict.margin!.estimate).toBeGreaterThanOrEqual(2);
    expect(batch.verdict.reason).toMatch(/^“Current draft” lands closer than every other contender: by \d+\.\d points of mean distance \(99% interval \d+\.\d to \d+\.\d against “Trait list”, the closest rival\)/);
    expect(batch.comparisons).toHaveLength(3);
    for (const c of batch.comparisons.filter((x) => x.a === first.runId || x.b === first.runId)) {
      expect(c.winner).toBe(first.runId);
      expect(c.items).toBeGreaterThanOrEqual(24); // both traits' items, each shared by the two runs
    }
    expect(first.meanGap!).toBeLessThan(second.meanGap!);
    expect(first.inTopGroup && !second.inTopGroup && !third.inTopGroup).toBe(true);
    // The compiled ones said "always" and land inside that window: no flag. The hand-written adjectives are
    // judged against 95 itself and both land short: the pull-apart flag.
    expect([first.flags, second.flags]).toEqual([0, 0]);
    expect(third.flags).toBeGreaterThan(0);
    const [listRun, handRun] = [second.runId, third.runId].map((id) => batch.runs.find((r) => r.id === id)!);
    expect(listRun.report.flags).toEqual([]);
    expect(handRun.report.flags.map((f) => f.id)).toContain("compromise:empathetic+firm");
    expect(Object.keys(first.deltas).sort()).toEqual(["empathetic", "firm"]);
    expect(batch.runs).toHaveLength(3);

    // What these runs measured now shows beside the library's expectation in the editor.
    const measured = expectOk(ops.measuredCorrelations, await owner.api.get(`${wsPath(owner.workspaceId)}/measured-correlations`, { traits: "empathetic,firm" }));
    expect(measured.pairs).toHaveLength(1);
    expect(measured.pairs[0]).toMatchObject({ a: "empathetic", b: "firm", expected: "tension" });
    expect(measured.pairs[0].measured).toEqual([expect.objectContaining({ simulated: true, runs: 3 })]);
    expect(measured.pairs[0].measured[0].n).toBeGreaterThan(20);
    expectError(await owner.api.get(`${wsPath(owner.workspaceId)}/measured-correlations`, { traits: "empathetic" }), 422, "traits");
  });

  it("that behave the same are called 'no clear winner', with the reason, never a winner from point estimates", async () => {
    // The draft under another name: a different prompt text, the same character and targets.
    const renamed = expectOk(ops.createVariant, await owner.api.post(`${p()}/variants`, { name: "Renamed" }));
    expectOk(ops.updateVariant, await owner.api.patch(`${wsPath(owner.workspaceId)}/variants/${renamed.id}`, { revision: renamed.revision, spec: { ...renamed.spec, name: "Dana Desk" } }));
    const res = expectOk(ops.probeVariants, await owner.api.post(`${p()}/variant-probes`, { variantIds: [renamed.id], includeDraft: true, traits: ["empathetic", "firm"], budgetPerTrait: 24 }));
    const pending = expectOk(ops.getVariantBatch, await owner.api.get(`${p()}/variant-probes/${res.batchId}`));
    expect(pending.verdict.state).toBe("pending");
    await runAll(res.batchId);
    const batch = expectOk(ops.getVariantBatch, await owner.api.get(`${p()}/variant-probes/${res.batchId}`));
    expect(batch.final).toBe(true);
    expect(batch.winner).toBeNull();
    expect(batch.verdict).toMatchObject({ state: "no clear winner", margin: null });
    expect(batch.verdict.reason).toMatch(/^No clear winner: .*99% interval/);
    expect(batch.verdict.topGroup).toHaveLength(2);
    const [pair] = batch.comparisons;
    expect(pair.winner).toBeNull();
    expect(pair.items).toBeGreaterThan(10);
    expect(pair.lo!).toBeLessThanOrEqual(pair.difference!);
    expect(batch.standings.every((s) => s.inTopGroup)).toBe(true);
  });

  it("are read-only while the persona is archived", async () => {
    const shelved = await createPersona(owner, { name: "Shelved", spec: buildSpec({ name: "Shelved", traitTargets: { warm: 80 } }) });
    const v = expectOk(ops.createVariant, await owner.api.post(`${personaPath(owner.workspaceId, shelved.id)}/variants`, { name: "A" }));
    expectOk(ops.archivePersona, await owner.api.post(`${personaPath(owner.workspaceId, shelved.id)}/archive`, { archived: true }));
    expectError(await owner.api.post(`${personaPath(owner.workspaceId, shelved.id)}/variants`, { name: "B" }), 409);
    expectError(await owner.api.patch(`${wsPath(owner.workspaceId)}/variants/${v.id}`, { revision: v.revision, name: "C" }), 409);
    expectError(await owner.api.post(`${personaPath(owner.workspaceId, shelved.id)}/variant-probes`, { variantIds: [v.id], includeDraft: true }), 409);
    expectOk(ops.getVariant, await owner.api.get(`${wsPath(owner.workspaceId)}/variants/${v.id}`));
  });

  it("need targets to compare against, and at least two contenders", async () => {
    const bare = await createPersona(owner, { name: "No targets", spec: buildSpec({ name: "No targets", traitTargets: {} }) });
    const v = expectOk(ops.createVariant, await owner.api.post(`${personaPath(owner.workspaceId, bare.id)}/variants`, { name: "A" }));
    expectError(await owner.api.post(`${personaPath(owner.workspaceId, bare.id)}/variant-probes`, { variantIds: [v.id], includeDraft: true }), 422, "targetsFrom");
    expectError(await owner.api.post(`${p()}/variant-probes`, { variantIds: [v.id], includeDraft: true }), 422, "variantIds");
  });
});
