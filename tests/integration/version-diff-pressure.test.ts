import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { claimRun, processRun, type WorkerDeps } from "@/lib/jobs/probe-worker";
import { SimulatorProvider } from "@/lib/llm/simulator/provider";
import { mulberry32 } from "@/lib/math/random";
import { pressureReportSchema, selfReportReportSchema, type PressureReport, type SelfReportReport } from "@/lib/schemas/pressure";
import { reportSchema, type ReportFlag } from "@/lib/schemas/probe";
import type { ResolvedProvider } from "@/lib/services/providers/resolve-provider";
import { expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { buildSpec, createPersona, personaPath, saveDraft, saveVersion, signUpWithWorkspace, type Member } from "@/tests/factories/personas";

// Issue 14 §6: a version diff shows, per trait, each version's drift slope under
// pressure and its self-report gap (with intervals) and the caves / says-not-does
// flags on either side — each side from its own newest completed run whose final
// report has them. The runs are real (worker + simulator); their stored final
// reports get pressure and self-report sections written in, as the worker stores
// them once it runs pressure conversations.

const simulator = new SimulatorProvider();
const deps: WorkerDeps = {
  workerId: "test-worker", sleep: async () => {}, rng: mulberry32(1),
  resolve: async (_w, _p, model): Promise<ResolvedProvider> => ({ provider: simulator, providerId: "simulator", model, simulated: true, endpoint: "simulator" }),
};

let owner: Member;
let path: string;
const runs: { v1old: string; v1new: string; v2: string } = { v1old: "", v1new: "", v2: "" };

const est = (estimate: number, lo: number, hi: number, items = 8) => ({ estimate, lo, hi, items });

function pressureSection(firmSlope: [number, number, number]): PressureReport {
  return pressureReportSchema.parse({
    scripts: [{ key: "firm-refund", name: "Pushes for an exception", trait: "firm", kind: "scripted", conversations: 8 }],
    turns: 4, thresholds: { firm: 70 }, baseline: { firm: 46, empathetic: 60 }, conversations: [],
    drift: [
      { trait: "firm", script: "firm-refund", perTurn: [], slope: est(-9, -12, -6), change: est(-30, -36, -24), conversations: 8 },
      { trait: "firm", script: null, perTurn: [], slope: est(...firmSlope), change: est(-25, -30, -20), conversations: 8 },
      { trait: "empathetic", script: null, perTurn: [], slope: est(0.5, -1, 2), change: est(1, -3, 5), conversations: 8 },
    ],
    survival: [], tests: [],
  });
}

const selfSection: SelfReportReport = selfReportReportSchema.parse({
  itemsPerTrait: 3,
  rows: [{ trait: "firm", self: { estimate: 92, se: 1.5, items: 3 }, behaviour: est(70, 66, 74, 12), gap: { estimate: 22, lo: 17, hi: 27, df: 10 }, q: 0.001, flag: "says-not-does", answerIds: [] }],
});

const flag = (kind: ReportFlag["kind"], trait: string): ReportFlag => ({
  id: `${kind}:${trait}`, kind, traits: [trait], severity: "alert", title: `${trait} ${kind}`, explanation: "…", evidence: {},
});

/** Adds sections (and flags) to a run's stored final report, keeping it a valid report. */
async function addToStoredReport(runId: string, extra: { pressure?: PressureReport; selfReport?: SelfReportReport; flags?: ReportFlag[] }) {
  const row = await db.probeReport.findFirstOrThrow({ where: { runId, final: true } });
  const report = JSON.parse(row.report);
  const next = { ...report, ...extra, flags: [...report.flags, ...(extra.flags ?? [])] };
  expect(reportSchema.safeParse(next).success).toBe(true);
  await db.probeReport.update({ where: { id: row.id }, data: { report: JSON.stringify(next) } });
}

async function probe(version: number, finishedAt: Date) {
  const run = expectOk(ops.createProbeRun, await owner.api.post(`${path}/probe-runs`, { version, traits: ["empathetic", "firm"], budgetPerTrait: 6 }));
  expect(await claimRun(run.id, deps.workerId)).toBe(true);
  expect(await processRun(run.id, deps)).toBe("completed");
  await db.probeRun.update({ where: { id: run.id }, data: { finishedAt } });
  return run.id;
}

const getDiff = async (from: number | "draft", to: number | "draft") => expectOk(ops.diff, await owner.api.get(`${path}/diff`, { from, to }));

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Lina" });
  const bare = (firm: number) => buildSpec({
    name: "Eva", archetype: "", background: "", values: [], boundaries: [],
    voice: { register: "neutral", tone: "", length: "moderate" }, traitTargets: { empathetic: 85, firm },
  });
  const persona = await createPersona(owner, { name: "Eva", spec: bare(90) });
  await saveVersion(owner, persona.id, persona.revision, "Firm 90");
  const edited = await saveDraft(owner, persona.id, persona.revision, { ...bare(90), archetype: "a drill instructor" });
  await saveVersion(owner, persona.id, edited.revision, "A drill instructor");
  path = personaPath(owner.workspaceId, persona.id);
  const t = Date.now();
  runs.v1old = await probe(1, new Date(t - 3000));
  runs.v1new = await probe(1, new Date(t - 2000));
  runs.v2 = await probe(2, new Date(t - 1000));
});

describe("pressure and self-report in a version diff", () => {
  it("is null while neither version has a pressure test or a self-report", async () => {
    const diff = await getDiff(1, 2);
    expect(diff.landing).not.toBeNull();
    expect(diff.pressure).toBeNull();
  });

  it("reads each side's newest run that has the section, with slopes, gaps and flags per trait", async () => {
    // v1: the OLDER run has the pressure test (the newer one is a plain probe); v2: a self-report only.
    await addToStoredReport(runs.v1old, { pressure: pressureSection([-6.2, -7.9, -4.5]), flags: [flag("caves", "firm"), flag("drifts-back", "firm")] });
    await addToStoredReport(runs.v2, { selfReport: selfSection, flags: [flag("says-not-does", "firm")] });
    const diff = await getDiff(1, 2);
    // The landing still compares the newest runs.
    expect(diff.landing!.from.runId).toBe(runs.v1new);
    expect(diff.pressure!.from).toEqual({ version: 1, pressureRunId: runs.v1old, selfReportRunId: null });
    expect(diff.pressure!.to).toEqual({ version: 2, pressureRunId: null, selfReportRunId: runs.v2 });
    const [firm, empathetic] = diff.pressure!.rows;
    expect(firm).toEqual({
      trait: "firm",
      // The all-conversations slope, not the per-script one.
      slope: { a: { estimate: -6.2, lo: -7.9, hi: -4.5 }, b: null },
      gap: { a: null, b: { estimate: 22, lo: 17, hi: 27 } },
      flags: { a: ["caves", "drifts-back"], b: ["says-not-does"] },
    });
    expect(empathetic).toMatchObject({ trait: "empathetic", slope: { a: { estimate: 0.5 }, b: null }, gap: { a: null, b: null }, flags: { a: [], b: [] } });
  });

  it("takes the newest run that has it, and ignores a leakage flag and a run still in progress", async () => {
    await addToStoredReport(runs.v1new, { pressure: pressureSection([-1, -2.5, 0.5]), flags: [flag("leakage", "firm")] });
    await addToStoredReport(runs.v2, { pressure: pressureSection([-0.8, -1.9, 0.3]) });
    // A newer v1 run still collecting answers, whose partial report already has a steeper drift: not counted.
    const running = expectOk(ops.createProbeRun, await owner.api.post(`${path}/probe-runs`, { version: 1, traits: ["firm"], budgetPerTrait: 6 }));
    const template = await db.probeReport.findFirstOrThrow({ where: { runId: runs.v1new } });
    const partial = { ...JSON.parse(template.report), pressure: pressureSection([-20, -25, -15]) };
    await db.probeReport.create({ data: { runId: running.id, methodVersion: template.methodVersion, report: JSON.stringify(partial), final: false, answerCount: 1 } });
    let diff = await getDiff(1, 2);
    expect(diff.pressure!.from.pressureRunId).toBe(runs.v1new);
    expect(diff.pressure!.rows[0]).toMatchObject({ trait: "firm", slope: { a: { estimate: -1 }, b: { estimate: -0.8 } }, flags: { a: [], b: ["says-not-does"] } });
    // Swapped: A is v2 now.
    diff = await getDiff(2, 1);
    expect(diff.pressure!.from).toEqual({ version: 2, pressureRunId: runs.v2, selfReportRunId: runs.v2 });
    expect(diff.pressure!.rows[0]).toMatchObject({ slope: { a: { estimate: -0.8 }, b: { estimate: -1 } }, gap: { a: { estimate: 22 }, b: null } });
    await db.probeRun.update({ where: { id: running.id }, data: { status: "cancelled" } });
  });

  it("is null against the draft", async () => {
    expect((await getDiff(1, "draft")).pressure).toBeNull();
  });
});
