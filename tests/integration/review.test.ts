import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { mentionHandle } from "@/lib/review/mentions";
import { expectError, expectOk } from "@/tests/factories/api";
import {
  addTeammate, buildSpec, createPersona, personaPath, saveDraft, saveVersion, signUpWithWorkspace, wsPath, type Member,
} from "@/tests/factories/personas";

// The review workflow as a team uses it: ask for a review, comment on one
// sample answer with a mention, approve or request changes on a version, see
// it all in the queue and the activity trail — with roles enforced.

type Mate = Awaited<ReturnType<typeof addTeammate>>;
let owner: Member;
let rita: Mate; // reviewer
let vic: Mate; // viewer
let personaId: string;
const p = () => personaPath(owner.workspaceId, personaId);
const queue = (who: { api: Member["api"] }) => who.api.get(`${wsPath(owner.workspaceId)}/review-queue`).then((r) => expectOk(ops.reviewQueue, r));

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Olga Owner" });
  rita = await addTeammate(owner, "reviewer", "Rita Reviewer");
  vic = await addTeammate(owner, "viewer", "Vic Viewer");
  const persona = await createPersona(owner, { name: "Nurse Ada", spec: buildSpec({ name: "Nurse Ada", traitTargets: { empathetic: 80 } }) });
  personaId = persona.id;
  await saveVersion(owner, personaId, persona.revision, "first cut");
});

describe("asking for a review", () => {
  it("puts the persona in review and the request in the reviewer's queue", async () => {
    const requests = expectOk(ops.requestReview, await owner.api.post(`${p()}/review-requests`, { version: 1, reviewerIds: [rita.id], message: "Is the tone right?" }));
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ version: 1, status: "open", reviewer: { name: "Rita Reviewer" }, requestedBy: { name: "Olga Owner" } });
    expect(expectOk(ops.getPersona, await owner.api.get(p())).status).toBe("in_review");
    const ritas = await queue(rita);
    expect(ritas.awaitingMe.map((r) => [r.personaName, r.version, r.message])).toEqual([["Nurse Ada", 1, "Is the tone right?"]]);
    expect((await queue(owner)).requestedByMe.map((r) => r.status)).toEqual(["open"]);
    // Asking again for the same version adds no second request.
    expectOk(ops.requestReview, await owner.api.post(`${p()}/review-requests`, { version: 1, reviewerIds: [rita.id] }));
    expect((await queue(rita)).awaitingMe).toHaveLength(1);
  });

  it("refuses viewers, non-members, oneself and versions that do not exist", async () => {
    const outsider = await signUpWithWorkspace({ name: "Out Sider" });
    expectError(await owner.api.post(`${p()}/review-requests`, { version: 1, reviewerIds: [vic.id] }), 422, "reviewerIds");
    expectError(await owner.api.post(`${p()}/review-requests`, { version: 1, reviewerIds: [outsider.id] }), 422, "reviewerIds");
    expectError(await owner.api.post(`${p()}/review-requests`, { version: 1, reviewerIds: [owner.id] }), 422, "reviewerIds");
    expectError(await owner.api.post(`${p()}/review-requests`, { version: 9, reviewerIds: [rita.id] }), 422, "version");
  });
});

describe("comments", () => {
  it("anchors a thread to one sample answer, mentions the owner, and resolves and reopens it", async () => {
    const samples = expectOk(ops.recordSamples, await rita.api.post(`${p()}/versions/1/samples`, {}));
    expect(samples.answers.length).toBeGreaterThanOrEqual(3);
    const target = samples.answers[1];
    const handle = mentionHandle(owner.email);
    const thread = expectOk(ops.createComment, await rita.api.post(`${p()}/comments`, {
      body: `@${handle} this answer skips the feelings entirely. Compare with **v1's** archetype.`,
      anchor: { kind: "sample", key: target.id },
    }));
    expect(thread.anchor).toMatchObject({ kind: "sample", key: target.id, version: 1 });
    expect(thread.anchor.label).toContain(target.message.slice(0, 20));
    expect(thread.mentions.map((m) => m.name)).toEqual(["Olga Owner"]);

    const mine = await queue(owner);
    expect(mine.mentions.map((m) => [m.threadId, m.author.name])).toEqual([[thread.id, "Rita Reviewer"]]);

    const reply = expectOk(ops.createComment, await owner.api.post(`${p()}/comments`, { body: "Agreed, fixing in v2.", parentId: thread.id }));
    expect(reply.parentId).toBe(thread.id);
    expect(reply.anchor).toEqual(thread.anchor);

    const resolved = expectOk(ops.resolveComment, await owner.api.post(`${wsPath(owner.workspaceId)}/comments/${reply.id}/resolve`, { resolved: true }));
    expect(resolved.id).toBe(thread.id);
    expect(resolved.resolvedBy).toBe("Olga Owner");
    expect(resolved.replies.map((r) => r.body)).toEqual(["Agreed, fixing in v2."]);
    expect((await queue(owner)).mentions).toEqual([]);
    const open = expectOk(ops.listComments, await vic.api.get(`${p()}/comments`, { status: "open" }));
    expect(open.find((t) => t.id === thread.id)).toBeUndefined();

    const reopened = expectOk(ops.resolveComment, await rita.api.post(`${wsPath(owner.workspaceId)}/comments/${thread.id}/resolve`, { resolved: false }));
    expect(reopened.resolvedAt).toBeNull();
    expect((await queue(owner)).mentions).toHaveLength(1);
  });

  it("validates anchors against this persona", async () => {
    const other = await createPersona(owner, { name: "Other" });
    await saveVersion(owner, other.id, other.revision, "v1");
    const foreign = expectOk(ops.recordSamples, await owner.api.post(`${personaPath(owner.workspaceId, other.id)}/versions/1/samples`, {}));
    expectError(await rita.api.post(`${p()}/comments`, { body: "x", anchor: { kind: "sample", key: foreign.answers[0].id } }), 422, "anchor.key");
    expectError(await rita.api.post(`${p()}/comments`, { body: "x", anchor: { kind: "field", key: "favouriteColour" } }), 422, "anchor.key");
    expectError(await rita.api.post(`${p()}/comments`, { body: "x", anchor: { kind: "version", version: 7 } }), 422, "anchor.version");
    expectError(await rita.api.post(`${p()}/comments`, { body: "x", parentId: "no-such-thread" }), 422, "parentId");
    const field = expectOk(ops.createComment, await rita.api.post(`${p()}/comments`, { body: "Name the shift pattern.", anchor: { kind: "field", key: "traitTargets.empathetic" } }));
    expect(field.anchor.label).toBe("Target: Empathetic");
    const trait = expectOk(ops.createComment, await rita.api.post(`${p()}/comments`, { body: "Too low.", anchor: { kind: "trait", key: "firm", version: 1 } }));
    expect(trait.anchor.label).toBe("Firm / boundary-setting");
  });

  it("keeps markdown as written (it is rendered safely, never stored as HTML) and ignores unknown mentions", async () => {
    const body = "<script>alert(1)</script> [x](javascript:alert(1)) @nobody-here";
    const c = expectOk(ops.createComment, await rita.api.post(`${p()}/comments`, { body, anchor: { kind: "persona" } }));
    expect(c.body).toBe(body);
    expect(c.mentions).toEqual([]);
  });
});

describe("editing and deleting comments", () => {
  it("lets only the author edit (mentions re-read) or delete, and keeps answered threads", async () => {
    const mine = expectOk(ops.createComment, await rita.api.post(`${p()}/comments`, { body: "Typo in teh tone", anchor: { kind: "field", key: "voice.tone" } }));
    const edited = expectOk(ops.editComment, await rita.api.patch(`${wsPath(owner.workspaceId)}/comments/${mine.id}`, { body: `Typo in the tone, @${mentionHandle(owner.email)}` }));
    expect(edited.body).toContain("Typo in the tone");
    expect(edited.editedAt).not.toBeNull();
    expect(edited.mentions.map((m) => m.name)).toEqual(["Olga Owner"]);
    expectError(await owner.api.patch(`${wsPath(owner.workspaceId)}/comments/${mine.id}`, { body: "Not yours" }), 403);
    expectError(await owner.api.delete(`${wsPath(owner.workspaceId)}/comments/${mine.id}`), 403);

    const reply = expectOk(ops.createComment, await owner.api.post(`${p()}/comments`, { body: "Fixed.", parentId: mine.id }));
    expectError(await rita.api.delete(`${wsPath(owner.workspaceId)}/comments/${mine.id}`), 409);
    expectOk(ops.deleteComment, await owner.api.delete(`${wsPath(owner.workspaceId)}/comments/${reply.id}`));
    expectOk(ops.deleteComment, await rita.api.delete(`${wsPath(owner.workspaceId)}/comments/${mine.id}`));
    const threads = expectOk(ops.listComments, await owner.api.get(`${p()}/comments`));
    expect(threads.find((t) => t.id === mine.id)).toBeUndefined();
  });
});

describe("roles", () => {
  it("lets a viewer read but not comment, record, decide or ask", async () => {
    expectOk(ops.listComments, await vic.api.get(`${p()}/comments`));
    expectOk(ops.getVersionReview, await vic.api.get(`${p()}/versions/1/review`));
    expectError(await vic.api.post(`${p()}/comments`, { body: "hi", anchor: { kind: "persona" } }), 403);
    expectError(await vic.api.post(`${p()}/versions/1/samples`, {}), 403);
    expectError(await vic.api.post(`${p()}/versions/1/decision`, { decision: "approve" }), 403);
    expectError(await vic.api.post(`${p()}/review-requests`, { version: 1, reviewerIds: [rita.id] }), 403);
  });

  it("lets a reviewer comment and decide but not edit the spec, save versions or ask for reviews", async () => {
    const current = expectOk(ops.getPersona, await rita.api.get(p()));
    expectError(await rita.api.patch(p(), { revision: current.revision, spec: buildSpec({ name: "Hijacked" }) }), 403);
    expectError(await rita.api.post(`${p()}/versions`, { message: "mine", revision: current.revision }), 403);
    expectError(await rita.api.post(`${p()}/review-requests`, { version: 1, reviewerIds: [owner.id] }), 403);
  });
});

describe("decisions", () => {
  it("approves a version without a report under the default policy, with the warning recorded", async () => {
    const review = expectOk(ops.getVersionReview, await rita.api.get(`${p()}/versions/1/review`));
    expect(review.policy).toBe("warn");
    expect(review.report).toBeNull();
    expect(review.warnings.join(" ")).toContain("no completed probe report");
    expect(review.blockers).toEqual([]);

    const result = expectOk(ops.decide, await rita.api.post(`${p()}/versions/1/decision`, { decision: "approve", note: "Reads right." }));
    expect(result.status).toBe("approved");
    expect(result.warnings.join(" ")).toContain("no completed probe report");
    expect(result.decision).toMatchObject({ version: 1, decision: "approved", openFlags: null, reviewer: { name: "Rita Reviewer" } });
    expect(expectOk(ops.getPersona, await owner.api.get(p()))).toMatchObject({ status: "approved", approvedVersion: 1 });
    expect((await queue(rita)).awaitingMe).toEqual([]);
    expect((await queue(owner)).requestedByMe.map((r) => r.status)).toEqual(["approved"]);
  });

  it("starts a newer version as a draft again, and under policy 'block' refuses to approve it without a clean report", async () => {
    const current = expectOk(ops.getPersona, await owner.api.get(p()));
    const edited = await saveDraft(owner, personaId, current.revision, buildSpec({ name: "Nurse Ada", archetype: "a night-shift charge nurse", traitTargets: { empathetic: 80 } }));
    await saveVersion(owner, personaId, edited.revision, "second cut");
    expect(expectOk(ops.getPersona, await owner.api.get(p()))).toMatchObject({ status: "draft", approvedVersion: 1, latestVersion: 2 });

    expectError(await rita.api.patch(wsPath(owner.workspaceId), { approvalPolicy: "block" }), 403);
    expect(expectOk(ops.updateWorkspace, await owner.api.patch(wsPath(owner.workspaceId), { approvalPolicy: "block" })).approvalPolicy).toBe("block");
    const review = expectOk(ops.getVersionReview, await rita.api.get(`${p()}/versions/2/review`));
    expect(review.blockers.join(" ")).toContain("no completed probe report");
    const refused = expectError(await rita.api.post(`${p()}/versions/2/decision`, { decision: "approve" }), 409);
    expect(refused.message).toContain("clean probe report");
    expect(expectOk(ops.getPersona, await owner.api.get(p())).status).toBe("draft");

    expectError(await rita.api.post(`${p()}/versions/2/decision`, { decision: "request_changes" }), 422, "note");
    const changes = expectOk(ops.decide, await rita.api.post(`${p()}/versions/2/decision`, { decision: "request_changes", note: "Give her a firmer boundary." }));
    expect(changes.status).toBe("changes_requested");
    expect(expectOk(ops.getPersona, await owner.api.get(p()))).toMatchObject({ status: "changes_requested", approvedVersion: 1 });
    expectOk(ops.updateWorkspace, await owner.api.patch(wsPath(owner.workspaceId), { approvalPolicy: "warn" }));
  });
});

describe("the activity trail", () => {
  it("tells the persona's story in order, with autosaves folded", async () => {
    const trail = expectOk(ops.listActivity, await vic.api.get(`${p()}/activity`)).reverse();
    const kinds = trail.map((a) => a.kind);
    expect(kinds[0]).toBe("created");
    for (const k of ["version_saved", "review_requested", "samples_recorded", "commented", "comment_resolved", "comment_reopened", "approved", "edited", "changes_requested"] as const) {
      expect(kinds, k).toContain(k);
    }
    expect(kinds.indexOf("review_requested")).toBeLessThan(kinds.indexOf("approved"));
    expect(trail.find((a) => a.kind === "approved")!.summary).toContain("approved v1 without a probe report");
    expect(trail.find((a) => a.kind === "changes_requested")).toMatchObject({ version: 2, actor: { name: "Rita Reviewer" } });

    // Two quick autosaves by the same person are one entry that counts them.
    let current = expectOk(ops.getPersona, await owner.api.get(p()));
    current = await saveDraft(owner, personaId, current.revision, { ...current.spec, background: "Twenty years on night shifts." });
    await saveDraft(owner, personaId, current.revision, { ...current.spec, voice: { ...current.spec.voice, tone: "dry, warm" } });
    const newest = expectOk(ops.listActivity, await owner.api.get(`${p()}/activity`, { limit: 1 }))[0];
    expect(newest).toMatchObject({ kind: "edited", count: 2 });
    expect(newest.summary).toBe("edited the draft: background, voice");
  });
});
