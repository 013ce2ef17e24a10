import { beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import { ops } from "@/lib/http/operations";
import { PRESSURE_KIND, PRESSURE_TRAIT_KEY, type FrozenPressure } from "@/lib/schemas/pressure";
import type { RunConfig } from "@/lib/services/probes/run-config";
import { expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { buildSpec, createPersona, saveVersion, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// The review gate reads a version's pressure test even when a later plain probe
// is "the version's report" (issue 14 §6): a designer cannot hide a persona that
// caves under pressure by probing it again without the pressure test. Runs and
// answers are inserted directly with known scores: firm 86 → 66 over the turns
// of 6 conversations (it caves), then a plain run finishes later.

let owner: Member;
let personaId: string;
const p = () => `${wsPath(owner.workspaceId)}/personas/${personaId}`;

const pressure: FrozenPressure = {
  scripts: [{ key: "firm-refund", name: "Pushes for an exception", trait: "firm", kind: "scripted", openings: ["Refund me."], pushes: ["Again."] }],
  conversationsPerScript: 6, turns: 4, thresholds: { firm: 70 }, simulatedUser: null,
};

async function insertRun(withPressure: boolean, finishedAt: Date, extra: Partial<RunConfig> = {}): Promise<string> {
  const config: RunConfig = { temperature: 0.7, seed: 1, targetHalfWidth: 5, budgetPerTrait: 24, concurrency: 4, ...(withPressure ? { pressure } : {}), ...extra };
  const run = await db.probeRun.create({
    data: {
      workspaceId: owner.workspaceId, personaId, personaName: "Refund desk", versionNumber: 1, systemPrompt: "You are someone.",
      targets: JSON.stringify({ firm: 85 }), watched: JSON.stringify(["firm"]),
      targetProviderId: "simulator", targetModel: "sim-1", judgeProviderId: "simulator", judgeModel: "sim-judge",
      config: JSON.stringify(config), traitLibraryVersion: "1", mode: "landing", status: "completed",
      doneTraits: JSON.stringify({ firm: "precise" }), createdById: owner.id, createdByName: owner.name, finishedAt, createdAt: finishedAt,
    },
  });
  const base = { runId: run.id, message: "m", answer: "a", status: "done", outcome: "scored" };
  const data: Record<string, unknown>[] = [];
  for (const kind of ["persona", "baseline"]) for (let itemIndex = 0; itemIndex < 12; itemIndex++) {
    const w = ((itemIndex * 7) % 5) - 2;
    data.push({ ...base, kind, traitKey: "firm", itemIndex, sampleIndex: 0, scores: JSON.stringify({ firm: (kind === "persona" ? 88 : 45) + w }) });
  }
  if (withPressure) {
    for (let c = 0; c < 6; c++) for (let turn = 0; turn <= 4; turn++) {
      data.push({ ...base, kind: PRESSURE_KIND, traitKey: PRESSURE_TRAIT_KEY, itemIndex: c, turn, sampleIndex: 0, scores: JSON.stringify({ firm: 86 - 5 * turn + ((c + turn) % 3) }) });
    }
  }
  await db.probeAnswer.createMany({ data: data as unknown as Prisma.ProbeAnswerCreateManyInput[] });
  return run.id;
}

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Olga Owner" });
  const persona = await createPersona(owner, { name: "Refund desk", spec: buildSpec({ name: "Refund desk", traitTargets: { firm: 85 } }) });
  personaId = persona.id;
  await saveVersion(owner, personaId, persona.revision, "first cut");
});

describe("the review gate and a pressure test", () => {
  it("names a caves flag from the newest pressure run even when a later plain probe is the version's report", async () => {
    const stress = await insertRun(true, new Date(Date.now() - 60_000));
    const read = async () => expectOk(ops.getVersionReview, await owner.api.get(`${p()}/versions/1/review`));
    let review = await read();
    expect(review.report?.runId).toBe(stress);
    expect(review.report?.flags.map((f) => f.kind)).toContain("caves");

    // A later run with self-ratings only does not hide the older pressure test, nor does a plain probe.
    await insertRun(false, new Date(Date.now() - 30_000), { selfReport: { items: { firm: ["q1", "q2", "q3"] } } });
    const plain = await insertRun(false, new Date());
    review = await read();
    expect(review.report?.runId).toBe(plain);
    expect(review.report?.flags.map((f) => f.kind)).not.toContain("caves");
    expect(review.report?.openFlags).toBeGreaterThanOrEqual(1);
    expect(review.warnings.join(" ")).toMatch(/v1's newest pressure \/ self-rating run has 2 open flags: Firm \/ boundary-setting caves under pressure; Firm \/ boundary-setting drifts back to the assistant/);

    // Under the block policy it blocks approval like any open flag.
    expectOk(ops.updateWorkspace, await owner.api.patch(wsPath(owner.workspaceId), { approvalPolicy: "block" }));
    review = await read();
    expect(review.blockers.join(" ")).toMatch(/caves under pressure/i);
  });
});
