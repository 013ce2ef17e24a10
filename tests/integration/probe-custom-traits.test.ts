import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { claimRun, processRun, type WorkerDeps } from "@/lib/jobs/probe-worker";
import { SimulatorProvider } from "@/lib/llm/simulator/provider";
import type { ChatRequest, Provider } from "@/lib/llm/types";
import { mulberry32 } from "@/lib/math/random";
import { JUDGE_SCHEMA_NAME } from "@/lib/probing/judge";
import type { ProbeRunDetail } from "@/lib/schemas/probe";
import { buildCustomTrait } from "@/tests/factories/custom-traits";
import { expectError, expectOk } from "@/tests/factories/api";
import { buildSpec, createPersona, personaPath, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// A workspace's custom trait is probed like a built-in: its items are asked,
// its rubric reaches the judge, its landing is in the report — and the run
// measures the version it froze at creation, whatever is saved afterwards.

let owner: Member;
const CUSTOM_SCORE = 72;

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Ines" });
  expectOk(ops.saveCustomTrait, await owner.api.post(`${wsPath(owner.workspaceId)}/custom-traits`, buildCustomTrait()));
});

/**
 * The simulator has no ground truth for a custom trait (its judge says null).
 * This judge wrapper plays a model that can read the custom rubric: it scores
 * calm_under_fire only when the rubric it was sent describes it, and records
 * every judge request and every user message so the test can see what was asked.
 */
function rubricReadingJudge() {
  const inner = new SimulatorProvider();
  const judgePrompts: string[] = [];
  const asked: string[] = [];
  const provider: Provider = {
    kind: inner.kind,
    label: inner.label,
    listModels: (s) => inner.listModels(s),
    stream: (req) => inner.stream(req),
    chat: async (req: ChatRequest) => {
      const res = await inner.chat(req);
      if (req.responseFormat?.type !== "json_schema" || req.responseFormat.name !== JUDGE_SCHEMA_NAME) {
        asked.push(String(req.messages.at(-1)?.content));
        return res;
      }
      const system = String(req.messages[0].content);
      judgePrompts.push(system);
      const out = JSON.parse(res.text) as { scores: Record<string, number | null>; refusal: boolean };
      if ("calm_under_fire" in out.scores && system.includes("Score how composed and steadying")) out.scores.calm_under_fire = CUSTOM_SCORE;
      return { ...res, text: JSON.stringify(out) };
    },
  };
  return { provider, judgePrompts, asked };
}

function deps(provider: Provider): WorkerDeps {
  return {
    workerId: "custom-worker", sleep: async () => {}, rng: mulberry32(3),
    resolve: async (_w, _p, model) => ({ provider, providerId: "simulator", model, simulated: true, endpoint: "simulator" }),
  };
}

async function report(runId: string): Promise<ProbeRunDetail> {
  return expectOk(ops.getProbeRun, await owner.api.get(`${wsPath(owner.workspaceId)}/probe-runs/${runId}`));
}

describe("custom traits in probe runs", () => {
  it("watches a targeted custom trait by default, asks its items, judges with its rubric and reports its landing", async () => {
    const persona = await createPersona(owner, { name: "Kai", spec: buildSpec({ traitTargets: { calm_under_fire: 80, empathetic: 70 } }) });
    const run = expectOk(ops.createProbeRun, await owner.api.post(`${personaPath(owner.workspaceId, persona.id)}/probe-runs`, { budgetPerTrait: 12 }));
    expect(run.watched).toContain("calm_under_fire");
    expect(run.watched).toContain("empathetic");
    expect(run.targets).toMatchObject({ calm_under_fire: 80, empathetic: 70 });
    expect(run.customTraits).toEqual([{ key: "calm_under_fire", name: "Calm under fire", version: 1 }]);

    const judge = rubricReadingJudge();
    expect(await claimRun(run.id, "custom-worker")).toBe(true);
    expect(await processRun(run.id, deps(judge.provider))).toBe("completed");

    // Its own items were asked, and every judge call carried its rubric.
    expect(judge.asked.filter((m) => m.startsWith("A tense ")).length).toBeGreaterThan(0);
    expect(judge.judgePrompts.length).toBeGreaterThan(0);
    expect(judge.judgePrompts.every((p) => p.includes("Calm under fire"))).toBe(true);

    const detail = await report(run.id);
    const row = detail.report.rows.find((r) => r.key === "calm_under_fire")!;
    expect(row.name).toBe("Calm under fire");
    expect(row.target).toBe(80);
    expect(row.landing.n).toBeGreaterThan(0);
    expect(row.landing.mean).toBe(CUSTOM_SCORE);
    // The custom item answers are stored with their text, for the drill-down.
    const answers = expectOk(ops.listProbeAnswers, await owner.api.get(`${wsPath(owner.workspaceId)}/probe-runs/${run.id}/answers`, { trait: "calm_under_fire", kind: "persona" }));
    expect(answers.length).toBeGreaterThan(0);
    expect(answers[0].message).toMatch(/^A tense /);
    expect(answers[0].scores).toHaveProperty("calm_under_fire", CUSTOM_SCORE);
  });

  it("measures the version frozen at creation even when the trait is saved again before the worker starts", async () => {
    const persona = await createPersona(owner, { name: "Kai", spec: buildSpec({ traitTargets: { calm_under_fire: 60 } }) });
    const run = expectOk(ops.createProbeRun, await owner.api.post(`${personaPath(owner.workspaceId, persona.id)}/probe-runs`, { traits: ["calm_under_fire"], budgetPerTrait: 6 }));
    // v2 rewrites every item; the queued run must still ask v1's.
    const v2 = buildCustomTrait({ items: buildCustomTrait().items.map((i) => ({ ...i, text: `Rewritten: ${i.text}` })) });
    expect(expectOk(ops.saveCustomTrait, await owner.api.post(`${wsPath(owner.workspaceId)}/custom-traits`, v2)).version).toBeGreaterThanOrEqual(2);

    const judge = rubricReadingJudge();
    expect(await claimRun(run.id, "custom-worker")).toBe(true);
    expect(await processRun(run.id, deps(judge.provider))).toBe("completed");
    expect(judge.asked.length).toBeGreaterThan(0);
    expect(judge.asked.some((m) => m.startsWith("Rewritten:"))).toBe(false);
    expect((await report(run.id)).customTraits[0].version).toBe(1);

    // A new run takes the new version.
    const next = expectOk(ops.createProbeRun, await owner.api.post(`${personaPath(owner.workspaceId, persona.id)}/probe-runs`, { traits: ["calm_under_fire"] }));
    expect(next.customTraits[0].version).toBeGreaterThanOrEqual(2);
  });

  it("refuses a key that is neither built in nor saved in this workspace", async () => {
    const persona = await createPersona(owner, { name: "Kai", spec: buildSpec() });
    const res = await owner.api.post(`${personaPath(owner.workspaceId, persona.id)}/probe-runs`, { traits: ["empathetic", "never_saved"] });
    expectError(res, 422, "traits");
  });

  it("does not let one workspace probe another workspace's custom trait", async () => {
    const other = await signUpWithWorkspace({ name: "Olu" });
    const persona = await createPersona(other, { name: "Kai", spec: buildSpec() });
    const res = await other.api.post(`${personaPath(other.workspaceId, persona.id)}/probe-runs`, { traits: ["calm_under_fire"] });
    expectError(res, 422, "traits");
  });
});
