import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { claimRun, processRun, type WorkerDeps } from "@/lib/jobs/probe-worker";
import { SimulatorProvider } from "@/lib/llm/simulator/provider";
import { mulberry32 } from "@/lib/math/random";
import { passes } from "@/lib/probing/checks";
import { isScored } from "@/lib/probing/outcome";
import { SCENARIO_TRAIT_KEY } from "@/lib/probing/scenario-landing";
import { reportSchema } from "@/lib/schemas/probe";
import type { Scenario } from "@/lib/schemas/scenario";
import type { ResolvedProvider } from "@/lib/services/providers/resolve-provider";
import { expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { buildSpec, createPersona, personaPath, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Checks beside the rubric (issue 12 §3), end to end: a persona whose scenarios
// carry deterministic checks is probed by the worker, and the report's checks
// section must agree with the answers actually stored — recomputed here from
// their texts with the same pure evaluator, never from the simulator's tables.

let owner: Member;

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Chiara Checks" });
});

const deps = (): WorkerDeps => {
  const provider = new SimulatorProvider();
  const resolved = (model: string): ResolvedProvider => ({ provider, providerId: "simulator", model, simulated: true, endpoint: "simulator" });
  return { workerId: "checks-worker", sleep: async () => {}, rng: mulberry32(11), resolve: async (_w, _p, model) => resolved(model) };
};

const scenarios: Scenario[] = [
  {
    id: "refund", message: "I want a refund for a ticket I bought nine months ago. Make it happen.",
    checks: [
      { id: "policy", type: "contains", value: "30", label: "mentions the 30-day policy" },
      { id: "short", type: "max_length", value: 2000 },
      { id: "asks", type: "asks_question" },
      { id: "topic", type: "regex", value: "\\brefund\\b", flags: "i" },
    ],
  },
  { id: "small-talk", message: "How is your day going?" },
  {
    id: "exception", message: "So will you make an exception for me or not?",
    checks: [{ id: "no-promise", type: "not_contains", value: "exception" }, { id: "ask2", type: "asks_question" }],
  },
];

describe("checks in a probe run", () => {
  it("grades every scored scenario answer on its scenario's checks and reports what the stored texts say", async () => {
    const persona = await createPersona(owner, { name: "Refund desk", spec: buildSpec({ traitTargets: { warm: 80, firm: 75 }, scenarios }) });
    const run = expectOk(ops.createProbeRun, await owner.api.post(`${personaPath(owner.workspaceId, persona.id)}/probe-runs`, {
      traits: ["warm", "firm"], budgetPerTrait: 12, concurrency: 3, seed: 5, retestShare: 0, tensionControls: false,
    }));
    // The checks are frozen into the run (graded later, never sent).
    const frozen = JSON.parse((await db.probeRun.findUniqueOrThrow({ where: { id: run.id } })).config) as { scenarios: Scenario[] };
    expect(frozen.scenarios.map((s) => s.checks?.map((c) => c.id) ?? [])).toEqual([["policy", "short", "asks", "topic"], [], ["no-promise", "ask2"]]);

    expect(await claimRun(run.id, "checks-worker")).toBe(true);
    expect(await processRun(run.id, deps())).toBe("completed");
    const d = expectOk(ops.getProbeRun, await owner.api.get(`${wsPath(owner.workspaceId)}/probe-runs/${run.id}`));
    expect(reportSchema.safeParse(d.report).success).toBe(true);
    const checks = d.report.checks!;
    expect(checks).toBeDefined();

    // Recompute from the stored answers: scored scenario answers only, per arm.
    const stored = await db.probeAnswer.findMany({ where: { runId: run.id, traitKey: SCENARIO_TRAIT_KEY }, orderBy: { createdAt: "asc" } });
    const graded = (kind: string, i: number) => stored.filter((a) => a.kind === kind && a.itemIndex === i && isScored(a) && a.scores);
    const expected = frozen.scenarios.flatMap((s, i) => (s.checks ?? []).map((c) => ({
      scenarioIndex: i, scenarioId: s.id, checkId: c.id,
      persona: [graded("persona", i).filter((a) => passes(c, a.answer ?? "")).length, graded("persona", i).length],
      baseline: [graded("baseline", i).filter((a) => passes(c, a.answer ?? "")).length, graded("baseline", i).length],
      failing: graded("persona", i).filter((a) => !passes(c, a.answer ?? "")).map((a) => a.id),
    })));
    expect(checks.rows.map((r) => ({
      scenarioIndex: r.scenarioIndex, scenarioId: r.scenarioId, checkId: r.checkId,
      persona: [r.persona.passed, r.persona.total], baseline: [r.baseline.passed, r.baseline.total], failing: r.failingAnswerIds,
    }))).toEqual(expected);
    // Every check saw a scored answer in each arm (the simulator answers every scenario).
    for (const r of checks.rows) expect(r.persona.total).toBeGreaterThanOrEqual(1);
    const sum = (arm: "persona" | "baseline", k: 0 | 1) => expected.reduce((s, e) => s + e[arm][k], 0);
    expect([checks.persona.passed, checks.persona.total]).toEqual([sum("persona", 0), sum("persona", 1)]);
    expect([checks.baseline.passed, checks.baseline.total]).toEqual([sum("baseline", 0), sum("baseline", 1)]);
    expect(checks.persona.rate).toBeCloseTo(checks.persona.passed / checks.persona.total, 12);
    expect(checks.persona.lo!).toBeLessThanOrEqual(checks.persona.rate!);
    expect(checks.persona.hi!).toBeGreaterThanOrEqual(checks.persona.rate!);
    expect(checks.rows[0].description).toBe("mentions the 30-day policy");
    expect(checks.rows[1].description).toBe("at most 2000 characters");
    // Not a degenerate run: some checks pass and some fail on what the simulator wrote.
    expect(checks.persona.passed).toBeGreaterThan(0);
    expect(checks.persona.passed).toBeLessThan(checks.persona.total);

    // The failing answers open in the answers view: real answers of this run whose texts fail the check.
    const failing = checks.rows.flatMap((r) => r.failingAnswerIds.map((id) => ({ id, row: r })));
    expect(failing.length, "the simulator's answers should fail at least one check").toBeGreaterThan(0);
    const opened = expectOk(ops.listProbeAnswers, await owner.api.get(`${wsPath(owner.workspaceId)}/probe-runs/${run.id}/answers`, { ids: failing.map((f) => f.id).join(",") }));
    for (const { id, row } of failing) {
      const answer = opened.find((a) => a.id === id)!;
      expect(answer).toBeDefined();
      expect(answer.kind).toBe("persona");
      expect(answer.traitKey).toBe(SCENARIO_TRAIT_KEY);
      expect(answer.itemIndex).toBe(row.scenarioIndex);
      const check = frozen.scenarios[row.scenarioIndex].checks!.find((c) => c.id === row.checkId)!;
      expect(passes(check, answer.answer ?? "")).toBe(false);
    }

    // A cut-short answer is not graded: mark the refund scenario's persona answers truncated and recompute.
    await db.probeAnswer.updateMany({ where: { runId: run.id, traitKey: SCENARIO_TRAIT_KEY, kind: "persona", itemIndex: 0 }, data: { outcome: "truncated" } });
    await db.probeReport.deleteMany({ where: { runId: run.id } });
    const again = expectOk(ops.getProbeRun, await owner.api.get(`${wsPath(owner.workspaceId)}/probe-runs/${run.id}`)).report.checks!;
    const refundChecks = frozen.scenarios[0].checks!.length;
    expect(again.persona.total).toBe(checks.persona.total - refundChecks * graded("persona", 0).length);
    expect(again.baseline).toEqual(checks.baseline);
    for (const r of again.rows.filter((x) => x.scenarioIndex === 0)) expect([r.persona.total, r.persona.rate, r.failingAnswerIds]).toEqual([0, null, []]);
  });

  it("a run whose scenarios have no checks has no checks section", async () => {
    const plain = scenarios.map(({ checks: _drop, ...s }) => s);
    const persona = await createPersona(owner, { name: "No checks", spec: buildSpec({ traitTargets: { warm: 80 }, scenarios: plain }) });
    const run = expectOk(ops.createProbeRun, await owner.api.post(`${personaPath(owner.workspaceId, persona.id)}/probe-runs`, {
      traits: ["warm"], budgetPerTrait: 8, concurrency: 3, seed: 6, retestShare: 0, tensionControls: false,
    }));
    expect(await claimRun(run.id, "checks-worker")).toBe(true);
    expect(await processRun(run.id, deps())).toBe("completed");
    const d = expectOk(ops.getProbeRun, await owner.api.get(`${wsPath(owner.workspaceId)}/probe-runs/${run.id}`));
    expect(d.report.scenarioRows).toBeDefined();
    expect(d.report.checks).toBeUndefined();
  });
});
