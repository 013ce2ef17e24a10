import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { closePanelRuns, distinguishPasses, processBatch } from "@/lib/jobs/runner";
import { mulberry32 } from "@/lib/math/random";
import type { PanelReport } from "@/lib/probing/panel/report-types";
import { PANEL_DEFAULT_TRAITS, type PanelRun } from "@/lib/schemas/panel-run";
import { expectError, expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { addTeammate, buildSpec, createPersona, saveVersion, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Panel probes (issue 13 §4–5) end to end on the simulator: every member answers
// the same items with the same judge, member runs run side by side (processBatch,
// as the worker loop does), the report has a landing for every member, another
// workspace gets 404, a ceiling probe needs both plans, cancel stops every member
// run, and a second probe of the same panel is answered from the cache.

let owner: Member;
let viewer: Awaited<ReturnType<typeof addTeammate>>;
let outsider: Member;
let ada: { id: string };
let ben: { id: string };

const sim = (model: string) => ({ providerId: "simulator", model });
const panelsPath = () => `${wsPath(owner.workspaceId)}/panels`;
const runsPath = (panelId: string) => `${panelsPath()}/${panelId}/runs`;
const deps = () => ({ workerId: "panel-worker", sleep: async () => {}, rng: mulberry32(3) });

async function createBoard(plans: Record<string, unknown>, questions: string[] = ["Should we ship on Friday?"]) {
  return expectOk(ops.createPanel, await owner.api.post(panelsPath(), {
    name: `Board ${Math.random().toString(36).slice(2, 7)}`,
    spec: {
      members: [{ key: "ada", personaId: ada.id, version: 1 }, { key: "ben", personaId: ben.id, version: "latest", label: "Benjamin" }],
      plans, activePlan: "single", questions,
    },
  }));
}

const BODY = { traits: ["warm", "firm"], itemsPerTrait: 6, answersPerPair: 0, seed: 11 };

/** Runs every member run of the panel probe to the end, side by side, as the worker loop does. */
async function runToEnd(run: PanelRun) {
  const first = run.members[0].runs[0].runId;
  const outcomes = await processBatch(first, deps());
  expect(Object.keys(outcomes).sort()).toEqual(run.members.flatMap((m) => m.runs.map((r) => r.runId)).sort());
  expect(Object.values(outcomes).every((o) => o === "completed")).toBe(true);
}

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Panel Prober" });
  viewer = await addTeammate(owner, "viewer");
  outsider = await signUpWithWorkspace({ name: "Outsider" });
  const a = await createPersona(owner, { name: "Ada", spec: buildSpec({ name: "Ada", archetype: "Night nurse", background: "Ada has nursed for twenty years. She is calm.", traitTargets: { warm: 85, firm: 30 } }) });
  await saveVersion(owner, a.id, a.revision, "first");
  ada = a;
  ben = await createPersona(owner, { name: "Ben", spec: buildSpec({ name: "Ben", archetype: "Sceptical engineer", traitTargets: { warm: 20, firm: 85 } }) });
});

describe("a divergence probe of a panel", () => {
  let panelId: string;
  let first: PanelRun;

  it("freezes one member run per member with the same watched traits, judge and items, and completes", async () => {
    panelId = (await createBoard({ single: { seats: { ada: sim("persona-sim-2"), ben: sim("persona-sim-3") } } })).id;
    expectError(await viewer.api.post(runsPath(panelId), BODY), 403);
    const run = expectOk(ops.createPanelRun, await owner.api.post(runsPath(panelId), BODY));
    expect(run.status).toBe("queued");
    expect(run.arms).toEqual(["active"]);
    expect(run.watched).toEqual(["warm", "firm"]);
    expect(run.members.map((m) => [m.key, m.name, m.version, m.runs.map((r) => r.seatLabel)])).toEqual([
      ["ada", "Ada", 1, [expect.stringContaining("persona-sim-2")]],
      ["ben", "Benjamin", null, [expect.stringContaining("persona-sim-3")]],
    ]);
    expect(run.judge.label).toMatch(/first member's seat/);
    const rows = await db.probeRun.findMany({ where: { panelRunId: run.id }, orderBy: { panelMemberKey: "asc" } });
    expect(rows.map((r) => [r.panelMemberKey, r.panelArm, r.batchId, r.judgeModel, r.watched, r.arms])).toEqual([
      ["ada", "active", run.id, "persona-sim-2", JSON.stringify(["warm", "firm"]), "[]"],
      ["ben", "active", run.id, "persona-sim-2", JSON.stringify(["warm", "firm"]), "[]"],
    ]);
    expect(JSON.parse(rows[0].config).scenarios).toEqual([{ id: "panel-q1", message: "Should we ship on Friday?" }]);
    // The judge is shown a description, never the prompt.
    const frozen = JSON.parse((await db.panelRun.findUniqueOrThrow({ where: { id: run.id } })).spec) as { members: { description: string; promptHash: string }[] };
    expect(frozen.members[0].description).toBe("Ada — Night nurse — Ada has nursed for twenty years.");
    expect(frozen.members[0].promptHash).toMatch(/^[0-9a-f]{64}$/);
    const activity = await db.activity.findFirst({ where: { personaId: ben.id }, orderBy: { createdAt: "desc" } });
    expect(activity?.summary).toMatch(/in panel/);

    await runToEnd(run);
    first = expectOk(ops.getPanelRun, await viewer.api.get(`${runsPath(panelId)}/${run.id}`));
    expect(first.status).toBe("completed");
    expect(first.modelCalls).toBeGreaterThan(0);
  });

  it("members answered exactly the same items (no early stop)", async () => {
    const runs = await db.probeRun.findMany({ where: { panelRunId: first.id } });
    const sets = await Promise.all(runs.map(async (r) => (await db.probeAnswer.findMany({ where: { runId: r.id, kind: "persona" } }))
      .map((a) => `${a.traitKey}#${a.itemIndex}#${a.sampleIndex}`).sort()));
    expect(sets[0].length).toBe(2 * 6 + 1);
    expect(sets[1]).toEqual(sets[0]);
  });

  it("with a budget the adaptive planner would stop short of, members still answer every item alike", async () => {
    const run = expectOk(ops.createPanelRun, await owner.api.post(runsPath(panelId), { ...BODY, itemsPerTrait: 40, questions: false, seed: 5 }));
    await runToEnd(run);
    const runs = await db.probeRun.findMany({ where: { panelRunId: run.id } });
    const sets = await Promise.all(runs.map(async (r) => (await db.probeAnswer.findMany({ where: { runId: r.id, kind: "persona" } }))
      .map((a) => `${a.traitKey}#${a.itemIndex}#${a.sampleIndex}`).sort()));
    expect(sets[0].length).toBe(2 * 40);
    expect(sets[1]).toEqual(sets[0]);
  });

  it("reports a landing for every member on every watched trait, and stores the final report", async () => {
    const report = (await viewer.api.get(`${runsPath(panelId)}/${first.id}/report`)).body as PanelReport;
    expect(report.final).toBe(true);
    expect(report.arms).toHaveLength(1);
    const landings = report.arms[0].divergence.landings;
    for (const key of ["ada", "ben"]) for (const t of ["warm", "firm"]) expect(landings[key][t]).toBeTruthy();
    expect(report.arms[0].divergence.items).toBe(2 * 6 + 1);
    const row = await db.panelRun.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.report).not.toBeNull();
  });

  it("another workspace's panel probe is not found", async () => {
    expectError(await outsider.api.get(`${wsPath(outsider.workspaceId)}/panels/${panelId}/runs/${first.id}`), 404);
    expectError(await outsider.api.get(`${wsPath(outsider.workspaceId)}/panels/${panelId}/runs/${first.id}/report`), 404);
    expectError(await outsider.api.post(`${wsPath(outsider.workspaceId)}/panels/${panelId}/runs/${first.id}/cancel`), 404);
  });

  it("probing the same panel again reuses the answers: nothing is paid twice", async () => {
    const before = expectOk(ops.estimatePanelRun, await owner.api.post(`${runsPath(panelId)}/estimate`, BODY));
    expect(before.memberRuns).toBe(2);
    expect(before.answers).toBe(2 * (2 * 6 + 1));
    expect(before.reused).toBeGreaterThan(0);
    expect(before.costUsd).toBe(0); // the simulator costs nothing
    const again = expectOk(ops.createPanelRun, await owner.api.post(runsPath(panelId), BODY));
    await runToEnd(again);
    const done = expectOk(ops.getPanelRun, await owner.api.get(`${runsPath(panelId)}/${again.id}`));
    expect(done.status).toBe("completed");
    expect(done.cacheHits).toBeGreaterThan(0);
    expect(done.modelCalls).toBeLessThanOrEqual(Math.floor(first.modelCalls / 20));
  });

  it("refuses bodies naming unknown traits, one trait, or a missing panel version", async () => {
    expect(expectError(await owner.api.post(runsPath(panelId), { traits: ["warm", "no_such_trait"] }), 422).field).toBe("traits");
    expect(expectError(await owner.api.post(runsPath(panelId), { traits: ["warm"] }), 422).field).toBe("traits");
    expect(expectError(await owner.api.post(runsPath(panelId), { version: 7 }), 422).field).toBe("version");
  });

  it("watches the members' targets and their related traits, topped up across the library's clusters when they target too few", async () => {
    const run = expectOk(ops.createPanelRun, await owner.api.post(runsPath(panelId), { itemsPerTrait: 6, answersPerPair: 0, seed: 5 }));
    expect(run.watched.slice(0, 2).sort()).toEqual(["firm", "warm"]);
    expect(run.watched.length).toBeGreaterThanOrEqual(4);
    await owner.api.post(`${runsPath(panelId)}/${run.id}/cancel`);
    // Members with no targets at all (a council imported with prompts only) are compared on the default spread.
    const bare = await createPersona(owner, { name: "Bare", spec: buildSpec({ name: "Bare", archetype: "A council member", traitTargets: {} }) });
    const twin = await createPersona(owner, { name: "Twin", spec: buildSpec({ name: "Twin", archetype: "Another council member", traitTargets: {} }) });
    const board = expectOk(ops.createPanel, await owner.api.post(panelsPath(), {
      name: "Untargeted", spec: { members: [{ key: "bare", personaId: bare.id, version: "latest" }, { key: "twin", personaId: twin.id, version: "latest" }] },
    }));
    const untargeted = expectOk(ops.createPanelRun, await owner.api.post(runsPath(board.id), { itemsPerTrait: 6, answersPerPair: 0 }));
    expect(untargeted.watched).toEqual([...PANEL_DEFAULT_TRAITS]);
    await owner.api.post(`${runsPath(board.id)}/${untargeted.id}/cancel`);
  });

  it("cancel stops every member run; resume queues them again", async () => {
    const run = expectOk(ops.createPanelRun, await owner.api.post(runsPath(panelId), { ...BODY, seed: 99 }));
    const cancelled = expectOk(ops.cancelPanelRun, await owner.api.post(`${runsPath(panelId)}/${run.id}/cancel`));
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.members.flatMap((m) => m.runs.map((r) => r.status))).toEqual(["cancelled", "cancelled"]);
    expect(await processBatch(run.members[0].runs[0].runId, deps())).toEqual({});
    const resumed = expectOk(ops.resumePanelRun, await owner.api.post(`${runsPath(panelId)}/${run.id}/resume`));
    expect(resumed.members.flatMap((m) => m.runs.map((r) => r.status))).toEqual(["queued", "queued"]);
    expectError(await owner.api.post(`${runsPath(panelId)}/${run.id}/resume`), 409);
  });
});

describe("a member that is gone", () => {
  it("is refused with 422 naming members.N", async () => {
    const gone = await createPersona(owner, { name: "Cleo", spec: buildSpec({ name: "Cleo", traitTargets: { warm: 50 } }) });
    const panel = expectOk(ops.createPanel, await owner.api.post(panelsPath(), {
      name: "Board with Cleo",
      spec: { members: [{ key: "ada", personaId: ada.id, version: 1 }, { key: "cleo", personaId: gone.id, version: "latest" }] },
    }));
    await db.persona.delete({ where: { id: gone.id } });
    expect(expectError(await owner.api.post(runsPath(panel.id), BODY), 422).field).toBe("members.1");
    expect(expectError(await owner.api.post(`${runsPath(panel.id)}/estimate`, BODY), 422).field).toBe("members.1");
  });
});

describe("the ceiling experiment", () => {
  it("needs both plans: 422 naming experiment", async () => {
    const panel = await createBoard({ single: { seats: { ada: sim("persona-sim-2"), ben: sim("persona-sim-2") } } });
    expect(expectError(await owner.api.post(runsPath(panel.id), { ...BODY, experiment: "ceiling" }), 422).field).toBe("experiment");
  });

  it("runs both arms on the same items and reports each arm and the gain", async () => {
    const panel = await createBoard({
      single: { seats: { ada: sim("persona-sim-2"), ben: sim("persona-sim-2") } },
      routed: { seats: { ada: sim("persona-sim-2"), ben: sim("persona-sim-3") } },
    }, []);
    const run = expectOk(ops.createPanelRun, await owner.api.post(runsPath(panel.id), { ...BODY, experiment: "ceiling", maxCalls: 400 }));
    expect(run.arms).toEqual(["single", "routed"]);
    expect(run.members.map((m) => m.runs.map((r) => r.arm))).toEqual([["single", "routed"], ["single", "routed"]]);
    await runToEnd(run);
    const report = (await owner.api.get(`${runsPath(panel.id)}/${run.id}/report`)).body as PanelReport;
    expect(report.arms.map((a) => a.arm)).toEqual(["single", "routed"]);
    for (const arm of report.arms) expect(Object.keys(arm.divergence.landings).sort()).toEqual(["ada", "ben"]);
    expect(report.gain).not.toBeNull();
    // Ada keeps her seat across arms: her two runs ask identical requests side by side, paid once
    // (12 items + 12 baselines, 2 calls each, is 48 per run; without sharing her two runs would pay 96).
    const adaRouted = await db.probeRun.findFirstOrThrow({ where: { panelRunId: run.id, panelMemberKey: "ada", panelArm: "routed" } });
    const adaSingle = await db.probeRun.findFirstOrThrow({ where: { panelRunId: run.id, panelMemberKey: "ada", panelArm: "single" } });
    expect(adaRouted.modelCalls + adaSingle.modelCalls).toBeLessThanOrEqual(60);
    expect(adaRouted.cacheHits + adaSingle.cacheHits).toBeGreaterThanOrEqual(36);
    expect(adaRouted.maxCalls).toBe(100);
  });
});

describe("the distinguishability pass", () => {
  it("runs after the member runs, from the worker loop's step, and closes the probe", async () => {
    const panel = await createBoard({ single: { seats: { ada: sim("persona-sim-2"), ben: sim("persona-sim-3") } } }, []);
    const run = expectOk(ops.createPanelRun, await owner.api.post(runsPath(panel.id), { ...BODY, answersPerPair: 4, seed: 21 }));
    expect(run.distinguish).toMatchObject({ status: "waiting", total: 4 });
    const quiet = { info: () => {}, error: () => {} };
    expect(await distinguishPasses(deps(), quiet)).toEqual({}); // not before the member runs are over
    await runToEnd(run);
    expect((await distinguishPasses(deps(), quiet))[run.id]).toBe("done");
    // Closing stores the final report before anyone opens it (the share page and the review gate read the stored one).
    expect((await db.panelRun.findUniqueOrThrow({ where: { id: run.id } })).report).toBeNull();
    expect(await closePanelRuns(quiet)).toContain(run.id);
    const stored = await db.panelRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(stored.finishedAt).not.toBeNull();
    expect((JSON.parse(stored.report!) as PanelReport).final).toBe(true);
    expect(await closePanelRuns(quiet)).not.toContain(run.id);
    const done = expectOk(ops.getPanelRun, await owner.api.get(`${runsPath(panel.id)}/${run.id}`));
    expect(done.status).toBe("completed");
    expect(done.distinguish.status).toBe("done");
    expect(done.finishedAt).not.toBeNull();
    const report = (await owner.api.get(`${runsPath(panel.id)}/${run.id}/report`)).body as PanelReport;
    expect(report.final).toBe(true);
    expect(report.arms[0].distinguish[0]?.n).toBeGreaterThan(0);
  });
});
