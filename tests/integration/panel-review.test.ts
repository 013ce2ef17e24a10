import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import type { PanelFlag } from "@/lib/probing/panel/report-types";
import { expectError, expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { createReviewablePanel } from "@/tests/factories/panels";
import { addTeammate, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Panel review (issue 13 §1): an editor asks a reviewer to review a saved panel
// version; the reviewer approves or requests changes. The gate reads the
// version's latest FINAL panel probe (built here directly in the DB with the
// flags we want) under the workspace approval policy; the request shows in the
// reviewer's queue; roles and workspaces are enforced.

type Mate = Awaited<ReturnType<typeof addTeammate>>;
let owner: Member;
let rita: Mate; // reviewer
let eddie: Mate; // editor
let vic: Mate; // viewer
let panelId: string;

const P = (m: { workspaceId: string } = owner, id = panelId) => `${wsPath(m.workspaceId)}/panels/${id}`;
const queue = (who: { api: Member["api"] }) => who.api.get(`${wsPath(owner.workspaceId)}/review-queue`).then((r) => expectOk(ops.reviewQueue, r));
const setPolicy = (approvalPolicy: "warn" | "block") => owner.api.patch(wsPath(owner.workspaceId), { approvalPolicy }).then((r) => expectOk(ops.updateWorkspace, r));

const COSTUME: PanelFlag = { kind: "costume", arm: "active", members: ["ada", "bo"], message: "Ada and Bo land the same on every trait (within ±5): a costume change." };

/** A finished panel probe with a stored report (final or partial) carrying these flags. */
async function addPanelRun(opts: { version: number | null; final: boolean; flags: PanelFlag[]; finishedAt: Date }) {
  const report = {
    methodVersion: "panel-1", final: opts.final, watched: ["warm", "firm"], traitLabels: {}, members: [{ key: "ada", name: "Ada" }, { key: "bo", name: "Bo" }],
    arms: [{ arm: "active", label: "Active plan", seats: {}, divergence: {}, polarity: [], distinguish: [], groups: [], flags: opts.flags }],
    gain: null, flags: opts.flags, notes: [],
  };
  return db.panelRun.create({
    data: {
      workspaceId: owner.workspaceId, panelId, panelName: "Release council", panelVersion: opts.version, spec: "{}", watched: JSON.stringify(["warm", "firm"]),
      judgeProviderId: "simulator", judgeModel: "persona-sim-1", config: "{}", report: JSON.stringify(report), reportMethod: "panel-1",
      finishedAt: opts.finishedAt, createdById: owner.id, createdByName: owner.name,
    },
  });
}

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Olga Owner" });
  rita = await addTeammate(owner, "reviewer", "Rita Reviewer");
  eddie = await addTeammate(owner, "editor", "Eddie Editor");
  vic = await addTeammate(owner, "viewer", "Vic Viewer");
  ({ panelId } = await createReviewablePanel(owner, "Release council"));
});

describe("asking for a panel review", () => {
  it("creates one open request per reviewer, once, and puts it in the reviewer's queue linking the panel", async () => {
    const made = expectOk(ops.requestPanelReview, await owner.api.post(`${P()}/reviews`, { version: 1, reviewerIds: [rita.id], message: "Do Ada and Bo really differ?" }));
    expect(made).toEqual([expect.objectContaining({ panelId, panelName: "Release council", version: 1, status: "open", reviewer: { id: rita.id, name: "Rita Reviewer" }, requestedBy: { id: owner.id, name: "Olga Owner" } })]);
    // Asking again for the same version adds nothing.
    expectOk(ops.requestPanelReview, await owner.api.post(`${P()}/reviews`, { version: 1, reviewerIds: [rita.id] }));
    const ritas = await queue(rita);
    expect(ritas.panelAwaitingMe.map((r) => [r.panelId, r.panelName, r.version, r.message])).toEqual([[panelId, "Release council", 1, "Do Ada and Bo really differ?"]]);
    expect(ritas.awaitingMe).toEqual([]);
    expect((await queue(owner)).panelRequestedByMe.map((r) => r.status)).toEqual(["open"]);
    const state = expectOk(ops.getPanelVersionReview, await vic.api.get(`${P()}/reviews/versions/1`));
    expect(state).toMatchObject({ version: 1, status: "in_review", policy: "warn", report: null });
    expect(state.warnings.join(" ")).toMatch(/no final panel probe/);
  });

  it("refuses viewers, non-members, oneself and versions that do not exist (422 naming the field); viewers cannot ask", async () => {
    const outsider = await signUpWithWorkspace({ name: "Out Sider" });
    expectError(await owner.api.post(`${P()}/reviews`, { version: 1, reviewerIds: [vic.id] }), 422, "reviewerIds");
    expectError(await owner.api.post(`${P()}/reviews`, { version: 1, reviewerIds: [outsider.id] }), 422, "reviewerIds");
    expectError(await owner.api.post(`${P()}/reviews`, { version: 1, reviewerIds: [owner.id] }), 422, "reviewerIds");
    expectError(await owner.api.post(`${P()}/reviews`, { version: 7, reviewerIds: [rita.id] }), 422, "version");
    expectError(await rita.api.post(`${P()}/reviews`, { version: 1, reviewerIds: [eddie.id] }), 403);
  });
});

describe("deciding", () => {
  it("approves against the latest final panel probe of the version, keeping its open flags (policy warn)", async () => {
    await addPanelRun({ version: null, final: true, flags: [], finishedAt: new Date(Date.now() - 300_000) }); // unpinned: the fallback, not used once one is pinned
    const pinned = await addPanelRun({ version: 1, final: true, flags: [COSTUME], finishedAt: new Date(Date.now() - 120_000) });
    await addPanelRun({ version: 1, final: false, flags: [], finishedAt: new Date() }); // newer but partial: never the gate
    const state = expectOk(ops.getPanelVersionReview, await rita.api.get(`${P()}/reviews/versions/1`));
    expect(state.report).toMatchObject({ runId: pinned.id, pinned: true, openFlags: 1, flags: [{ kind: "costume", message: COSTUME.message }] });
    expect(state.warnings.join(" ")).toContain(COSTUME.message);

    const result = expectOk(ops.decidePanelVersion, await rita.api.post(`${P()}/reviews/versions/1/decision`, { decision: "approve", note: "Fine for now" }));
    expect(result.status).toBe("approved");
    expect(result.decision).toMatchObject({ decision: "approved", reviewer: { name: "Rita Reviewer" }, reportRunId: pinned.id, openFlags: 1, note: "Fine for now" });
    expect(result.warnings.join(" ")).toContain(COSTUME.message);
    const listed = expectOk(ops.listPanelReviews, await vic.api.get(`${P()}/reviews`));
    expect(listed).toMatchObject({ policy: "warn", latestVersion: 1, approvedVersion: 1 });
    expect(listed.versions[0]).toMatchObject({ version: 1, status: "approved", requests: [{ status: "approved" }] });
    expect((await queue(rita)).panelAwaitingMe).toEqual([]);
  });

  it("under policy block refuses approval while the probe has open flags (409 naming them); changes can still be requested", async () => {
    await setPolicy("block");
    try {
      const error = expectError(await rita.api.post(`${P()}/reviews/versions/1/decision`, { decision: "approve" }), 409);
      expect(error.message).toContain(COSTUME.message);
      expect((error.details as { flags: string[] }).flags).toEqual([COSTUME.message]);
      const blocked = expectOk(ops.getPanelVersionReview, await rita.api.get(`${P()}/reviews/versions/1`));
      expect(blocked.blockers.join(" ")).toContain("1 open flag");
      const changes = expectOk(ops.decidePanelVersion, await rita.api.post(`${P()}/reviews/versions/1/decision`, { decision: "request_changes", note: "Make Bo blunter" }));
      expect(changes).toMatchObject({ status: "changes_requested", decision: { note: "Make Bo blunter", openFlags: 1 } });
      // A clean final probe pinned to the version, newer: approval goes through.
      const clean = await addPanelRun({ version: 1, final: true, flags: [], finishedAt: new Date(Date.now() - 60_000) });
      const ok = expectOk(ops.decidePanelVersion, await rita.api.post(`${P()}/reviews/versions/1/decision`, { decision: "approve" }));
      expect(ok.decision).toMatchObject({ reportRunId: clean.id, openFlags: 0 });
    } finally {
      await setPolicy("warn");
    }
  });

  it("needs a note to request changes, reviewer role to decide, and an existing version", async () => {
    expectError(await rita.api.post(`${P()}/reviews/versions/1/decision`, { decision: "request_changes", note: "  " }), 422, "note");
    const before = await db.panelReviewDecision.count();
    expectError(await vic.api.post(`${P()}/reviews/versions/1/decision`, { decision: "approve" }), 403);
    expect(await db.panelReviewDecision.count()).toBe(before);
    expectError(await rita.api.post(`${P()}/reviews/versions/9/decision`, { decision: "approve" }), 404);
  });
});

describe("withdrawing", () => {
  it("is for whoever asked or an editor; a reviewer who did not ask cannot", async () => {
    const [req] = expectOk(ops.requestPanelReview, await owner.api.post(`${P()}/reviews`, { version: 1, reviewerIds: [rita.id] }));
    expect((await queue(rita)).panelAwaitingMe.map((r) => r.id)).toEqual([req.id]);
    expectError(await rita.api.post(`${P()}/reviews/requests/${req.id}/withdraw`), 403);
    const withdrawn = expectOk(ops.withdrawPanelReviewRequest, await eddie.api.post(`${P()}/reviews/requests/${req.id}/withdraw`));
    expect(withdrawn).toMatchObject({ id: req.id, status: "withdrawn" });
    expect((await queue(rita)).panelAwaitingMe).toEqual([]);
    expectError(await owner.api.post(`${P()}/reviews/requests/no-such-request/withdraw`), 404);
  });
});

describe("another workspace", () => {
  it("cannot see, ask for, decide or withdraw reviews of this panel (404)", async () => {
    const bob = await signUpWithWorkspace({ name: "Bob" });
    const req = await db.panelReviewRequest.findFirstOrThrow({ where: { panelId } });
    const before = [await db.panelReviewRequest.count(), await db.panelReviewDecision.count()];
    for (const ws of [owner, bob]) {
      expectError(await bob.api.get(`${P(ws)}/reviews`), 404);
      expectError(await bob.api.get(`${P(ws)}/reviews/versions/1`), 404);
      expectError(await bob.api.post(`${P(ws)}/reviews`, { version: 1, reviewerIds: [rita.id] }), 404);
      expectError(await bob.api.post(`${P(ws)}/reviews/versions/1/decision`, { decision: "approve" }), 404);
      expectError(await bob.api.post(`${P(ws)}/reviews/requests/${req.id}/withdraw`), 404);
    }
    expect([await db.panelReviewRequest.count(), await db.panelReviewDecision.count()]).toEqual(before);
    const bobsQueue = expectOk(ops.reviewQueue, await bob.api.get(`${wsPath(bob.workspaceId)}/review-queue`));
    expect([bobsQueue.panelAwaitingMe, bobsQueue.panelRequestedByMe]).toEqual([[], []]);
  });
});
