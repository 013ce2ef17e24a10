import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { claimRun, processRun } from "@/lib/jobs/probe-worker";
import { SimulatorProvider } from "@/lib/llm/simulator/provider";
import { mulberry32 } from "@/lib/math/random";
import { SCENARIO_TRAIT_KEY } from "@/lib/probing/scenario-landing";
import type { Scenario } from "@/lib/schemas/scenario";
import { expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { buildSpec, createPersona, personaPath, saveDraft, saveVersion, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Variant runs ask the persona's scenarios (issue 12 §2): every run of a batch
// the same ones, from the spec the targets come from (the draft or the version
// in `targetsFrom`), never a variant's own (possibly stale) copy.

let owner: Member;
let personaId: string;
const p = () => personaPath(owner.workspaceId, personaId);

const draftScenarios: Scenario[] = [
  { id: "late-refund", message: "I want a refund for a ticket I bought nine months ago." },
  {
    id: "twice", message: "So will you make an exception or not?",
    context: [{ role: "user", content: "My flight was cancelled." }, { role: "assistant", content: "I'm sorry. Let me check the fare rules." }],
  },
];
const versionScenarios: Scenario[] = [{ id: "renewal", message: "Why did my subscription renew without asking me?" }];

const frozen = (s: Scenario[]) => s.map(({ id, message, context }) => ({ id, message, ...(context ? { context } : {}) }));
const storedConfig = async (runId: string) => JSON.parse((await db.probeRun.findUniqueOrThrow({ where: { id: runId } })).config) as { scenarios: unknown[] };

async function runAll(batchId: string) {
  const sim = new SimulatorProvider();
  for (const run of await db.probeRun.findMany({ where: { batchId } })) {
    expect(await claimRun(run.id, "variant-scenario-worker")).toBe(true);
    await processRun(run.id, {
      workerId: "variant-scenario-worker", sleep: async () => {}, rng: mulberry32(3),
      resolve: async (_w, _p, model) => ({ provider: sim, providerId: "simulator", model, simulated: true, endpoint: "simulator" }),
    });
  }
}

let variantId: string;

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Vic Variant" });
  const persona = await createPersona(owner, {
    name: "Refund Rae",
    spec: buildSpec({ name: "Refund Rae", archetype: "a support agent", traitTargets: { warm: 70, firm: 85 }, scenarios: versionScenarios }),
  });
  personaId = persona.id;
  // v1 freezes the version's scenarios; the draft then moves on to others.
  await saveVersion(owner, persona.id, persona.revision, "first");
  const current = expectOk(ops.getPersona, await owner.api.get(p()));
  await saveDraft(owner, persona.id, current.revision, { ...current.spec, scenarios: draftScenarios });
  // A variant copied from the draft, whose own scenarios then drift: they must not be asked.
  const v = expectOk(ops.createVariant, await owner.api.post(`${p()}/variants`, { name: "Trait list", from: "trait_list" }));
  expectOk(ops.updateVariant, await owner.api.patch(`${wsPath(owner.workspaceId)}/variants/${v.id}`, {
    revision: v.revision, spec: { ...v.spec, scenarios: [{ id: "stale", message: "A scenario only this variant has." }] },
  }));
  variantId = v.id;
});

describe("variant runs and scenarios", () => {
  it("freeze the same scenarios in every run of the batch (the draft's), and ask them in each", async () => {
    const res = expectOk(ops.probeVariants, await owner.api.post(`${p()}/variant-probes`, {
      variantIds: [variantId], includeDraft: true, traits: ["warm", "firm"], budgetPerTrait: 8, retestShare: 0, tensionControls: false,
    }));
    expect(res.runs).toHaveLength(2);
    for (const run of res.runs) expect((await storedConfig(run.id)).scenarios).toEqual(frozen(draftScenarios));

    await runAll(res.batchId);
    for (const run of res.runs) {
      const rows = await db.probeAnswer.findMany({ where: { runId: run.id, traitKey: SCENARIO_TRAIT_KEY, kind: "persona" } });
      expect(new Set(rows.map((r) => r.message))).toEqual(new Set(draftScenarios.map((s) => s.message)));
    }
    const batch = expectOk(ops.getVariantBatch, await owner.api.get(`${p()}/variant-probes/${res.batchId}`));
    for (const run of batch.runs) {
      expect(run.report.scenarios).toEqual({ count: 2, answered: 2 });
      expect(run.report.scenarioRows!.map((r) => r.key).sort()).toEqual(["firm", "warm"]);
    }
    // The standings show each contender's distance to the targets on the scenarios beside the ranking.
    for (const st of batch.standings) {
      expect(Object.keys(st.scenarioDeltas!).sort()).toEqual(["firm", "warm"]);
      expect(st.scenarioDistance).toEqual(expect.any(Number));
    }
  });

  it("take the scenarios of the version the targets come from, and none with `scenarios: false`", async () => {
    const fromVersion = expectOk(ops.probeVariants, await owner.api.post(`${p()}/variant-probes`, {
      variantIds: [variantId], includeDraft: true, targetsFrom: 1, traits: ["warm"], budgetPerTrait: 6,
    }));
    for (const run of fromVersion.runs) expect((await storedConfig(run.id)).scenarios).toEqual(frozen(versionScenarios));

    const none = expectOk(ops.probeVariants, await owner.api.post(`${p()}/variant-probes`, {
      variantIds: [variantId], includeDraft: true, traits: ["warm"], budgetPerTrait: 6, scenarios: false,
    }));
    for (const run of none.runs) expect((await storedConfig(run.id)).scenarios).toEqual([]);
  });
});
