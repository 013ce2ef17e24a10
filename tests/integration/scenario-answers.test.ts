import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { claimRun, processRun } from "@/lib/jobs/probe-worker";
import { SimulatorProvider } from "@/lib/llm/simulator/provider";
import { mulberry32 } from "@/lib/math/random";
import { SCENARIO_TRAIT_KEY } from "@/lib/probing/scenario-landing";
import { SCENARIO_ANSWERS_KEY } from "@/lib/schemas/probe";
import type { Scenario } from "@/lib/schemas/scenario";
import { expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { buildSpec, createPersona, personaPath, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// The answers view of a run (issue 12 §2): `?trait=@scenario` lists the answers
// to the run's scenarios, each saying which scenario it answers (number, id)
// and the turns sent before its message, from the run's frozen list.

let owner: Member;
let runId: string;
const scenarios: Scenario[] = [
  { id: "late", message: "I want a refund for a ticket I bought nine months ago." },
  {
    id: "twice", message: "So will you make an exception or not?", note: "Never sent",
    context: [{ role: "user", content: "My flight was cancelled and I missed the wedding." }, { role: "assistant", content: "I'm so sorry. Let me check the fare rules." }],
  },
];

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Ana Answers" });
  const persona = await createPersona(owner, { name: "Refund desk", spec: buildSpec({ traitTargets: { warm: 70, firm: 85 }, scenarios }) });
  const run = expectOk(ops.createProbeRun, await owner.api.post(`${personaPath(owner.workspaceId, persona.id)}/probe-runs`, {
    traits: ["warm", "firm"], budgetPerTrait: 6, retestShare: 0, tensionControls: false,
  }));
  runId = run.id;
  const sim = new SimulatorProvider();
  expect(await claimRun(runId, "answers-worker")).toBe(true);
  expect(await processRun(runId, {
    workerId: "answers-worker", sleep: async () => {}, rng: mulberry32(5),
    resolve: async (_w, _p, model) => ({ provider: sim, providerId: "simulator", model, simulated: true, endpoint: "simulator" }),
  })).toBe("completed");
});

const answers = async (query: Record<string, string>) => expectOk(ops.listProbeAnswers, await owner.api.get(`${wsPath(owner.workspaceId)}/probe-runs/${runId}/answers`, query));

describe("scenario answers in the answers view", () => {
  it("are listed by ?trait=@scenario, each with its scenario's number, id and context turns", async () => {
    expect(SCENARIO_ANSWERS_KEY).toBe(SCENARIO_TRAIT_KEY);
    const persona = await answers({ trait: SCENARIO_ANSWERS_KEY, kind: "persona" });
    expect(persona.length).toBeGreaterThanOrEqual(2);
    for (const a of persona) {
      const s = scenarios[a.itemIndex];
      expect(a.message).toBe(s.message);
      expect(a.scenario).toEqual({ number: a.itemIndex + 1, id: s.id, context: s.context ?? [] });
    }
    expect(persona.find((a) => a.scenario?.id === "twice")!.scenario!.context).toHaveLength(2);
    expect(JSON.stringify(persona)).not.toContain("Never sent");
    const baseline = await answers({ trait: SCENARIO_ANSWERS_KEY, kind: "baseline" });
    expect(baseline.every((a) => a.scenario?.number === a.itemIndex + 1)).toBe(true);
  });

  it("library item answers carry no scenario, even when fetched with scenario answers by id", async () => {
    const firm = await answers({ trait: "firm", kind: "persona", limit: "3" });
    expect(firm.length).toBeGreaterThan(0);
    const scenario = (await answers({ trait: SCENARIO_ANSWERS_KEY, kind: "persona" }))[0];
    const mixed = await answers({ ids: [firm[0].id, scenario.id].join(",") });
    expect(mixed.find((a) => a.id === firm[0].id)!.scenario).toBeUndefined();
    expect(mixed.find((a) => a.id === scenario.id)!.scenario?.id).toBe(scenario.scenario!.id);
  });

  it("a range check of the run asks no scenarios: it measures one trait's range on its library items", async () => {
    const range = expectOk(ops.startRangeCheck, await owner.api.post(`${wsPath(owner.workspaceId)}/probe-runs/${runId}/range-check`, { trait: "firm" }));
    expect(JSON.parse((await db.probeRun.findUniqueOrThrow({ where: { id: range.id } })).config).scenarios).toEqual([]);
  });
});
