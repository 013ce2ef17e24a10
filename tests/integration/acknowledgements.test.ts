import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { claimRun, processRun } from "@/lib/jobs/probe-worker";
import { SimulatorProvider } from "@/lib/llm/simulator/provider";
import { mulberry32 } from "@/lib/math/random";
import type { ProbeRunDetail } from "@/lib/schemas/probe";
import { api, expectError, expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { addTeammate, buildSpec, createPersona, personaPath, saveVersion, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Issue 12 §7: "expected for this persona" — an acknowledgement with a reason,
// kept on the persona, marks the flag on every served report (run page, review
// box and approval gate, share page), and the verdict line moves on to the next
// issue. The stored report is never changed.

let owner: Member;
let viewer: Awaited<ReturnType<typeof addTeammate>>;
let reviewer: Awaited<ReturnType<typeof addTeammate>>;
let editor: Awaited<ReturnType<typeof addTeammate>>;
let personaId: string;
let runId: string;
let before: ProbeRunDetail;

const P = () => personaPath(owner.workspaceId, personaId);
const acks = () => `${P()}/acknowledgements`;
const getRun = async () => expectOk(ops.getProbeRun, await owner.api.get(`${wsPath(owner.workspaceId)}/probe-runs/${runId}`));
const list = async (m: { api: Member["api"] } = owner) => expectOk(ops.listAcknowledgements, await m.api.get(acks())).acknowledgements;

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Dana Designer" });
  viewer = await addTeammate(owner, "viewer");
  reviewer = await addTeammate(owner, "reviewer");
  editor = await addTeammate(owner, "editor");
  // Both targeted at 95 under a hand-written prompt that asks only loosely: on the simulator both land short
  // of the "always" window, so the report has findings on targeted traits, and warm/patient may leak.
  const spec = buildSpec({
    name: "Refund Desk", archetype: "", background: "", values: [], boundaries: [], voice: { register: "neutral", tone: "", length: "moderate" },
    traitTargets: { empathetic: 95, firm: 95, formal: 10 }, promptOverride: "You are fairly empathetic but fairly firm. Write formally.",
  });
  const persona = await createPersona(owner, { name: spec.name, spec });
  await saveVersion(owner, persona.id, persona.revision, "first");
  personaId = persona.id;
  const run = expectOk(ops.createProbeRun, await owner.api.post(`${P()}/probe-runs`, { version: 1, traits: ["empathetic", "firm", "formal", "warm", "patient"], budgetPerTrait: 12 }));
  runId = run.id;
  const sim = new SimulatorProvider();
  expect(await claimRun(run.id, "ack-worker")).toBe(true);
  expect(await processRun(run.id, {
    workerId: "ack-worker", sleep: async () => {}, rng: mulberry32(5),
    resolve: async (_w, _p, model) => ({ provider: sim, providerId: "simulator", model, simulated: true, endpoint: "simulator" }),
  })).toBe("completed");
  before = await getRun();
});

describe("who may acknowledge", () => {
  it("lets any member read, but only editors and owners acknowledge or withdraw; nothing is written on a 403", async () => {
    expect(await list(viewer)).toEqual([]);
    const body = { flagId: "miss:firm", reason: "Firmness lives in the refund tool" };
    for (const m of [viewer, reviewer]) expectError(await m.api.post(acks(), body), 403);
    expect(await db.flagAcknowledgement.count({ where: { personaId } })).toBe(0);
    const made = expectOk(ops.acknowledgeFlag, await editor.api.post(acks(), body));
    expect(made.acknowledgement).toMatchObject({ flagId: "miss:firm", direction: "", reason: body.reason, by: "Editor Person" });
    for (const m of [viewer, reviewer]) expectError(await m.api.delete(`${acks()}/${made.acknowledgement.id}`), 403);
    expectOk(ops.removeAcknowledgement, await editor.api.delete(`${acks()}/${made.acknowledgement.id}`));
    expect(await list()).toEqual([]);
  });

  it("answers 404 for another workspace's persona or acknowledgement, and for an acknowledgement of another persona", async () => {
    const made = expectOk(ops.acknowledgeFlag, await owner.api.post(acks(), { flagId: "leakage:warm", reason: "Warm is the point" }));
    const stranger = await signUpWithWorkspace({ name: "Stan Stranger" });
    const foreign = personaPath(stranger.workspaceId, personaId);
    expectError(await stranger.api.get(`${foreign}/acknowledgements`), 404);
    expectError(await stranger.api.post(`${foreign}/acknowledgements`, { flagId: "leakage:warm", reason: "mine now" }), 404);
    expectError(await stranger.api.delete(`${foreign}/acknowledgements/${made.acknowledgement.id}`), 404);
    // Their own persona, our acknowledgement id: not found either.
    const theirs = await createPersona(stranger);
    expectError(await stranger.api.delete(`${personaPath(stranger.workspaceId, theirs.id)}/acknowledgements/${made.acknowledgement.id}`), 404);
    // Same workspace, another persona: the acknowledgement belongs to this one only.
    const other = await createPersona(owner, { name: "Other Desk" });
    expectError(await owner.api.delete(`${personaPath(owner.workspaceId, other.id)}/acknowledgements/${made.acknowledgement.id}`), 404);
    expect(await list()).toHaveLength(1);
    expectOk(ops.removeAcknowledgement, await owner.api.delete(`${acks()}/${made.acknowledgement.id}`));
  });
});

describe("acknowledging", () => {
  it("replaces the reason when the same flag and direction is acknowledged again (200), and keeps directions apart", async () => {
    const first = await owner.api.post(acks(), { flagId: "leakage:patient", direction: "up", reason: "Patience is fine" });
    expect(first.status).toBe(201);
    const again = await editor.api.post(acks(), { flagId: "leakage:patient", direction: "up", reason: "Patience is the job" });
    expect(again.status).toBe(200);
    const replaced = ops.acknowledgeFlag.response.parse(again.body).acknowledgement;
    expect(replaced).toMatchObject({ id: ops.acknowledgeFlag.response.parse(first.body).acknowledgement.id, reason: "Patience is the job", by: "Editor Person" });
    expectOk(ops.acknowledgeFlag, await owner.api.post(acks(), { flagId: "leakage:patient", direction: "down", reason: "Falling is fine too" }));
    // A direction on a flag that is not leakage means nothing: kept as "either way", so it is one acknowledgement.
    const miss = expectOk(ops.acknowledgeFlag, await owner.api.post(acks(), { flagId: "miss:formal", direction: "up", reason: "Formality is optional" }));
    expect(miss.acknowledgement.direction).toBe("");
    expect((await owner.api.post(acks(), { flagId: "miss:formal", reason: "Formality is optional here" })).status).toBe(200);
    const all = await list();
    expect(all.map((a) => `${a.flagId} ${a.direction || "any"}: ${a.reason}`).sort()).toEqual([
      "leakage:patient down: Falling is fine too", "leakage:patient up: Patience is the job", "miss:formal any: Formality is optional here",
    ]);
    for (const a of all) expectOk(ops.removeAcknowledgement, await owner.api.delete(`${acks()}/${a.id}`));
  });

  it("records who acknowledged what, and why, in the activity feed", async () => {
    const made = expectOk(ops.acknowledgeFlag, await owner.api.post(acks(), { flagId: "leakage:warm", direction: "up", reason: "A support agent is warm" }));
    expectOk(ops.removeAcknowledgement, await owner.api.delete(`${acks()}/${made.acknowledgement.id}`));
    const feed = expectOk(ops.listActivity, await viewer.api.get(`${P()}/activity`, { limit: 5 }));
    expect(feed.map((a) => a.kind).slice(0, 2)).toEqual(["flag_unacknowledged", "flag_acknowledged"]);
    expect(feed[1].summary).toBe("marked the leakage flag on Warm (rising) as expected for this persona: “A support agent is warm”");
    expect(feed[0].summary).toBe("withdrew “expected for this persona” from the leakage flag on Warm (rising): it counts again");
  });
});

describe("served reports", () => {
  it("mark the acknowledged flag, and the verdict line moves on to the next issue; the stored report is unchanged", async () => {
    const line = before.report.verdictLine!;
    expect(line.severity).toBe("alert");
    expect(line.flagIds.length).toBeGreaterThan(1); // more than one finding: there is a next issue to move on to
    const [main, next] = line.flagIds;
    expect(before.report.flags.every((f) => !f.acknowledged)).toBe(true);
    const storedBefore = await db.probeReport.findMany({ where: { runId } });

    const made = expectOk(ops.acknowledgeFlag, await owner.api.post(acks(), { flagId: main, reason: "Expected for a refund desk" }));
    const after = await getRun();
    const flag = after.report.flags.find((f) => f.id === main)!;
    expect(flag.acknowledged).toEqual({ id: made.acknowledgement.id, reason: "Expected for a refund desk", by: "Dana Designer", at: made.acknowledgement.at });
    expect(after.report.flags.filter((f) => f.acknowledged)).toHaveLength(1);
    expect(after.report.verdictLine!.flagIds[0]).toBe(next);
    expect(after.report.verdictLine!.text).not.toBe(line.text);
    // The run history redraws the row's line the same way, from what is kept beside the stored report.
    const history = expectOk(ops.listProbeRuns, await viewer.api.get(`${P()}/probe-runs`));
    expect(history.find((r) => r.id === runId)!.summary!.verdictLine).toEqual({ text: after.report.verdictLine!.text, severity: after.report.verdictLine!.severity });
    // Served copy only: storage keeps the report as computed.
    expect(await db.probeReport.findMany({ where: { runId } })).toEqual(storedBefore);
    expect(storedBefore[0].report).not.toContain("acknowledged");

    expectOk(ops.removeAcknowledgement, await owner.api.delete(`${acks()}/${made.acknowledgement.id}`));
    expect((await getRun()).report).toEqual(before.report);
    const restored = expectOk(ops.listProbeRuns, await viewer.api.get(`${P()}/probe-runs`));
    expect(restored.find((r) => r.id === runId)!.summary!.verdictLine).toEqual({ text: line.text, severity: line.severity });
  });

  it("the review box and approval gate list acknowledged flags without counting them; the share page marks them", async () => {
    expectOk(ops.updateWorkspace, await owner.api.patch(wsPath(owner.workspaceId), { approvalPolicy: "block" }));
    const flags = before.report.flags;
    const open = flags.filter((f) => !f.expected);
    const review = expectOk(ops.getVersionReview, await reviewer.api.get(`${P()}/versions/1/review`));
    expect(review.report!.openFlags).toBe(open.length);
    expect(review.blockers.join(" ")).toContain(`${open.length} open flag`);
    expectError(await reviewer.api.post(`${P()}/versions/1/decision`, { decision: "approve" }), 409);

    // Acknowledge every open finding: the gate has nothing left to block on, and says which ones were acknowledged.
    expectOk(ops.acknowledgeFlag, await owner.api.post(acks(), { flagId: open[0].id, reason: `Expected: ${open[0].id}` }));
    const partly = expectOk(ops.getVersionReview, await reviewer.api.get(`${P()}/versions/1/review`));
    expect(partly.report!.openFlags).toBe(open.length - 1);
    expect(partly.blockers.join(" ")).toContain(`${open.length - 1} open flag`);
    expect(partly.blockers.join(" ")).toContain("(1 more acknowledged as expected for this persona)");
    expect(partly.blockers.join(" ")).not.toContain(open[0].title);
    for (const f of open.slice(1)) expectOk(ops.acknowledgeFlag, await owner.api.post(acks(), { flagId: f.id, reason: `Expected: ${f.id}` }));
    const settled = expectOk(ops.getVersionReview, await reviewer.api.get(`${P()}/versions/1/review`));
    expect(settled.report!.openFlags).toBe(0);
    expect(settled.blockers).toEqual([]);
    expect(settled.report!.flags.filter((f) => f.acknowledged).map((f) => f.id).sort()).toEqual(open.map((f) => f.id).sort());
    expect(settled.report!.flags.find((f) => f.id === open[0].id)!.acknowledged!.reason).toBe(`Expected: ${open[0].id}`);
    const decided = expectOk(ops.decide, await reviewer.api.post(`${P()}/versions/1/decision`, { decision: "approve" }));
    expect(decided.decision.openFlags).toBe(0);

    const share = expectOk(ops.createShare, await owner.api.post(`${P()}/shares`, {}));
    const bundle = expectOk(ops.openShare, await api(null).get(`/api/share/${share.token}`));
    expect(bundle.report!.report.flags.filter((f) => f.acknowledged).map((f) => f.id).sort()).toEqual(open.map((f) => f.id).sort());
    expect(bundle.report!.report.verdictLine!.severity).toBe("ok");
    // Public: the reason travels, who acknowledged it and when never leave the workspace.
    for (const f of bundle.report!.report.flags.filter((x) => x.acknowledged)) {
      expect(f.acknowledged!.reason).toBeTruthy();
      expect(Object.keys(f.acknowledged!).sort()).toEqual(["id", "reason"]);
    }
    expectOk(ops.updateWorkspace, await owner.api.patch(wsPath(owner.workspaceId), { approvalPolicy: "warn" }));
  });
});
