import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { FRAMING_ARM_KIND } from "@/lib/schemas/pressure";
import type { RunConfig } from "@/lib/services/probes/run-config";
import { expectError, expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { buildSpec, createPersona, personaPath, saveVersion, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Issue 14's create-body parts frozen into a probe run (pressure scripts,
// simulated user, thresholds, self-report questions, the requested-wording arm),
// every part validated before anything is written, and priced by the estimate.

let owner: Member;
let personaId: string;
const runsPath = () => `${personaPath(owner.workspaceId, personaId)}/probe-runs`;
const estimatePath = () => `${personaPath(owner.workspaceId, personaId)}/probe-estimate`;

const OWN_SCRIPT = { name: "Wants a discount", trait: "firm", opening: "Give me 20% off.", pushes: ["Please?", "I'll leave otherwise."] };

async function configOf(runId: string): Promise<RunConfig> {
  return JSON.parse((await db.probeRun.findUniqueOrThrow({ where: { id: runId } })).config) as RunConfig;
}

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Petra" });
  personaId = (await createPersona(owner, { name: "Refund desk", spec: buildSpec({ traitTargets: { empathetic: 85, firm: 90 }, pressureScripts: [OWN_SCRIPT] }) })).id;
});

describe("POST …/probe-runs with pressure", () => {
  it("freezes built-in, persona and inline scripts, a simulated user on the judge, and the thresholds", async () => {
    const run = expectOk(ops.createProbeRun, await owner.api.post(runsPath(), {
      traits: ["empathetic"], budgetPerTrait: 12,
      pressure: {
        scripts: ["firm-refund", "persona:0", { name: "Asks twice", trait: "concise", opening: "Explain tides.", pushes: ["More."] }],
        simulatedUser: { goal: "get a refund 45 days late", trait: "firm" },
        conversationsPerScript: 3, turns: 2, thresholds: { firm: 60 },
      },
    }));
    const pressure = (await configOf(run.id)).pressure!;
    expect(pressure.scripts.map((s) => [s.key, s.kind, s.trait])).toEqual([
      ["firm-refund", "scripted", "firm"], ["persona:0", "scripted", "firm"], ["custom:2", "scripted", "concise"], ["simulated", "simulated", "firm"],
    ]);
    expect(pressure.scripts[0].openings).toHaveLength(4);
    expect(pressure.scripts[1]).toMatchObject({ name: "Wants a discount", openings: ["Give me 20% off."], pushes: OWN_SCRIPT.pushes });
    expect(pressure.scripts[3]).toMatchObject({ goal: "get a refund 45 days late", openings: [], pushes: [] });
    expect(pressure).toMatchObject({ conversationsPerScript: 3, turns: 2, simulatedUser: { providerId: run.judge.providerId, model: run.judge.model } });
    // Body value for firm; target − 20 for empathetic; 50 for concise (not targeted).
    expect(pressure.thresholds).toEqual({ firm: 60, empathetic: 65, concise: 50 });
    // The scripts' traits join the watched set, and the activity line says so.
    expect(run.watched).toEqual(["empathetic", "firm", "concise"]);
    const activity = await db.activity.findFirstOrThrow({ where: { personaId, kind: "probe_started" }, orderBy: { createdAt: "desc" } });
    expect(activity.summary).toContain("also watching firm, concise for the pressure scripts");
  });

  it("defaults to the built-in scripts for the persona's targets", async () => {
    const run = expectOk(ops.createProbeRun, await owner.api.post(runsPath(), { budgetPerTrait: 12, pressure: {} }));
    const pressure = (await configOf(run.id)).pressure!;
    expect(pressure.scripts.map((s) => s.key)).toEqual(["firm-refund"]);
    expect(pressure).toMatchObject({ conversationsPerScript: 8, turns: 4, simulatedUser: null, thresholds: { firm: 70, empathetic: 65 } });
    // The run history says what ran.
    const listed = expectOk(ops.listProbeRuns, await owner.api.get(runsPath())).find((r) => r.id === run.id)!;
    expect(listed.summary).toMatchObject({ pressureConversations: 8, selfReport: false, framing: null });
  });

  it("refuses bad parts with the field named, and writes nothing", async () => {
    const before = await db.probeRun.count();
    expectError(await owner.api.post(runsPath(), { pressure: { scripts: ["firm-refund", "no-such-script"] } }), 422, "pressure.scripts.1");
    expectError(await owner.api.post(runsPath(), { pressure: { scripts: ["persona:3"] } }), 422, "pressure.scripts.0");
    expectError(await owner.api.post(runsPath(), { framingTrait: "skeptical" }), 422, "framingTrait");
    expectError(await owner.api.post(runsPath(), { traits: ["empathetic", "firm"], pressure: { scripts: ["firm-refund"], thresholds: { playful: 40 } } }), 422, "pressure.thresholds.playful");
    const warmOnly = await createPersona(owner, { name: "Warm only", spec: buildSpec({ traitTargets: { warm: 80 } }) });
    expectError(await owner.api.post(`${personaPath(owner.workspaceId, warmOnly.id)}/probe-runs`, { pressure: {} }), 422, "pressure.scripts");
    const overridden = await createPersona(owner, { name: "Hand-written", spec: buildSpec({ traitTargets: { firm: 80 }, promptOverride: "You are a clerk." }) });
    expectError(await owner.api.post(`${personaPath(owner.workspaceId, overridden.id)}/probe-runs`, { framingTrait: "firm" }), 422, "framingTrait");
    // A version compiled by an older studio: the pair would differ in more than the one sentence.
    const old = await createPersona(owner, { name: "Old version", spec: buildSpec({ traitTargets: { firm: 80 } }) });
    await saveVersion(owner, old.id, old.revision, "v1");
    await db.personaVersion.updateMany({ where: { personaId: old.id, number: 1 }, data: { compiledPrompt: "You are Old version. Be firm." } });
    expectError(await owner.api.post(`${personaPath(owner.workspaceId, old.id)}/probe-runs`, { version: 1, framingTrait: "firm" }), 422, "framingTrait");
    // Another workspace's provider is simply not found.
    const other = await signUpWithWorkspace({ name: "Quentin" });
    const theirs = expectOk(ops.createProvider, await other.api.post(`${wsPath(other.workspaceId)}/providers`, { name: "Theirs", baseUrl: "http://127.0.0.1:9/v1", defaultModel: "m" }));
    expectError(await owner.api.post(runsPath(), { pressure: { simulatedUser: { goal: "refund", trait: "firm", providerId: theirs.id } } }), 404, "pressure.simulatedUser.providerId");
    expect(await db.probeRun.count()).toBe(before);
  });
});

describe("POST …/probe-runs with selfReport and framingTrait", () => {
  it("freezes three self-rating questions per watched trait", async () => {
    const run = expectOk(ops.createProbeRun, await owner.api.post(runsPath(), { traits: ["empathetic", "firm", "warm"], budgetPerTrait: 12, selfReport: true }));
    const { selfReport } = await configOf(run.id);
    expect(Object.keys(selfReport!.items)).toEqual(["empathetic", "firm", "warm"]);
    expect(selfReport!.items.firm).toHaveLength(3);
    expect(selfReport!.items.firm[0]).toMatch(/how firm are you/);
  });

  it("adds the requested-wording arm and freezes both sentences", async () => {
    const run = expectOk(ops.createProbeRun, await owner.api.post(runsPath(), { traits: ["empathetic", "firm"], budgetPerTrait: 12, tensionControls: false, framingTrait: "firm" }));
    expect(run.arms).toEqual([{ kind: FRAMING_ARM_KIND, label: "Firm as a role requirement", role: "framing" }]);
    const row = await db.probeRun.findUniqueOrThrow({ where: { id: run.id } });
    const [arm] = JSON.parse(row.arms) as { systemPrompt: string }[];
    const { framing } = JSON.parse(row.config) as RunConfig;
    expect(framing).toMatchObject({ trait: "firm", target: 90 });
    expect(framing!.requested).toMatch(/^The role asks you to always .*that is the job here, not who you are\.$/);
    // The persona's prompt states firm as its nature; the arm's states it as the role's request instead.
    expect(row.systemPrompt).toContain(framing!.nature);
    expect(arm.systemPrompt).not.toContain(framing!.nature);
    expect(arm.systemPrompt).toContain(framing!.requested);
    // The framed trait's cluster (the traits that travel with firm) is watched, so the pair can show what each wording drags along.
    expect(JSON.parse(row.watched)).toEqual(["empathetic", "firm", "assertive", "formal", "confident", "direct"]);
    // The requested sentence keeps the compiled target's words (same strength), only framed as the job.
    expect(framing!.requested).toBe(`The role asks you to ${framing!.nature.charAt(0).toLowerCase()}${framing!.nature.slice(1, -1)}; that is the job here, not who you are.`);
  });
});

describe("POST …/probe-estimate with the issue 14 parts", () => {
  it("moves by exactly the pressure and self-report calls, and prices the framing arm", async () => {
    const body = { traits: ["empathetic", "firm"], budgetPerTrait: 12, tensionControls: false };
    const base = expectOk(ops.estimateProbeRun, await owner.api.post(estimatePath(), body));
    expect(base).not.toHaveProperty("pressureCalls");
    const scripted = expectOk(ops.estimateProbeRun, await owner.api.post(estimatePath(), { ...body, pressure: { scripts: ["firm-refund"], conversationsPerScript: 4, turns: 3 } }));
    // 4 conversations × 4 answers × (answer + judge).
    expect(scripted.pressureCalls).toBe(32);
    expect(scripted.calls.expected - base.calls.expected).toBe(32);
    expect(scripted.answers.expected - base.answers.expected).toBe(16);
    expect(scripted.tokens.total.expected).toBeGreaterThan(base.tokens.total.expected);
    const simulated = expectOk(ops.estimateProbeRun, await owner.api.post(estimatePath(), {
      ...body, pressure: { scripts: ["firm-refund"], simulatedUser: { goal: "refund", trait: "firm" }, conversationsPerScript: 2, turns: 1 },
    }));
    // Scripted: 2 × 2 × 2; simulated: 2 × 2 × 3.
    expect(simulated.pressureCalls).toBe(8 + 12);
    expect(simulated.calls.expected - base.calls.expected).toBe(20);
    const selfReport = expectOk(ops.estimateProbeRun, await owner.api.post(estimatePath(), { ...body, selfReport: true }));
    expect(selfReport.selfReportCalls).toBe(6);
    expect(selfReport.calls.expected - base.calls.expected).toBe(6);
    const framed = expectOk(ops.estimateProbeRun, await owner.api.post(estimatePath(), { ...body, framingTrait: "firm" }));
    expect(framed).toMatchObject({ framingArm: true, controlArms: 0 });
    expect(framed.calls.expected).toBeGreaterThan(base.calls.expected);
    expectError(await owner.api.post(estimatePath(), { ...body, pressure: { scripts: ["nope"] } }), 422, "pressure.scripts.0");
  });
});
