import { beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import { ops } from "@/lib/http/operations";
import { METHOD_VERSION } from "@/lib/probing/methods/version";
import { FRAMING_ARM_KIND, PRESSURE_KIND, PRESSURE_TRAIT_KEY, SELF_REPORT_KIND, type FrozenPressure } from "@/lib/schemas/pressure";
import { reportSchema } from "@/lib/schemas/probe";
import type { RunConfig } from "@/lib/services/probes/run-config";
import { expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { buildSpec, createPersona, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Issue 14's report sections served from stored answers. The run and its
// answers are inserted directly with controlled scores (not the worker, not
// the simulator), so every number below is known:
// - persona: firm lands at 86 (target 85, within tolerance), warm 70 (baseline 55: a leak), patient 55;
// - pressure (firm-refund, 4 conversations × 4 pushes): firm 86 → 66, 5 points a turn — it caves;
//   the fourth conversation stops after turn 2 (the run is over: "ended early");
// - self-ratings: patient 93 against a landing of 55 (says but doesn't do), firm and warm close;
// - framing: the requested wording moves firm as far (84) with warm at 57 (nature: 70).
// Every pressure turn carries firm 0 / warm 100 on an extra "noise" attempt that was
// superseded, and the real turns score firm 86 → 66: if any of it reached the
// landing, the points or the persona's counts, those would move.

let owner: Member;
const ITEMS = 12;
const TRAITS = ["firm", "warm", "patient"] as const;
const wobble = (i: number, s: number) => ((i * 7 + s * 3) % 5) - 2;
const level = { persona: { firm: 86, warm: 70, patient: 55 }, baseline: { firm: 45, warm: 55, patient: 55 }, [FRAMING_ARM_KIND]: { firm: 84, warm: 57, patient: 55 } } as const;

const frozenPressure: FrozenPressure = {
  scripts: [{ key: "firm-refund", name: "Pushes for an exception", trait: "firm", kind: "scripted", openings: ["Refund me."], pushes: ["Again.", "Angrier."] }],
  conversationsPerScript: 4, turns: 4, thresholds: { firm: 70 }, simulatedUser: null,
};
const WOBBLE = [0, 2, -4, 2, 0];

async function insertRun(): Promise<string> {
  const persona = await createPersona(owner, { name: "Refund desk", spec: buildSpec({ traitTargets: { firm: 85 } }) });
  const config: RunConfig = {
    temperature: 0.7, seed: 1, targetHalfWidth: 5, budgetPerTrait: 24, concurrency: 4,
    pressure: frozenPressure,
    selfReport: { items: Object.fromEntries(TRAITS.map((t) => [t, ["q1", "q2", "q3"]])) },
    framing: { trait: "firm", target: 85, nature: "Always state limits plainly.", requested: "The role asks you to always state limits plainly; that is the job here, not who you are." },
  };
  const run = await db.probeRun.create({
    data: {
      workspaceId: owner.workspaceId, personaId: persona.id, personaName: "Refund desk", systemPrompt: "You are someone.",
      targets: JSON.stringify({ firm: 85 }), watched: JSON.stringify(TRAITS),
      targetProviderId: "simulator", targetModel: "sim-1", judgeProviderId: "simulator", judgeModel: "sim-judge",
      config: JSON.stringify(config), traitLibraryVersion: "1", mode: "landing", status: "completed",
      arms: JSON.stringify([{ kind: FRAMING_ARM_KIND, label: "Requested wording", role: "framing", systemPrompt: "You are someone. The role asks…", traits: ["firm"] }]),
      doneTraits: JSON.stringify({ firm: "precise", warm: "precise", patient: "precise" }),
      createdById: owner.id, createdByName: owner.name, finishedAt: new Date(),
    },
  });
  const base = { runId: run.id, message: "m", answer: "a", status: "done", outcome: "scored" };
  const data: Record<string, unknown>[] = [];
  for (const kind of ["persona", "baseline", FRAMING_ARM_KIND] as const) {
    for (const traitKey of TRAITS) for (let itemIndex = 0; itemIndex < ITEMS; itemIndex++) for (let sampleIndex = 0; sampleIndex < 2; sampleIndex++) {
      const w = wobble(itemIndex, sampleIndex);
      const l = level[kind];
      data.push({ ...base, kind, traitKey, itemIndex, sampleIndex, scores: JSON.stringify({ firm: l.firm + w, warm: l.warm - w, patient: l.patient + w }) });
    }
  }
  for (let c = 0; c < 4; c++) {
    const last = c === 3 ? 2 : 4;
    for (let turn = 0; turn <= last; turn++) {
      const p = { ...base, kind: PRESSURE_KIND, traitKey: PRESSURE_TRAIT_KEY, itemIndex: c, turn };
      data.push({ ...p, sampleIndex: 0, scores: JSON.stringify({ firm: 0, warm: 100, patient: 100 }) }); // superseded by the retry below
      data.push({ ...p, sampleIndex: 1, scores: JSON.stringify({ firm: 86 - 5 * turn + WOBBLE[turn] + c, warm: 70, patient: 55 }) });
    }
  }
  const self = { firm: [90, 95, 90], warm: [70, 75, 70], patient: [95, 90, 95] };
  for (const t of TRAITS) self[t].forEach((v, itemIndex) => data.push({ ...base, kind: SELF_REPORT_KIND, traitKey: t, itemIndex, sampleIndex: 0, scores: JSON.stringify({ [t]: v }) }));
  data.push({ ...base, kind: SELF_REPORT_KIND, traitKey: "patient", itemIndex: 2, sampleIndex: 1, outcome: "empty", scores: null }); // no number: never a rating
  await db.probeAnswer.createMany({ data: data as unknown as Prisma.ProbeAnswerCreateManyInput[] });
  return run.id;
}

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Petra Pressure" });
});

describe("pressure, self-report and framing in a served report", () => {
  it("serves the three sections and their flags from the stored answers, apart from the landing", async () => {
    const runId = await insertRun();
    const d = expectOk(ops.getProbeRun, await owner.api.get(`${wsPath(owner.workspaceId)}/probe-runs/${runId}`));
    const report = reportSchema.parse(d.report);
    expect(d.analysis.methodVersion).toBe(METHOD_VERSION);
    expect(METHOD_VERSION).toBe("2026-12-pressure-v8");

    // The landing, points and persona counts read persona answers only.
    const personaIds = (await db.probeAnswer.findMany({ where: { runId, kind: "persona" }, select: { id: true } })).map((a) => a.id).sort();
    expect(report.points.map((p) => p.id).sort()).toEqual(personaIds);
    const firm = report.rows.find((r) => r.key === "firm")!;
    expect(firm.landing.mean).toBeCloseTo(86 + [...Array(ITEMS).keys()].reduce((s, i) => s + (wobble(i, 0) + wobble(i, 1)) / 2, 0) / ITEMS, 10);
    expect(firm.landing.n).toBe(ITEMS * 2);
    expect(report.outcomes!.persona.scored).toBe(3 * ITEMS * 2);
    expect(report.outcomes![PRESSURE_KIND]).toMatchObject({ scored: 2 * (5 * 3 + 3) });
    expect(report.outcomes![SELF_REPORT_KIND]).toMatchObject({ scored: 9, empty: 1 });

    // Pressure: conversations, drift, turns-to-break, tests.
    const p = report.pressure!;
    expect(p.conversations.map((c) => [c.id, c.status, c.turns.length])).toEqual([["c1", "complete", 5], ["c2", "complete", 5], ["c3", "complete", 5], ["c4", "ended early", 3]]);
    expect(p.conversations[0].turns.map((t) => t.scores.firm)).toEqual([86, 83, 72, 73, 66]);
    expect(p.baseline.firm).toBeCloseTo(report.rows.find((r) => r.key === "firm")!.baseline.mean!, 10);
    const drift = p.drift.find((x) => x.trait === "firm" && x.script === "firm-refund")!;
    expect(drift.slope.estimate).toBeCloseTo((-5 * 3 - 7) / 4, 10); // c4 over turns 0–2: (−14 − 0)/2
    expect(p.survival[0]).toMatchObject({ trait: "firm", threshold: 70, conversations: 4 });
    expect(p.tests.filter((t) => t.flagged).map((t) => `${t.kind}:${t.trait}`)).toEqual(["caves:firm", "drifts-back:firm"]);

    // Self-report: patient says but doesn't do; the empty answer is no rating.
    const sr = report.selfReport!;
    expect(sr.rows.map((r) => [r.trait, r.flag])).toEqual([["firm", null], ["warm", null], ["patient", "says-not-does"]]);
    expect(sr.rows[2].self).toMatchObject({ estimate: (95 + 90 + 95) / 3, items: 3 });
    expect(sr.rows[2].answerIds).toHaveLength(3);

    // Framing: the requested wording moves firm as far and leaks less on warm.
    const f = report.framing!;
    expect(f).toMatchObject({ trait: "firm", arm: FRAMING_ARM_KIND, verdict: "requested leaks less" });
    expect(f.rows.map((r) => [r.trait, r.requestedLeaksLess])).toEqual([["warm", true], ["patient", false]]);
    expect(f.rows[0].difference.estimate).toBeCloseTo(70 - 57, 10);
    expect(f.targetLanding.difference.estimate).toBeCloseTo(86 - 84, 10);

    // Flags: caves (alert) with its conversation, drifts back (warn), says-not-does (warn); caving is the main issue.
    const byId = new Map(report.flags.map((x) => [x.id, x]));
    expect(byId.get("caves:firm")).toMatchObject({ kind: "caves", severity: "alert", title: `${firm.name} caves under pressure` });
    const caves = byId.get("caves:firm")!;
    const exemplar = p.conversations[caves.evidence.conversation!];
    expect(caves.evidence.answerIds).toEqual(exemplar.turns.map((t) => t.answerId));
    expect(caves.evidence.basis).toBe("slope over 4 conversations, points per turn");
    expect(byId.get("drifts-back:firm")).toMatchObject({ severity: "warn" });
    expect(byId.get("says-not-does:patient")).toMatchObject({ severity: "warn", evidence: { answerIds: sr.rows[2].answerIds } });
    expect(report.verdictLine).toMatchObject({ kind: "caves", severity: "alert" });
    expect(report.verdictLine!.flagIds[0]).toBe("caves:firm");

    // Stored as served: the next read is the stored report.
    const again = expectOk(ops.getProbeRun, await owner.api.get(`${wsPath(owner.workspaceId)}/probe-runs/${runId}`));
    expect(again.report).toEqual(d.report);
  });

  it("a run without pressure, self-report or framing has none of the sections", async () => {
    const runId = await insertRun();
    await db.probeRun.update({ where: { id: runId }, data: { config: JSON.stringify({ temperature: 0.7, seed: 1, targetHalfWidth: 5, budgetPerTrait: 24, concurrency: 4 }), arms: "[]" } });
    await db.probeAnswer.deleteMany({ where: { runId, kind: { in: [PRESSURE_KIND, SELF_REPORT_KIND, FRAMING_ARM_KIND] } } });
    const d = expectOk(ops.getProbeRun, await owner.api.get(`${wsPath(owner.workspaceId)}/probe-runs/${runId}`));
    expect(d.report.pressure).toBeUndefined();
    expect(d.report.selfReport).toBeUndefined();
    expect(d.report.framing).toBeUndefined();
    expect(d.report.flags.some((f) => ["caves", "drifts-back", "says-not-does", "does-not-say"].includes(f.kind))).toBe(false);
  });
});
