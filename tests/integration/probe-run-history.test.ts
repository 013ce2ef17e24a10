import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ops } from "@/lib/http/operations";
import { claimRun, processRun } from "@/lib/jobs/probe-worker";
import { SimulatorProvider } from "@/lib/llm/simulator/provider";
import { mulberry32 } from "@/lib/math/random";
import { METHOD_CHANGELOG } from "@/lib/probing/methods/version";
import { expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { buildSpec, createPersona, personaPath, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";
import { countStatements } from "@/tests/factories/raw-db";

// The run history names what ran (issue 12 §8): variant runs by their variant,
// the counts a designer tells runs apart by, and the verdict line of each run's
// latest stored report — read from storage in one query for all rows, never a
// report recomputed by the list.

let owner: Member;
let personaId: string;
let batchRunIds: string[];
const p = () => personaPath(owner.workspaceId, personaId);
const list = async () => expectOk(ops.listProbeRuns, await owner.api.get(`${p()}/probe-runs`));

async function runAll(batchId: string) {
  const sim = new SimulatorProvider();
  for (const run of await db.probeRun.findMany({ where: { batchId } })) {
    expect(await claimRun(run.id, "history-worker")).toBe(true);
    await processRun(run.id, {
      workerId: "history-worker", sleep: async () => {}, rng: mulberry32(3),
      resolve: async (_w, _p, model) => ({ provider: sim, providerId: "simulator", model, simulated: true, endpoint: "simulator" }),
    });
  }
}

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Dana Designer" });
  const persona = await createPersona(owner, { name: "Desk Dana", spec: buildSpec({ name: "Desk Dana", traitTargets: { empathetic: 80, firm: 70 } }) });
  personaId = persona.id;
  const variant = expectOk(ops.createVariant, await owner.api.post(`${p()}/variants`, { name: "Firm desk" }));
  const batch = expectOk(ops.probeVariants, await owner.api.post(`${p()}/variant-probes`, { variantIds: [variant.id], includeDraft: true, traits: ["empathetic", "firm", "warm"], budgetPerTrait: 12 }));
  await runAll(batch.batchId);
  batchRunIds = batch.runs.map((r) => r.id);
});

afterEach(() => vi.restoreAllMocks());

describe("the run list says what ran", () => {
  it("names a variant run by its variant, counts what it watched and spent, and carries its report's verdict line", async () => {
    const runs = await list();
    expect(runs).toHaveLength(2);
    const variantRun = runs.find((r) => r.variant)!;
    const draftRun = runs.find((r) => !r.variant)!;
    expect(variantRun.variant!.name).toBe("Firm desk");
    expect(draftRun.version).toBe("draft");
    for (const run of runs) {
      expect(run.status).toBe("completed");
      expect(run.watched).toHaveLength(3);
      expect(Object.keys(run.targets).sort()).toEqual(["empathetic", "firm"]);
      expect(run.progress.modelCalls).toBeGreaterThan(0);
      expect(run.createdBy).toBe("Dana Designer");
      // The line the run's own report shows, word for word.
      const detail = expectOk(ops.getProbeRun, await owner.api.get(`${wsPath(owner.workspaceId)}/probe-runs/${run.id}`));
      expect(detail.report.verdictLine).toBeDefined();
      expect(run.summary).toEqual({ verdictLine: { text: detail.report.verdictLine!.text, severity: detail.report.verdictLine!.severity }, scenarios: 0, pressureConversations: 0, selfReport: false, framing: null });
    }
  });

  it("counts the scenarios a run froze (none, or an unreadable config: 0)", async () => {
    const [a, b] = batchRunIds;
    const config = JSON.parse((await db.probeRun.findUniqueOrThrow({ where: { id: a } })).config) as object;
    await db.probeRun.update({ where: { id: a }, data: { config: JSON.stringify({ ...config, scenarios: [{ id: "s1" }, { id: "s2" }, { id: "s3" }] }) } });
    await db.probeRun.update({ where: { id: b }, data: { config: JSON.stringify({ ...config, scenarios: "not a list" }) } });
    const runs = await list();
    expect(runs.find((r) => r.id === a)!.summary!.scenarios).toBe(3);
    expect(runs.find((r) => r.id === b)!.summary!.scenarios).toBe(0);
    await db.probeRun.update({ where: { id: a }, data: { config: JSON.stringify(config) } });
    await db.probeRun.update({ where: { id: b }, data: { config: JSON.stringify(config) } });
  });

  it("reads the latest stored report's line (newest method first) and never computes a report", async () => {
    const [a, b] = batchRunIds;
    const stored = await db.probeReport.findFirstOrThrow({ where: { runId: a } });
    const report = JSON.parse(stored.report) as { verdictLine: { text: string; severity: string } };
    // The line is kept beside the report when it is stored, so the list never loads reports.
    // With what it was drawn from, so acknowledgements can redraw it (issue 12 §7, tests/integration/acknowledgements.test.ts).
    expect(JSON.parse(stored.verdictLine!)).toEqual({ text: report.verdictLine.text, severity: report.verdictLine.severity, basis: expect.objectContaining({ final: true }) });
    await db.probeReport.update({ where: { id: stored.id }, data: { verdictLine: JSON.stringify({ text: "As stored", severity: "warn" }) } });
    // An analysis by an older method, computed later, does not outrank it.
    const older = METHOD_CHANGELOG[METHOD_CHANGELOG.length - 2].version;
    await db.probeReport.create({ data: { runId: a, methodVersion: older, report: JSON.stringify({ ...report, verdictLine: undefined }), final: true, answerCount: 1, createdAt: new Date(Date.now() + 60_000) } });
    // A run whose report is not stored shows no line, and listing does not store (compute) one.
    await db.probeReport.deleteMany({ where: { runId: b } });

    const runs = await list();
    expect(runs.find((r) => r.id === a)!.summary!.verdictLine).toEqual({ text: "As stored", severity: "warn" });
    expect(runs.find((r) => r.id === b)!.summary!.verdictLine).toBeNull();
    expect(await db.probeReport.count({ where: { runId: b } })).toBe(0);
  });

  it("lists more runs with the same number of queries: the verdict lines come in one", async () => {
    const statements = () => {
      const counter = countStatements();
      return { ...counter, reports: () => counter.mentioning("ProbeReport") };
    };
    const before = statements();
    const few = await list();
    const fewQueries = before.count();
    const fewReportQueries = before.reports();
    before.stop();

    // Three more runs, each with a stored report.
    const template = await db.probeReport.findFirstOrThrow({ where: { runId: batchRunIds[0], methodVersion: METHOD_CHANGELOG[METHOD_CHANGELOG.length - 1].version } });
    for (let i = 0; i < 3; i++) {
      const run = expectOk(ops.createProbeRun, await owner.api.post(`${p()}/probe-runs`, { traits: ["empathetic"], budgetPerTrait: 6 }));
      await db.probeReport.create({ data: { runId: run.id, methodVersion: template.methodVersion, report: template.report, verdictLine: template.verdictLine, final: false, answerCount: 0 } });
    }
    // Creating a run may finish its bookkeeping after answering (on PostgreSQL the job
    // queue reads the new run as it enqueues it): one list first lets that settle.
    await list();
    const after = statements();
    const many = await list();
    expect(many.length).toBe(few.length + 3);
    expect(many.filter((r) => r.summary?.verdictLine).length).toBe(few.filter((r) => r.summary?.verdictLine).length + 3);
    expect(fewQueries).toBeGreaterThan(0);
    expect(after.count()).toBe(fewQueries);
    expect(after.reports()).toBe(fewReportQueries);
    expect(fewReportQueries).toBe(1);
    after.stop();
  });
});
