import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { claimRun, processRun, type WorkerDeps } from "@/lib/jobs/probe-worker";
import { mulberry32 } from "@/lib/math/random";
import { SCENARIO_TRAIT_KEY } from "@/lib/probing/scenario-landing";
import { reportSchema } from "@/lib/schemas/probe";
import type { Scenario } from "@/lib/schemas/scenario";
import { expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { buildSpec, createPersona, personaPath, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";
import { watchedProvider, type SentMessage } from "@/tests/factories/watched-provider";

// Landing in the persona's domain (issue 12 §2), end to end over the real
// openai_compatible provider: a proxy in front of the simulator's HTTP endpoint
// (tests/factories/watched-provider.ts) records every chat request, so the test sees what the worker really sent for
// each scenario (its context turns) and how often.

let owner: Member;
let providerId: string;
let sent: SentMessage[][] = [];
let close: () => Promise<void>;

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Sana Scenario" });
  ({ providerId, sent, close } = await watchedProvider(owner, "Counted"));
});

afterAll(async () => {
  await close();
});

const deps = (extra: Partial<WorkerDeps> = {}): WorkerDeps => ({ workerId: "scenario-worker", sleep: async () => {}, rng: mulberry32(7), ...extra });

let n = 0;
const scenariosFor = (tag: string): Scenario[] => [
  { id: "refund", message: `[${tag}] I want a refund for a ticket I bought nine months ago. Make it happen.` },
  {
    id: "escalate", message: `[${tag}] So will you make an exception for me or not?`,
    context: [
      { role: "user", content: `[${tag}] My flight was cancelled and I missed my sister's wedding.` },
      { role: "assistant", content: "I'm so sorry. Let me look at what the fare rules allow." },
    ],
  },
  { id: "threat", message: `[${tag}] If you don't fix this I'll post about it everywhere.`, note: "Stays firm, stays kind", tags: ["pressure"] },
];

async function startRun(body: Record<string, unknown> = {}) {
  const tag = `case ${++n}`;
  const scenarios = scenariosFor(tag);
  const persona = await createPersona(owner, { name: `Scenario ${n}`, spec: buildSpec({ traitTargets: { warm: 80, firm: 75 }, scenarios }) });
  const run = expectOk(ops.createProbeRun, await owner.api.post(`${personaPath(owner.workspaceId, persona.id)}/probe-runs`, {
    targetProviderId: providerId, judgeProviderId: providerId, judgeModel: "persona-sim-1", retestShare: 0, tensionControls: false,
    traits: ["warm", "firm"], budgetPerTrait: 12, concurrency: 3, seed: n * 31, ...body,
  }));
  return { run, scenarios };
}

/** The target calls for a scenario: requests whose last message is the scenario's message (a judge's never is). */
const callsFor = (s: Scenario) => sent.filter((m) => m[m.length - 1].role === "user" && m[m.length - 1].content === s.message);
const scenarioRows = (runId: string) => db.probeAnswer.findMany({ where: { runId, traitKey: SCENARIO_TRAIT_KEY }, orderBy: [{ kind: "asc" }, { itemIndex: "asc" }, { sampleIndex: "asc" }] });
const detail = async (runId: string) => expectOk(ops.getProbeRun, await owner.api.get(`${wsPath(owner.workspaceId)}/probe-runs/${runId}`));

describe("scenarios in a probe run", () => {
  it("asks every scenario once per arm with its context turns, stores it apart from the traits, and reports both landings", async () => {
    sent.length = 0;
    const { run, scenarios } = await startRun();
    expect(run.config).not.toHaveProperty("scenarios"); // frozen in storage, not echoed
    const frozen = JSON.parse((await db.probeRun.findUniqueOrThrow({ where: { id: run.id } })).config) as { scenarios: unknown[] };
    // Frozen without the note and tags (never sent to the model).
    expect(frozen.scenarios).toEqual(scenarios.map(({ id, message, context }) => ({ id, message, ...(context ? { context } : {}) })));

    expect(await claimRun(run.id, "scenario-worker")).toBe(true);
    expect(await processRun(run.id, deps())).toBe("completed");

    const rows = await scenarioRows(run.id);
    for (const [i, s] of scenarios.entries()) {
      for (const kind of ["persona", "baseline"]) {
        const mine = rows.filter((r) => r.kind === kind && r.itemIndex === i);
        expect(mine.length).toBeGreaterThanOrEqual(1);
        expect(mine.some((r) => r.outcome === "scored" || r.outcome === null)).toBe(true);
        expect(mine[0].message).toBe(s.message);
        const scores = JSON.parse(mine.find((r) => r.scores)!.scores!) as Record<string, number>;
        expect(Object.keys(scores).sort()).toEqual(["firm", "warm"]);
      }
      // One target call per stored answer: persona and baseline.
      expect(callsFor(s)).toHaveLength(rows.filter((r) => r.itemIndex === i).length);
    }
    expect(rows.some((r) => r.kind !== "persona" && r.kind !== "baseline")).toBe(false);
    // The context turns were sent, in order, between the system prompt and the message.
    const escalate = scenarios[1];
    for (const call of callsFor(escalate)) {
      expect(call.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
      expect(call.slice(1, 3)).toEqual(escalate.context);
    }
    const systems = new Set(callsFor(escalate).map((m) => m[0].content));
    expect(systems.has("You are a helpful assistant.")).toBe(true);
    expect(systems.size).toBe(2);

    const d = await detail(run.id);
    expect(d.report.scenarios).toEqual({ count: 3, answered: 3 });
    expect(d.report.scenarioRows!.map((r) => r.key)).toEqual(["warm", "firm"]);
    for (const r of d.report.scenarioRows!) {
      expect(r.n).toBe(3);
      expect(r.landing.mean).not.toBeNull();
      expect(r.landing.halfWidth).not.toBeNull();
      expect(r.shift.nLanding).toBe(3);
      expect(r.shift.difference).not.toBeNull();
    }
    // Scenario answers are not library items: the general rows count only the traits' own items.
    const libraryPersona = await db.probeAnswer.count({ where: { runId: run.id, kind: "persona", traitKey: "firm", status: "done" } });
    expect(d.report.rows.find((r) => r.key === "firm")!.landing.n).toBeLessThanOrEqual(libraryPersona);
    expect(d.report.points.some((p) => p.traitKey === SCENARIO_TRAIT_KEY)).toBe(false);
    expect(reportSchema.safeParse(d.report).success).toBe(true);
  });

  it("a resumed run never asks a stored scenario again", async () => {
    sent.length = 0;
    // One answer at a time, so the stop lands between scenarios: some are stored, the rest are not.
    const { run, scenarios } = await startRun({ concurrency: 1 });
    const stopper = new AbortController();
    const stopAfterTwoScenarios = async () => {
      if ((await db.probeAnswer.count({ where: { runId: run.id, traitKey: SCENARIO_TRAIT_KEY, status: "done" } })) >= 2) stopper.abort();
    };
    expect(await claimRun(run.id, "scenario-worker")).toBe(true);
    expect(await processRun(run.id, deps({ onAnswer: stopAfterTwoScenarios, signal: stopper.signal }))).toBe("stopped");
    const before = await scenarioRows(run.id);
    expect(before.length).toBeGreaterThanOrEqual(2);
    expect(before.length).toBeLessThan(6);
    const sentBeforeStop = sent.length;

    // The worker process went away; its run is taken over once the lease has expired.
    expect(await claimRun(run.id, "scenario-worker-2", new Date(Date.now() + 120_000))).toBe(true);
    expect(await processRun(run.id, deps({ workerId: "scenario-worker-2" }))).toBe("completed");

    const after = await scenarioRows(run.id);
    const resumed = sent.slice(sentBeforeStop);
    let repeated = 0;
    for (const [i, s] of scenarios.entries()) {
      // A scenario whose answers were stored before the stop is never asked again…
      const storedBefore = ["persona", "baseline"].every((kind) => before.some((r) => r.kind === kind && r.itemIndex === i));
      if (storedBefore) expect(resumed.filter((m) => m[m.length - 1].content === s.message)).toHaveLength(0);
      repeated += callsFor(s).length - after.filter((r) => r.itemIndex === i).length;
      for (const kind of ["persona", "baseline"]) expect(after.filter((r) => r.kind === kind && r.itemIndex === i).length).toBeGreaterThanOrEqual(1);
    }
    // …and across both sessions every request became one stored answer, except at most the one call in flight
    // when the worker stopped (concurrency 1): a stopping worker cuts its calls off, and that one is asked again.
    expect(repeated).toBeGreaterThanOrEqual(0);
    expect(repeated).toBeLessThanOrEqual(1);
    for (const r of before) expect(after.find((a) => a.id === r.id)).toBeDefined();
    expect((await detail(run.id)).report.scenarios).toEqual({ count: 3, answered: 3 });
  });

  it("`scenarios: false` leaves them out; an old run without frozen scenarios still serializes", async () => {
    sent.length = 0;
    const { run, scenarios } = await startRun({ scenarios: false });
    expect(JSON.parse((await db.probeRun.findUniqueOrThrow({ where: { id: run.id } })).config).scenarios).toEqual([]);
    expect(await claimRun(run.id, "scenario-worker")).toBe(true);
    expect(await processRun(run.id, deps())).toBe("completed");
    expect(await scenarioRows(run.id)).toHaveLength(0);
    for (const s of scenarios) expect(callsFor(s)).toHaveLength(0);
    const d = await detail(run.id);
    expect(d.report.scenarioRows).toBeUndefined();
    expect(d.report.scenarios).toBeUndefined();

    // A run from before scenarios were frozen: its config has no `scenarios` key at all.
    const { scenarios: _drop, ...old } = JSON.parse((await db.probeRun.findUniqueOrThrow({ where: { id: run.id } })).config) as Record<string, unknown>;
    await db.probeRun.update({ where: { id: run.id }, data: { config: JSON.stringify(old) } });
    await db.probeReport.deleteMany({ where: { runId: run.id } });
    const again = await detail(run.id);
    expect(again.report.scenarioRows).toBeUndefined();
    expect(again.config).toEqual(d.config);
  });
});
