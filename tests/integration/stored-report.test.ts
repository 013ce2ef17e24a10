import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { claimRun, processRun, type WorkerDeps } from "@/lib/jobs/probe-worker";
import { SimulatorProvider } from "@/lib/llm/simulator/provider";
import { mulberry32 } from "@/lib/math/random";
import { METHOD_CHANGELOG, METHOD_VERSION } from "@/lib/probing/methods/version";
import { reportSchema, type ProbeReport } from "@/lib/schemas/probe";
import { PARTIAL_FRESH_MS, servedReport } from "@/lib/services/probes/stored-report";
import type { ResolvedProvider } from "@/lib/services/providers/resolve-provider";
import { expectError, expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { addTeammate, buildSpec, createPersona, personaPath, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Issue 11 §7: a run's report is computed once and served from storage, with
// the method version that produced it; re-analysis is explicit and keeps the
// older analysis. Proved by changing stored answers behind the report's back:
// a stored report does not move; a recomputed one would.

let owner: Member;
const OLD_METHOD = METHOD_CHANGELOG[0].version;

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Ines" });
});

function deps(extra: Partial<WorkerDeps> = {}): WorkerDeps {
  const provider = new SimulatorProvider();
  const resolved = (model: string): ResolvedProvider => ({ provider, providerId: "simulator", model, simulated: true, endpoint: "simulator" });
  return { workerId: "test-worker", sleep: async () => {}, rng: mulberry32(3), resolve: async (_w, _p, model) => resolved(model), ...extra };
}

async function startRun(body: Record<string, unknown> = {}) {
  const persona = await createPersona(owner, { name: "Rosa", spec: buildSpec({ traitTargets: { firm: 80, warm: 60 } }) });
  return expectOk(ops.createProbeRun, await owner.api.post(`${personaPath(owner.workspaceId, persona.id)}/probe-runs`, { traits: ["firm", "warm"], budgetPerTrait: 12, ...body }));
}

async function completedRun(seed: number) {
  const run = await startRun({ seed });
  expect(await claimRun(run.id, "test-worker")).toBe(true);
  expect(await processRun(run.id, deps())).toBe("completed");
  return run;
}

const path = (runId: string) => `${wsPath(owner.workspaceId)}/probe-runs/${runId}`;
const get = async (runId: string, query?: Record<string, string>) => expectOk(ops.getProbeRun, await owner.api.get(path(runId), query));
const rows = (runId: string) => db.probeReport.findMany({ where: { runId }, orderBy: { createdAt: "asc" } });

/** Moves every stored persona answer's firm score, as a changed analysis of the same answers would. */
async function shiftStoredScores(runId: string, to: number) {
  const answers = await db.probeAnswer.findMany({ where: { runId, kind: "persona", status: "done" } });
  for (const a of answers) {
    await db.probeAnswer.update({ where: { id: a.id }, data: { scores: JSON.stringify({ ...JSON.parse(a.scores!), firm: to }) } });
  }
}
const firm = (report: ProbeReport) => report.rows.find((r) => r.key === "firm")!.landing.mean;

describe("a completed run", () => {
  it("stores its report once, with the method version, and serves it from storage", async () => {
    const run = await completedRun(11);
    // The worker stored it when the run completed, before anyone asked.
    const [stored] = await rows(run.id);
    expect(stored).toMatchObject({ methodVersion: METHOD_VERSION, final: true });
    expect(stored.answerCount).toBe(await db.probeAnswer.count({ where: { runId: run.id, status: "done" } }));

    const first = await get(run.id);
    expect(first.analysis).toMatchObject({ methodVersion: METHOD_VERSION, latestMethod: METHOD_VERSION, final: true, computedAt: stored.createdAt.toISOString() });
    expect(first.analysis.available.map((a) => a.methodVersion)).toEqual([METHOD_VERSION]);
    expect(first.report.final).toBe(true);

    // Answers changed behind its back: a recomputing GET would move the landing; the stored one does not.
    await shiftStoredScores(run.id, 0);
    const second = await get(run.id);
    expect(second.report).toEqual(first.report);
    expect(await rows(run.id)).toEqual([stored]);

    // Explicit re-analysis reads the answers again (same method: the row is refreshed, not duplicated).
    const again = expectOk(ops.reanalyseProbeRun, await owner.api.post(`${path(run.id)}/reanalyse`));
    expect(firm(again.report)).toBe(0);
    expect(firm(first.report)).not.toBe(0);
    expect(await rows(run.id)).toHaveLength(1);
  });

  it("computes the report of a run finished before reports were stored on first read, once", async () => {
    const run = await completedRun(12);
    await db.probeReport.deleteMany({ where: { runId: run.id } });
    const first = await get(run.id);
    const [stored] = await rows(run.id);
    expect(stored).toMatchObject({ methodVersion: METHOD_VERSION, final: true });
    await shiftStoredScores(run.id, 100);
    expect((await get(run.id)).report).toEqual(first.report);
    expect(await rows(run.id)).toEqual([stored]);
  });

  it("re-analyses with a newer method explicitly and keeps the older analysis readable", async () => {
    const run = await completedRun(13);
    // The stored analysis came from an older method (and says something today's method would not).
    const [stored] = await rows(run.id);
    const old = JSON.parse(stored.report) as ProbeReport;
    old.rows.find((r) => r.key === "firm")!.landing.mean = 42.5;
    await db.probeReport.update({ where: { id: stored.id }, data: { methodVersion: OLD_METHOD, report: JSON.stringify(old) } });

    // Until someone re-analyses, the run keeps the report it had; the UI offers the newer method.
    const before = await get(run.id);
    expect(before.analysis).toMatchObject({ methodVersion: OLD_METHOD, latestMethod: METHOD_VERSION });
    expect(firm(before.report)).toBe(42.5);

    const viewer = await addTeammate(owner, "viewer");
    expectError(await viewer.api.post(`${path(run.id)}/reanalyse`), 403);
    expect(await rows(run.id)).toHaveLength(1);

    const after = expectOk(ops.reanalyseProbeRun, await owner.api.post(`${path(run.id)}/reanalyse`));
    expect(after.analysis.methodVersion).toBe(METHOD_VERSION);
    expect(after.analysis.available.map((a) => a.methodVersion)).toEqual([METHOD_VERSION, OLD_METHOD]);
    expect(firm(after.report)).not.toBe(42.5);
    expect((await rows(run.id)).map((r) => r.methodVersion).sort()).toEqual([METHOD_VERSION, OLD_METHOD].sort());

    // Newest method by default; either by name.
    expect((await get(run.id)).analysis.methodVersion).toBe(METHOD_VERSION);
    expect(firm((await get(run.id, { method: OLD_METHOD })).report)).toBe(42.5);
    expect((await get(run.id, { method: METHOD_VERSION })).report).toEqual(after.report);
    expectError(await owner.api.get(path(run.id), { method: "1999-never" }), 404);
    // Viewers read every analysis.
    expect(expectOk(ops.getProbeRun, await viewer.api.get(path(run.id), { method: OLD_METHOD })).analysis.methodVersion).toBe(OLD_METHOD);
  });

  it("recomputes a stored report today's schema cannot read instead of failing", async () => {
    const run = await completedRun(14);
    const [stored] = await rows(run.id);
    await db.probeReport.update({ where: { id: stored.id }, data: { report: JSON.stringify({ rows: "from another era" }) } });
    const detail = await get(run.id);
    expect(detail.report.rows.map((r) => r.key).sort()).toEqual(["firm", "warm"]);
    const [now] = await rows(run.id);
    expect(reportSchema.parse(JSON.parse(now.report))).toEqual(detail.report);
  });

  it("is not found from another workspace, for reading and for re-analysis", async () => {
    const run = await completedRun(15);
    const stranger = await signUpWithWorkspace({ name: "Outsider" });
    expectError(await stranger.api.get(`${wsPath(stranger.workspaceId)}/probe-runs/${run.id}`), 404);
    expectError(await stranger.api.post(`${wsPath(stranger.workspaceId)}/probe-runs/${run.id}/reanalyse`), 404);
    expectError(await stranger.api.get(`${wsPath(owner.workspaceId)}/probe-runs/${run.id}`), 404);
    expect(await rows(run.id)).toHaveLength(1);
  });
});

describe("a run still collecting answers", () => {
  it("serves a stored partial report, refreshed only when answers arrived and it is a few seconds old", async () => {
    const run = await startRun({ seed: 21, concurrency: 1 });
    const crash = new AbortController();
    let n = 0;
    expect(await claimRun(run.id, "test-worker")).toBe(true);
    expect(await processRun(run.id, deps({ signal: crash.signal, onAnswer: () => { if (++n === 8) crash.abort(); } }))).toBe("stopped");
    const done = await db.probeAnswer.count({ where: { runId: run.id, status: "done" } });

    const partial = await get(run.id);
    expect(partial.status).toBe("running");
    expect(partial.report.final).toBe(false);
    const [stored] = await rows(run.id);
    expect(stored).toMatchObject({ methodVersion: METHOD_VERSION, final: false, answerCount: done });

    // Old, but no answer arrived since: served as stored.
    const old = new Date(Date.now() - 10_000);
    await db.probeReport.update({ where: { id: stored.id }, data: { createdAt: old } });
    await shiftStoredScores(run.id, 0);
    expect((await get(run.id)).report).toEqual(partial.report);
    expect((await rows(run.id))[0].createdAt).toEqual(old);

    // A new answer arrived: a report younger than PARTIAL_FRESH_MS is still served, an older one is recomputed.
    const extra = await db.probeAnswer.findFirstOrThrow({ where: { runId: run.id, kind: "persona", status: "done" } });
    await db.probeAnswer.create({ data: { ...extra, id: undefined, sampleIndex: 99, createdAt: undefined } });
    const row = await db.probeRun.findUniqueOrThrow({ where: { id: run.id } });
    const fresh = await servedReport(row, { now: old.getTime() + PARTIAL_FRESH_MS - 1 });
    expect(reportSchema.parse(fresh.report)).toEqual(partial.report);
    expect(fresh.analysis.computedAt).toBe(old.toISOString());
    const refreshed = await get(run.id);
    expect(firm(refreshed.report)).toBe(0);
    expect(await rows(run.id)).toMatchObject([{ id: stored.id, final: false, answerCount: done + 1 }]);
    expect((await rows(run.id))[0].createdAt.getTime()).toBeGreaterThan(old.getTime());
    // Re-analysing a running run refreshes its partial report now.
    const forced = expectOk(ops.reanalyseProbeRun, await owner.api.post(`${path(run.id)}/reanalyse`));
    expect(forced.analysis).toMatchObject({ methodVersion: METHOD_VERSION, final: false });
    expect(await rows(run.id)).toHaveLength(1);
  });

  it("stores the final partial report of a cancelled run", async () => {
    const run = await startRun({ seed: 22, concurrency: 1 });
    let n = 0;
    expect(await claimRun(run.id, "test-worker")).toBe(true);
    const cancelled = await processRun(run.id, deps({
      onAnswer: async () => {
        if (++n === 5) expectOk(ops.cancelProbeRun, await owner.api.post(`${path(run.id)}/cancel`));
      },
    }));
    expect(cancelled).toBe("cancelled");
    const first = await get(run.id);
    expect(first.status).toBe("cancelled");
    expect(first.analysis.final).toBe(true);
    const [stored] = await rows(run.id);
    expect(stored).toMatchObject({ final: true, answerCount: await db.probeAnswer.count({ where: { runId: run.id, status: "done" } }) });
    await shiftStoredScores(run.id, 0);
    expect((await get(run.id)).report).toEqual(first.report);
    expect(await rows(run.id)).toEqual([stored]);
  });
});
