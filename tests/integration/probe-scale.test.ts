import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { claimRun, processRun, type WorkerDeps } from "@/lib/jobs/probe-worker";
import { SimulatorProvider } from "@/lib/llm/simulator/provider";
import { mulberry32 } from "@/lib/math/random";
import { compilePersona } from "@/lib/persona/compile";
import type { ProbeRunDetail } from "@/lib/schemas/probe";
import { latestCompletedRunRow } from "@/lib/services/probes/latest-report";
import type { ResolvedProvider } from "@/lib/services/providers/resolve-provider";
import { expectError, expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { buildSpec, createPersona, personaPath, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Control arms (issue 11 §3) and the range check (§5) end to end: the route
// creates the run with its extra arms, the worker answers them on the
// simulator, the stored report carries together-vs-alone, the dose–response
// curve, and landings judged against the instructed and achievable ranges.

let owner: Member;
beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Rhea Range" });
});

function deps(): WorkerDeps {
  const provider = new SimulatorProvider();
  const resolved = (model: string): ResolvedProvider => ({ provider, providerId: "simulator", model, simulated: true, endpoint: "simulator" });
  return { workerId: "scale-worker", sleep: async () => {}, rng: mulberry32(7), resolve: async (_w, _p, model) => resolved(model) };
}

const small = { budgetPerTrait: 24, targetHalfWidth: 6, retestShare: 0 };

async function start(spec = buildSpec(), body: Record<string, unknown> = {}) {
  const persona = await createPersona(owner, { name: spec.name, spec });
  const res = await owner.api.post(`${personaPath(owner.workspaceId, persona.id)}/probe-runs`, { ...small, ...body });
  return { persona, res };
}

async function runToEnd(runId: string) {
  expect(await claimRun(runId, "scale-worker")).toBe(true);
  expect(await processRun(runId, deps())).toBe("completed");
  return expectOk(ops.getProbeRun, await owner.api.get(`${wsPath(owner.workspaceId)}/probe-runs/${runId}`)) as ProbeRunDetail;
}

describe("control arms on probe creation", () => {
  it("adds “A alone” and “B alone” for a tension pair by default, each compiled without its partner", async () => {
    const spec = buildSpec({ traitTargets: { empathetic: 80, firm: 70 } });
    const { res } = await start(spec, { traits: ["empathetic", "firm"] });
    const run = expectOk(ops.createProbeRun, res);
    expect(run.arms?.map((a) => [a.kind, a.role, a.traits, a.without])).toEqual([
      ["control:empathetic", "control", ["empathetic"], ["firm"]],
      ["control:firm", "control", ["firm"], ["empathetic"]],
    ]);
    const row = await db.probeRun.findUniqueOrThrow({ where: { id: run.id } });
    const arms = JSON.parse(row.arms) as { kind: string; systemPrompt: string }[];
    expect(arms[0].systemPrompt).toBe(compilePersona({ ...spec, traitTargets: { empathetic: 80 } }).prompt);
    expect(arms[1].systemPrompt).toBe(compilePersona({ ...spec, traitTargets: { firm: 70 } }).prompt);

    // The report pairs together with alone per trait and gives a verdict.
    const detail = await runToEnd(run.id);
    const pair = detail.report.controlPairs?.find((p) => p.traits.join("+") === "empathetic+firm");
    expect(pair, JSON.stringify(detail.report.controlPairs)).toBeTruthy();
    expect(pair!.comparisons.map((c) => c.trait)).toEqual(["empathetic", "firm"]);
    for (const c of pair!.comparisons) {
      expect(c.items).toBeGreaterThan(1);
      expect(c.lo).not.toBeNull();
    }
    expect(["compromise", "no evidence of compromise", "not enough evidence"]).toContain(pair!.verdict);
    expect(detail.report.outcomes?.["control:empathetic"]?.scored).toBeGreaterThan(0);
  }, 120_000);

  it("can be turned off, and takes a chosen pair only if both are targets (4xx naming the field)", async () => {
    const off = expectOk(ops.createProbeRun, (await start(buildSpec(), { tensionControls: false })).res);
    expect(off.arms).toEqual([]);
    const chosen = expectOk(ops.createProbeRun, (await start(buildSpec({ traitTargets: { empathetic: 80, warm: 80 } }), { controls: [["warm", "empathetic"]] })).res);
    expect(chosen.arms?.map((a) => a.kind)).toEqual(["control:empathetic", "control:warm"]);
    const err = expectError((await start(buildSpec(), { controls: [["empathetic", "warm"]] })).res, 422, "controls");
    expect(err.message).toContain("warm");
    expectError((await start(buildSpec(), { controls: [["empathetic", "empathetic"]] })).res, 422, "controls");
  });
});

describe("range check", () => {
  it("asks the trait at five levels on the run's model, draws the curve, and the landing run is judged against the achievable range", async () => {
    const spec = buildSpec({ traitTargets: { warm: 100 } });
    const { res } = await start(spec, { traits: ["warm"] });
    const landing = await runToEnd(expectOk(ops.createProbeRun, res).id);
    const row = landing.report.rows.find((r) => r.key === "warm")!;
    expect(row.instructed).toMatchObject({ band: "always_high", lo: 85, hi: 100, label: "always (85–100)" });
    expect(row.judged?.against).toBe("instructed");
    expect(row.judged?.rangeRunId).toBeUndefined();

    const started = await owner.api.post(`${wsPath(owner.workspaceId)}/probe-runs/${landing.id}/range-check`, { trait: "warm" });
    const check = expectOk(ops.startRangeCheck, started);
    expect(check.mode).toBe("range");
    expect(check.watched).toEqual(["warm"]);
    expect(check.arms?.map((a) => a.level)).toEqual([0, 25, 50, 75, 100]);
    const detail = await runToEnd(check.id);
    const range = detail.report.range!;
    expect(range.levels.map((l) => l.level)).toEqual([0, 25, 50, 75, 100]);
    for (const l of range.levels) expect(l.landing.mean).not.toBeNull();
    expect(range.levels.map((l) => l.instructed.label)).toEqual(["never (0–15)", "usually not (16–35)", "balanced (36–64)", "usually (65–84)", "always (85–100)"]);
    // The curve rises: "always warm" lands well above "never warm".
    expect(range.levels[4].landing.mean!).toBeGreaterThan(range.levels[0].landing.mean! + 20);
    expect(range.achievable!.hi.mean).toBeGreaterThanOrEqual(range.achievable!.lo.mean);
    expect(range.reading[0]).toMatch(/always warm/i);

    // The landing run's report, re-analysed, now reads the achievable range of the same version + model + judge.
    const again = expectOk(ops.reanalyseProbeRun, await owner.api.post(`${wsPath(owner.workspaceId)}/probe-runs/${landing.id}/reanalyse`, {}));
    const judged = again.report.rows.find((r) => r.key === "warm")!.judged!;
    expect(judged.rangeRunId).toBe(check.id);
    if (judged.verdict === "miss" || judged.verdict === "beyond reach") expect(judged.reach).toBe(range.achievable!.hi.mean);
    // A range check is never "the version's report" (review, share pages, the version diff read that), however recent.
    await db.probeRun.updateMany({ where: { id: { in: [landing.id, check.id] } }, data: { versionNumber: 1 } });
    await db.probeRun.update({ where: { id: check.id }, data: { finishedAt: new Date(Date.now() + 60_000) } });
    expect((await latestCompletedRunRow(landing.personaId, 1))?.id).toBe(landing.id);
    // A trait with no probe items: 422 naming the field.
    expectError(await owner.api.post(`${wsPath(owner.workspaceId)}/probe-runs/${landing.id}/range-check`, { trait: "no_such_trait" }), 422, "trait");
  }, 180_000);
});
