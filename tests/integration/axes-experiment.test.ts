import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { claimableRuns, claimRun, processRun, type WorkerDeps } from "@/lib/jobs/probe-worker";
import { mulberry32 } from "@/lib/math/random";
import type { AxesComparison, AxesExperimentStarted } from "@/lib/schemas/axes-experiment";
import { personaSpecSchema } from "@/lib/schemas/persona";
import { expectError, expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { addTeammate, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// The axes experiment end to end on the simulator (issue 13 §6): one topic →
// 15 positions × 2 styles as personas (v1 each) → two panels with a group per
// axis on persona-sim-2 → a divergence probe of each with the same items →
// the per-axis comparison. persona-sim-2 reads named frameworks and topic
// labels (frameworks.ts); the statistic and its interval are tested on
// synthetic answers in tests/unit/probing/panel/axes.test.ts.

let owner: Member;
let other: Member;
let started: AxesExperimentStarted;
const path = () => `${wsPath(owner.workspaceId)}/panels/axes-experiment`;
const TRAITS = ["warm", "skeptical", "cautious"];

async function drain() {
  const deps: WorkerDeps = { workerId: "axes-test", sleep: async () => {}, rng: mulberry32(1) };
  for (let round = 0; round < 10; round++) {
    const ids = await claimableRuns();
    if (!ids.length) return;
    for (const id of ids) if (await claimRun(id, deps.workerId)) await processRun(id, deps);
  }
}

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Axes Owner" });
  other = await signUpWithWorkspace({ name: "Axes Stranger" });
  started = expectOk(ops.startAxesExperiment, await owner.api.post(path(), {
    topic: "  housing  ", seat: { providerId: "simulator", model: "persona-sim-2" }, itemsPerTrait: 6, traits: TRAITS, seed: 3,
  }));
}, 60_000);

describe("starting", () => {
  it("drafts 15 positions in both styles as personas named after the topic, each saved as v1", async () => {
    expect(started.topic).toBe("housing");
    expect(started.personas).toBe(30);
    const personas = await db.persona.findMany({ where: { workspaceId: owner.workspaceId }, include: { versions: true } });
    expect(personas).toHaveLength(30);
    expect(new Set(personas.map((p) => p.slug)).size).toBe(30);
    for (const p of personas) {
      expect(p.name.startsWith("housing · ")).toBe(true);
      expect(p.latestVersion).toBe(1);
      expect(p.versions.map((v) => v.number)).toEqual([1]);
      personaSpecSchema.parse(JSON.parse(p.spec));
    }
  });

  it("creates the two panels, a group per axis, every member pinned to v1 on the one seat, paired through their origin", async () => {
    expect(started.panels.map((p) => [p.name, p.style])).toEqual([["housing — topic-labelled", "topic"], ["housing — framework-grounded", "framework"]]);
    for (const p of started.panels) {
      const panel = expectOk(ops.getPanel, await owner.api.get(`${wsPath(owner.workspaceId)}/panels/${p.id}`));
      expect(panel.description).toMatch(/Axes experiment on “housing”/);
      expect(panel.spec.groups.map((g) => [g.name, g.members.length])).toEqual([["Professional", 3], ["Cultural", 3], ["Linguistic", 3], ["Temporal", 3], ["Gender", 3]]);
      expect(panel.spec.activePlan).toBe("single");
      expect(panel.members.every((m) => m.version === 1 && m.seat?.providerId === "simulator" && m.seat.model === "persona-sim-2")).toBe(true);
    }
    const [t, f] = await Promise.all(started.panels.map((p) => db.panel.findUniqueOrThrow({ where: { id: p.id } })));
    expect(JSON.parse(t.imported!)).toMatchObject({ format: "axes-experiment", style: "topic", partnerPanelId: f.id });
    expect(JSON.parse(f.imported!)).toMatchObject({ format: "axes-experiment", style: "framework", partnerPanelId: t.id });
  });

  it("starts one divergence probe per panel with the same traits, items and seed", async () => {
    expect(started.runs.map((r) => r.style)).toEqual(["topic", "framework"]);
    const runs = await Promise.all(started.runs.map((r) => db.panelRun.findUniqueOrThrow({ where: { id: r.id } })));
    for (const r of runs) {
      expect(JSON.parse(r.watched)).toEqual(TRAITS);
      expect(JSON.parse(r.config)).toMatchObject({ seed: 3, itemsPerTrait: 6, answersPerPair: 0, questions: [] });
      expect(await db.probeRun.count({ where: { panelRunId: r.id } })).toBe(15);
    }
  });
});

describe("the comparison", () => {
  const query = () => ({ topicRun: started.runs[0].id, frameworkRun: started.runs[1].id });

  it("is partial before the probes run, then shows framework-grounded members diverging on the simulator", async () => {
    const before = expectOk(ops.getAxesComparison, await owner.api.get(path(), query()));
    expect(before.complete).toBe(false);
    expect(before.axes.every((a) => a.items === 0 && a.verdict === "no clear difference")).toBe(true);

    await drain();
    const after: AxesComparison = expectOk(ops.getAxesComparison, await owner.api.get(path(), query()));
    expect(after.complete).toBe(true);
    expect(after.runs.map((r) => [r.style, r.status, r.done, r.total])).toEqual([["topic", "completed", 15, 15], ["framework", "completed", 15, 15]]);
    expect(after.axes.map((a) => a.axis)).toEqual(["professional", "cultural", "linguistic", "temporal", "gender"]);
    for (const a of after.axes) {
      expect(a.items).toBe(18);
      expect(a.members).toHaveLength(3);
      expect(a.difference.meanDistance.estimate).toBeCloseTo(a.framework.meanDistance.estimate! - a.topic.meanDistance.estimate!, 8);
    }
    // persona-sim-2 puts topic-labelled positions within ~1 point and framework-grounded ones 15–21 apart (measured here: 0–0.7 vs 8–24).
    const verdicts = after.axes.map((a) => a.verdict);
    expect(verdicts).toEqual(Array(5).fill("framework-grounded diverges more"));
    // The same answers give the same intervals (the resampling is seeded by the two probes).
    expect(expectOk(ops.getAxesComparison, await owner.api.get(path(), query()))).toEqual(after);
  }, 120_000);

  it("refuses probes that are not the two halves of one experiment, and another workspace's probe is not found", async () => {
    const swapped = expectError(await owner.api.get(path(), { topicRun: started.runs[1].id, frameworkRun: started.runs[0].id }), 422);
    expect(swapped.field).toBe("topicRun");
    const same = expectError(await owner.api.get(path(), { topicRun: started.runs[0].id, frameworkRun: started.runs[0].id }), 422);
    expect(same.field).toBe("frameworkRun");
    expectError(await other.api.get(`${wsPath(other.workspaceId)}/panels/axes-experiment`, query()), 404);
  });

  it("is for editors to start, viewers to read", async () => {
    const viewer = await addTeammate(owner, "viewer");
    expectError(await viewer.api.post(path(), { topic: "housing" }), 403);
    expectOk(ops.getAxesComparison, await viewer.api.get(path(), { topicRun: started.runs[0].id, frameworkRun: started.runs[1].id }));
  });
});
