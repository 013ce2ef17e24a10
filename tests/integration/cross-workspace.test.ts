import { beforeAll, describe, expect, it } from "vitest";
import type { Operation } from "@/lib/http/operation";
import { ops } from "@/lib/http/operations";
import { allOps, expectError, expectOk } from "@/tests/factories/api";
import { signUp } from "@/tests/factories/auth";
import { db, snapshotDb } from "@/tests/factories/db";
import {
  addTeammate, createPersona, personaPath, saveVersion, signUpWithWorkspace, wsPath, type Member,
} from "@/tests/factories/personas";
import { buildCustomTrait } from "@/tests/factories/custom-traits";
import { addProbeAnswer } from "@/tests/factories/probe-answers";
import { missingSamples, validRequest, type Ids } from "@/tests/factories/requests";

// Another workspace's data must be indistinguishable from data that does not exist.

/** A recorded panel preview with one answer (the recording itself is tested in panel-sessions.test.ts). */
async function addPanelSession(m: Member, panelId: string, personaId: string) {
  return db.panelSession.create({
    data: {
      workspaceId: m.workspaceId, panelId, question: "Ship on Friday?", createdById: m.id, createdByName: m.name,
      answers: { create: { round: 1, memberKey: "ada", memberName: "Ada", personaId, seatLabel: "Simulator · persona-sim-1", simulated: true, answer: "No." } },
    },
  });
}

/** An axes experiment's two panel probes (the query of getAxesComparison). */
async function startAxes(m: Member) {
  const started = expectOk(ops.startAxesExperiment, await m.api.post(`${wsPath(m.workspaceId)}/panels/axes-experiment`, { topic: "housing", seat: { providerId: "simulator", model: "persona-sim-2" }, itemsPerTrait: 6, traits: ["warm", "skeptical"] }));
  return { axesTopicRun: started.runs[0].id, axesFrameworkRun: started.runs[1].id };
}

let alice: Member;
let bob: Member;
let aliceIds: Ids;

beforeAll(async () => {
  alice = await signUpWithWorkspace({ name: "Alice" });
  bob = await signUpWithWorkspace({ name: "Bob" });
  const persona = await createPersona(alice);
  await saveVersion(alice, persona.id, persona.revision, "first");
  const teammate = await addTeammate(alice, "editor");
  const provider = expectOk(
    ops.createProvider,
    await alice.api.post(`${wsPath(alice.workspaceId)}/providers`, { name: "Alice's endpoint", baseUrl: "http://127.0.0.1:9/v1", defaultModel: "m" }),
  );
  const run = expectOk(ops.createProbeRun, await alice.api.post(`${personaPath(alice.workspaceId, persona.id)}/probe-runs`, { budgetPerTrait: 12 }));
  const trait = expectOk(ops.saveCustomTrait, await alice.api.post(`${wsPath(alice.workspaceId)}/custom-traits`, buildCustomTrait({ key: "alice_trait" })));
  const answer = await addProbeAnswer(run.id);
  const comment = expectOk(ops.createComment, await alice.api.post(`${personaPath(alice.workspaceId, persona.id)}/comments`, { body: "Alice's note", anchor: { kind: "persona" } }));
  const share = expectOk(ops.createShare, await alice.api.post(`${personaPath(alice.workspaceId, persona.id)}/shares`, {}));
  const apiToken = expectOk(ops.createApiToken, await alice.api.post(`${wsPath(alice.workspaceId)}/api-tokens`, { name: "Alice's CI" }));
  const variant = expectOk(ops.createVariant, await alice.api.post(`${personaPath(alice.workspaceId, persona.id)}/variants`, { name: "Alice's variant" }));
  const batch = expectOk(ops.probeVariants, await alice.api.post(`${personaPath(alice.workspaceId, persona.id)}/variant-probes`, { variantIds: [variant.id], includeDraft: true, budgetPerTrait: 12 }));
  const ack = expectOk(ops.acknowledgeFlag, await alice.api.post(`${personaPath(alice.workspaceId, persona.id)}/acknowledgements`, { flagId: "leakage:warm", reason: "Alice's nurse is warm" }));
  const panel = expectOk(ops.createPanel, await alice.api.post(`${wsPath(alice.workspaceId)}/panels`, { name: "Alice's board", spec: { members: [{ key: "ada", personaId: persona.id, version: 1 }] } }));
  const axes = await startAxes(alice);
  const current = expectOk(ops.getPersona, await alice.api.get(personaPath(alice.workspaceId, persona.id)));
  aliceIds = {
    workspaceId: alice.workspaceId, personaId: persona.id, memberId: teammate.memberId,
    number: 1, revision: current.revision, email: bob.email, providerId: provider.id, runId: run.id, answerId: answer.id, traitKey: trait.key,
    reviewerUserId: teammate.id, commentId: comment.id, shareId: share.id, tokenId: apiToken.id,
    variantId: variant.id, batchId: batch.batchId, ackId: ack.acknowledgement.id, panelId: panel.id,
    sessionId: (await addPanelSession(alice, panel.id, persona.id)).id, ...axes,
  };
});

const workspaceOps = allOps.filter((op) => op.auth === "workspace");

it("has a sample request for every operation", () => {
  expect(missingSamples()).toEqual([]);
});

describe("a non-member using Alice's ids", () => {
  it.each(workspaceOps.map((op) => [op.id, op] as const))("%s answers 404 and changes nothing", async (_id, op) => {
    const before = await snapshotDb();
    const { path, ...options } = validRequest(op, aliceIds);
    const error = expectError(await bob.api.send(op.method, path, options), 404);
    expect(error.message).not.toMatch(/Alice|Nurse Ada/);
    expect(await snapshotDb()).toEqual(before);
  });

  it("does not see Alice's workspace or personas in his own lists", async () => {
    const me = expectOk(ops.me, await bob.api.get("/api/me"));
    expect(me.workspaces.map((w) => w.id)).toEqual([bob.workspaceId]);
    const list = expectOk(ops.listPersonas, await bob.api.get(`${wsPath(bob.workspaceId)}/personas`, { status: "all" }));
    expect(list.personas).toEqual([]);
  });
});

describe("a member of one workspace reaching into another through its own workspace id", () => {
  const scopedOps = workspaceOps.filter((op) => ["{personaId}", "{memberId}", "{providerId}", "{runId}", "{answerId}", "{traitKey}", "{commentId}", "{shareId}", "{tokenId}", "{variantId}", "{batchId}", "{ackId}", "{panelId}"].some((p) => op.path.includes(p)) || op.id === "getAxesComparison");

  it.each(scopedOps.map((op) => [op.id, op] as const))("%s with Alice's persona/member/provider id answers 404", async (_id, op) => {
    const before = await snapshotDb();
    const { path, ...options } = validRequest(op, { ...aliceIds, workspaceId: bob.workspaceId });
    expectError(await bob.api.send(op.method, path, options), 404);
    expect(await snapshotDb()).toEqual(before);
  });

  it("leaves Alice's persona exactly as she left it", async () => {
    const persona = expectOk(ops.getPersona, await alice.api.get(personaPath(alice.workspaceId, aliceIds.personaId)));
    expect(persona).toMatchObject({ name: "Nurse Ada", status: "draft", revision: aliceIds.revision, latestVersion: 1, approvedVersion: null });
  });
});

describe("control: the same requests from a member", () => {
  // Proves the 404s above come from the membership check, not from a broken sample request.
  let carol: Member;
  beforeAll(async () => {
    carol = await signUpWithWorkspace({ name: "Carol" });
  });

  async function freshIds(op: Operation): Promise<Ids> {
    const persona = await createPersona(carol);
    const version = await saveVersion(carol, persona.id, persona.revision, "first");
    // Reading or removing a label needs one: production on version 1.
    if (op.path.includes("{label}") && op.method !== "PUT") expectOk(ops.moveLabel, await carol.api.send("PUT", `${personaPath(carol.workspaceId, persona.id)}/labels/production`, { body: { version: version.number } }));
    const needsMember = op.path.includes("{memberId}");
    const teammate = needsMember ? await addTeammate(carol, "viewer") : null;
    const newcomer = op.id === "inviteMember" ? await signUp() : null;
    const provider = op.path.includes("{providerId}")
      ? expectOk(ops.createProvider, await carol.api.post(`${wsPath(carol.workspaceId)}/providers`, { name: "Carol's endpoint", baseUrl: "http://127.0.0.1:9/v1", defaultModel: "m" }))
      : null;
    // A panel probe's routes take a panel run (of a panel with two members on seats) as {runId}.
    const panelProbe = op.path.includes("{panelId}/runs");
    const run = op.path.includes("{runId}") && !panelProbe
      // A pressure conversation needs a run with pressure conversations.
      ? expectOk(ops.createProbeRun, await carol.api.post(`${personaPath(carol.workspaceId, persona.id)}/probe-runs`, { budgetPerTrait: 12, ...(op.id === "getPressureConversation" ? { pressure: { scripts: ["firm-refund"], conversationsPerScript: 2, turns: 1 } } : {}) }))
      : null;
    const answer = run && op.path.includes("{answerId}") ? await addProbeAnswer(run.id) : null;
    const trait = op.path.includes("{traitKey}")
      ? expectOk(ops.saveCustomTrait, await carol.api.post(`${wsPath(carol.workspaceId)}/custom-traits`, buildCustomTrait({ key: "carol_trait" })))
      : null;
    const reviewer = op.id === "requestReview" || op.id === "requestPanelReview" ? await addTeammate(carol, "reviewer") : null;
    const comment = op.path.includes("{commentId}")
      ? expectOk(ops.createComment, await carol.api.post(`${personaPath(carol.workspaceId, persona.id)}/comments`, { body: "A note", anchor: { kind: "persona" } }))
      : null;
    const share = op.path.includes("{shareId}")
      ? expectOk(ops.createShare, await carol.api.post(`${personaPath(carol.workspaceId, persona.id)}/shares`, {}))
      : null;
    const apiToken = op.path.includes("{tokenId}")
      ? expectOk(ops.createApiToken, await carol.api.post(`${wsPath(carol.workspaceId)}/api-tokens`, { name: "Carol's CI" }))
      : null;
    const needsVariant = op.path.includes("{variantId}") || op.id === "probeVariants";
    if (needsVariant || op.path.includes("{batchId}")) {
      const draft = expectOk(ops.getPersona, await carol.api.get(personaPath(carol.workspaceId, persona.id)));
      await carol.api.patch(personaPath(carol.workspaceId, persona.id), { revision: draft.revision, spec: { ...draft.spec, traitTargets: { empathetic: 80 } } });
    }
    const variant = needsVariant || op.path.includes("{batchId}")
      ? expectOk(ops.createVariant, await carol.api.post(`${personaPath(carol.workspaceId, persona.id)}/variants`, { name: "Carol's variant" }))
      : null;
    const batch = op.path.includes("{batchId}")
      ? expectOk(ops.probeVariants, await carol.api.post(`${personaPath(carol.workspaceId, persona.id)}/variant-probes`, { variantIds: [variant!.id], includeDraft: true, budgetPerTrait: 12 }))
      : null;
    const ack = op.path.includes("{ackId}")
      ? expectOk(ops.acknowledgeFlag, await carol.api.post(`${personaPath(carol.workspaceId, persona.id)}/acknowledgements`, { flagId: "miss:firm", reason: "Carol's call" }))
      : null;
    const seat = (model: string) => ({ providerId: "simulator", model });
    const panel = op.path.includes("{panelId}")
      ? expectOk(ops.createPanel, await carol.api.post(`${wsPath(carol.workspaceId)}/panels`, { name: "Carol's board", spec: panelProbe
        ? { members: [{ key: "ada", personaId: persona.id, version: "latest" }, { key: "bea", personaId: persona.id, version: "latest" }], plans: { single: { seats: { ada: seat("persona-sim-2"), bea: seat("persona-sim-3") } } } }
        : { members: [{ key: "ada", personaId: persona.id, version: "latest" }] } }))
      : null;
    const panelRun = panel && panelProbe && op.path.includes("{runId}")
      ? expectOk(ops.createPanelRun, await carol.api.post(`${wsPath(carol.workspaceId)}/panels/${panel.id}/runs`, { traits: ["warm", "firm"], itemsPerTrait: 6, answersPerPair: 0 }))
      : null;
    if (panelRun && op.id === "resumePanelRun") await carol.api.post(`${wsPath(carol.workspaceId)}/panels/${panel!.id}/runs/${panelRun.id}/cancel`);
    // A panel's thread, link and recorded preview for the panel-scoped routes.
    const panelComment = panel && op.path.includes("{commentId}")
      ? expectOk(ops.createPanelComment, await carol.api.post(`${wsPath(carol.workspaceId)}/panels/${panel.id}/comments`, { body: "A note", anchor: { kind: "panel_member", key: "ada" } }))
      : null;
    const panelShare = panel && op.path.includes("{shareId}")
      ? expectOk(ops.createPanelShare, await carol.api.post(`${wsPath(carol.workspaceId)}/panels/${panel.id}/shares`, {}))
      : null;
    const session = panel && op.path.includes("{sessionId}") ? await addPanelSession(carol, panel.id, persona.id) : null;
    // Panel review routes take version 1 of the panel, and a request on it as {requestId}.
    if (panel && op.path.includes("/reviews")) expectOk(ops.createPanelVersion, await carol.api.post(`${wsPath(carol.workspaceId)}/panels/${panel.id}/versions`, { message: "first", revision: panel.revision }));
    const panelRequest = panel && op.path.includes("{requestId}")
      ? expectOk(ops.requestPanelReview, await carol.api.post(`${wsPath(carol.workspaceId)}/panels/${panel.id}/reviews`, { version: 1, reviewerIds: [(await addTeammate(carol, "reviewer")).id] }))[0]
      : null;
    const invitation = op.path.includes("{invitationId}")
      ? expectOk(ops.inviteMember, await carol.api.post(`${wsPath(carol.workspaceId)}/invitations`, { email: "invitee@example.test", role: "viewer" }))
      : null;
    const axes = op.id === "getAxesComparison" ? await startAxes(carol) : {};
    const current = expectOk(ops.getPersona, await carol.api.get(personaPath(carol.workspaceId, persona.id)));
    return {
      workspaceId: carol.workspaceId, personaId: persona.id, memberId: teammate?.memberId ?? "none",
      number: version.number, revision: current.revision, email: newcomer?.email ?? "none@example.test", providerId: provider?.id,
      runId: panelRun?.id ?? run?.id, answerId: answer?.id, traitKey: trait?.key, reviewerUserId: reviewer?.id, commentId: panelComment?.id ?? comment?.id, shareId: panelShare?.id ?? share?.id,
      tokenId: apiToken?.id, variantId: variant?.id, batchId: batch?.batchId, ackId: ack?.acknowledgement.id, panelId: panel?.id, sessionId: session?.id, requestId: panelRequest?.id,
      ...(invitation ? { invitationId: invitation.invitation.id } : {}), ...axes,
    };
  }

  it.each(workspaceOps.map((op) => [op.id, op] as const))("%s succeeds", async (_id, op) => {
    const { path, ...options } = validRequest(op, await freshIds(op));
    const res = await carol.api.send(op.method, path, options);
    expectOk(op, res);
  });
});
