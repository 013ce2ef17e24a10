import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { claimRun, processRun } from "@/lib/jobs/probe-worker";
import { SimulatorProvider } from "@/lib/llm/simulator/provider";
import { mulberry32 } from "@/lib/math/random";
import { expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { buildSpec, createPersona, personaPath, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// The variant standings count open flags only, like the report's counts line: a
// flag acknowledged as expected for this persona is counted apart
// (acknowledgedFlags). In the simulator's world two hand-written adjectives
// ("kind but firm") judged against 95 land short of both: the pull-apart flag.

let owner: Member;
let personaId: string;
const p = () => personaPath(owner.workspaceId, personaId);

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Vic" });
  const persona = await createPersona(owner, {
    name: "Desk Dana",
    spec: buildSpec({ name: "Desk Dana", archetype: "a veteran ER triage nurse", background: "", values: [], boundaries: [], traitTargets: { empathetic: 95, firm: 95 } }),
  });
  personaId = persona.id;
});

describe("variant standings", () => {
  it("count open flags only; acknowledged ones are counted apart", async () => {
    const created = expectOk(ops.createVariant, await owner.api.post(`${p()}/variants`, { name: "Kind but firm", from: "trait_list" }));
    const hand = expectOk(ops.updateVariant, await owner.api.patch(`${wsPath(owner.workspaceId)}/variants/${created.id}`, {
      revision: created.revision, spec: { ...created.spec, promptOverride: "You are Dana. You are kind but firm with the people you help." },
    }));
    const res = expectOk(ops.probeVariants, await owner.api.post(`${p()}/variant-probes`, { variantIds: [hand.id], includeDraft: true, traits: ["empathetic", "firm"], budgetPerTrait: 24 }));
    const sim = new SimulatorProvider();
    for (const run of await db.probeRun.findMany({ where: { batchId: res.batchId } })) {
      expect(await claimRun(run.id, "flags-worker")).toBe(true);
      await processRun(run.id, {
        workerId: "flags-worker", sleep: async () => {}, rng: mulberry32(9),
        resolve: async (_w, _p, model) => ({ provider: sim, providerId: "simulator", model, simulated: true, endpoint: "simulator" }),
      });
    }
    const batch = () => owner.api.get(`${p()}/variant-probes/${res.batchId}`).then((r) => expectOk(ops.getVariantBatch, r));
    const before = await batch();
    const standing = (b: typeof before) => b.standings.find((s) => s.variantId === hand.id)!;
    const flags = before.runs.find((r) => r.id === standing(before).runId)!.report.flags;
    const open = flags.filter((f) => !f.expected);
    expect(open.map((f) => f.id)).toContain("compromise:empathetic+firm");
    expect(standing(before)).toMatchObject({ flags: open.length, acknowledgedFlags: 0 });

    expectOk(ops.acknowledgeFlag, await owner.api.post(`${p()}/acknowledgements`, { flagId: "compromise:empathetic+firm", reason: "Kind and firm settle in between" }));
    const after = await batch();
    const run = after.runs.find((r) => r.id === standing(after).runId)!;
    expect(run.report.flags.find((f) => f.id === "compromise:empathetic+firm")!.acknowledged).toBeTruthy();
    expect(standing(after)).toMatchObject({ flags: open.length - 1, acknowledgedFlags: 1 });
  });
});
