import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { mentionHandle } from "@/lib/review/mentions";
import { api, expectError, expectOk } from "@/tests/factories/api";
import { GET as authGet } from "@/app/api/auth/[...all]/route";
import { signUp } from "@/tests/factories/auth";
import { db } from "@/tests/factories/db";
import { addTeammate, createPersona, personaPath, saveVersion, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";
import { mailText, startSmtpSink } from "@/tests/factories/smtp-sink";

// Issue 16 §7: people join a workspace only by accepting an invitation; the
// owner's answer never says who has an account; one inbox gathers invitations,
// review requests and notices across workspaces; mail goes out through SMTP
// when SMTP_URL is set (here a local sink), and an unreachable server fails
// nothing; a workspace may bar authors from approving their own version.

let owner: Member;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
const invitations = () => `${wsPath(owner.workspaceId)}/invitations`;
const tokenOf = (link: string) => new URL(link).pathname.split("/").pop()!;

beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  owner = await signUpWithWorkspace({ name: "Olive Owner" });
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await sink.close();
});

describe("inviting", () => {
  it("mails the invitee an accept link and stores only its hash", async () => {
    const sent = expectOk(ops.inviteMember, await owner.api.post(invitations(), { email: "New.Person@Example.test", role: "editor" }));
    expect(sent.message).toBe("Invitation sent to new.person@example.test");
    const token = tokenOf(sent.link);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const mail = await sink.mailTo("new.person@example.test");
    const text = mailText(mail.raw);
    expect(sent.link).toBe(`http://localhost:3000/invite/${token}`);
    expect(text).toContain(sent.link);
    expect(text).toContain("Olive Owner invited you");
    const row = await db.invitation.findFirstOrThrow({ where: { id: sent.invitation.id } });
    expect(row.tokenHash).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it("refreshes a pending invitation instead of adding a second one", async () => {
    const first = expectOk(ops.inviteMember, await owner.api.post(invitations(), { email: "twice@example.test", role: "viewer" }));
    const again = expectOk(ops.inviteMember, await owner.api.post(invitations(), { email: "twice@example.test", role: "reviewer" }));
    expect(again.invitation.id).toBe(first.invitation.id);
    const pending = expectOk(ops.listInvitations, await owner.api.get(invitations()));
    expect(pending.filter((i) => i.email === "twice@example.test").map((i) => i.role)).toEqual(["reviewer"]);
    // The first link no longer works: the refresh replaced it.
    const mate = await signUp({ email: "twice@example.test" });
    expectError(await api(mate.cookie).get(`/api/invitations/${tokenOf(first.link)}`), 404);
    expectOk(ops.getInvitation, await api(mate.cookie).get(`/api/invitations/${tokenOf(again.link)}`));
  });

  it("is for owners only, and never with an API token", async () => {
    const editor = await addTeammate(owner, "editor", "Eddie Editor");
    expectError(await editor.api.post(invitations(), { email: "x@example.test", role: "viewer" }), 403);
    expectError(await editor.api.get(invitations()), 403);
  });
});

describe("answering an invitation", () => {
  it("joins only on accepting, with the invited role; accepting again is fine", async () => {
    const mate = await signUp({ name: "Mia Mate" });
    const mateApi = api(mate.cookie);
    const sent = expectOk(ops.inviteMember, await owner.api.post(invitations(), { email: mate.email, role: "reviewer" }));
    const token = tokenOf(sent.link);
    expectError(await mateApi.get(`${wsPath(owner.workspaceId)}/personas`), 404);
    const view = expectOk(ops.getInvitation, await mateApi.get(`/api/invitations/${token}`));
    expect(view).toMatchObject({ state: "pending", forYou: true, role: "reviewer", invitedBy: "Olive Owner", workspaceId: owner.workspaceId });
    const joined = expectOk(ops.acceptInvitation, await mateApi.post(`/api/invitations/${token}/accept`));
    expect(joined).toMatchObject({ workspaceId: owner.workspaceId, role: "reviewer" });
    expectOk(ops.listPersonas, await mateApi.get(`${wsPath(owner.workspaceId)}/personas`));
    const again = expectOk(ops.acceptInvitation, await mateApi.post(`/api/invitations/${token}/accept`));
    expect(again.memberId).toBe(joined.memberId);
    expect(await db.membership.count({ where: { workspaceId: owner.workspaceId, userId: mate.id } })).toBe(1);
    expect(expectOk(ops.getInvitation, await mateApi.get(`/api/invitations/${token}`)).state).toBe("accepted");
  });

  it("refuses another account (403) and writes nothing", async () => {
    const sent = expectOk(ops.inviteMember, await owner.api.post(invitations(), { email: "meant-for@example.test", role: "owner" }));
    const intruder = await signUp();
    const intruderApi = api(intruder.cookie);
    const token = tokenOf(sent.link);
    expect(expectOk(ops.getInvitation, await intruderApi.get(`/api/invitations/${token}`)).forYou).toBe(false);
    expect(expectError(await intruderApi.post(`/api/invitations/${token}/accept`), 403).message).toMatch(/another email address/);
    expectError(await intruderApi.post(`/api/invitations/${token}/decline`), 403);
    // From the inbox side, someone else's invitation does not exist.
    expectError(await intruderApi.post(`/api/me/invitations/${sent.invitation.id}/accept`), 404);
    expect(await db.membership.count({ where: { workspaceId: owner.workspaceId, userId: intruder.id } })).toBe(0);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: sent.invitation.id } })).acceptedAt).toBeNull();
  });

  it("a declined, withdrawn or expired invitation cannot be accepted", async () => {
    const decliner = await signUp();
    const declined = expectOk(ops.inviteMember, await owner.api.post(invitations(), { email: decliner.email, role: "viewer" }));
    expect(expectOk(ops.declineInvitation, await api(decliner.cookie).post(`/api/invitations/${tokenOf(declined.link)}/decline`)).state).toBe("declined");
    expect(expectError(await api(decliner.cookie).post(`/api/invitations/${tokenOf(declined.link)}/accept`), 409).message).toMatch(/declined/);

    const late = await signUp();
    const revoked = expectOk(ops.inviteMember, await owner.api.post(invitations(), { email: late.email, role: "viewer" }));
    await owner.api.delete(`${invitations()}/${revoked.invitation.id}`);
    expect(expectOk(ops.listInvitations, await owner.api.get(invitations())).some((i) => i.id === revoked.invitation.id)).toBe(false);
    expect(expectError(await api(late.cookie).post(`/api/invitations/${tokenOf(revoked.link)}/accept`), 409).message).toMatch(/withdrawn/);
    expectError(await owner.api.delete(`${invitations()}/${revoked.invitation.id}`), 404);

    const slow = await signUp();
    const expired = expectOk(ops.inviteMember, await owner.api.post(invitations(), { email: slow.email, role: "viewer" }));
    await db.invitation.update({ where: { id: expired.invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(expectError(await api(slow.cookie).post(`/api/invitations/${tokenOf(expired.link)}/accept`), 409).message).toMatch(/expired/);
    expect(expectOk(ops.inbox, await api(slow.cookie).get("/api/me/inbox")).invitations).toEqual([]);
    expect(await db.membership.count({ where: { workspaceId: owner.workspaceId, userId: { in: [decliner.id, late.id, slow.id] } } })).toBe(0);
  });
});

/** Opens the confirmation link better-auth mailed to `email` at sign-up, as the mail's reader would. */
async function confirmAddress(email: string) {
  const mail = mailText((await sink.mailTo(email.toLowerCase(), /Confirm your email address/)).raw);
  const link = /(http:\/\/\S+\/api\/auth\/verify-email\?\S+)/.exec(mail)![1];
  const res = await authGet(new Request(link));
  expect([200, 302]).toContain(res.status);
}

describe("a confirmed address (mail configured)", () => {
  it("the inbox answers an invitation only once the address is confirmed: someone who registered another's address cannot join in their place", async () => {
    const squatter = await signUp(); // signed up with an address nobody proved
    const sent = expectOk(ops.inviteMember, await owner.api.post(invitations(), { email: squatter.email, role: "editor" }));
    const squatterApi = api(squatter.cookie);
    const inbox = expectOk(ops.inbox, await squatterApi.get("/api/me/inbox"));
    expect(inbox).toMatchObject({ addressConfirmed: false });
    expect(inbox.invitations.map((i) => i.id)).toEqual([sent.invitation.id]);
    expect(expectError(await squatterApi.post(`/api/me/invitations/${sent.invitation.id}/accept`), 403).message).toMatch(/Confirm your email address first/);
    expectError(await squatterApi.post(`/api/me/invitations/${sent.invitation.id}/decline`), 403);
    expect(await db.membership.count({ where: { workspaceId: owner.workspaceId, userId: squatter.id } })).toBe(0);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: sent.invitation.id } })).declinedAt).toBeNull();
    // The mailed link (sent at sign-up) proves the mailbox: then the inbox answers.
    await confirmAddress(squatter.email);
    expect(expectOk(ops.inbox, await squatterApi.get("/api/me/inbox")).addressConfirmed).toBe(true);
    expect(expectOk(ops.acceptMyInvitation, await squatterApi.post(`/api/me/invitations/${sent.invitation.id}/accept`)).role).toBe("editor");
  });

  it("accepting by the invitation's own link confirms the address", async () => {
    const invitee = await signUp();
    const sent = expectOk(ops.inviteMember, await owner.api.post(invitations(), { email: invitee.email, role: "viewer" }));
    expect((await db.user.findUniqueOrThrow({ where: { id: invitee.id } })).emailVerified).toBe(false);
    expectOk(ops.acceptInvitation, await api(invitee.cookie).post(`/api/invitations/${tokenOf(sent.link)}/accept`));
    expect((await db.user.findUniqueOrThrow({ where: { id: invitee.id } })).emailVerified).toBe(true);
  });

  it("without mail nothing can be confirmed: the inbox answers for the address as signed up", async () => {
    const url = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    try {
      const local = await signUp();
      const sent = expectOk(ops.inviteMember, await owner.api.post(invitations(), { email: local.email, role: "viewer" }));
      expect(expectOk(ops.inbox, await api(local.cookie).get("/api/me/inbox")).addressConfirmed).toBe(true);
      expectOk(ops.acceptMyInvitation, await api(local.cookie).post(`/api/me/invitations/${sent.invitation.id}/accept`));
    } finally {
      process.env.SMTP_URL = url;
    }
  });
});

describe("the inbox", () => {
  it("gathers invitations and review requests from every workspace, and notices with a decision's reason", async () => {
    const rita = await signUpWithWorkspace({ name: "Rita Reviewer" });
    const other = await signUpWithWorkspace({ name: "Otto Other" });
    // Rita is a reviewer in two workspaces, and has a pending invitation to a third.
    for (const ws of [owner, other]) {
      expectOk(ops.inviteMember, await ws.api.post(`${wsPath(ws.workspaceId)}/invitations`, { email: rita.email, role: "reviewer" }));
    }
    const third = await signUpWithWorkspace({ name: "Thea Third" });
    expectOk(ops.inviteMember, await third.api.post(`${wsPath(third.workspaceId)}/invitations`, { email: rita.email, role: "viewer" }));
    await confirmAddress(rita.email);
    let inbox = expectOk(ops.inbox, await rita.api.get("/api/me/inbox"));
    expect(inbox.addressConfirmed).toBe(true);
    expect(inbox.invitations.map((i) => i.invitedBy).sort()).toEqual(["Olive Owner", "Otto Other", "Thea Third"]);
    for (const i of inbox.invitations.filter((x) => x.invitedBy !== "Thea Third")) {
      expectOk(ops.acceptMyInvitation, await rita.api.post(`/api/me/invitations/${i.id}/accept`));
    }
    for (const ws of [owner, other]) {
      const persona = await createPersona(ws, { name: `${ws.name}'s agent` });
      await saveVersion(ws, persona.id, persona.revision, "first");
      expectOk(ops.requestReview, await ws.api.post(`${personaPath(ws.workspaceId, persona.id)}/review-requests`, { version: 1, reviewerIds: [rita.id], message: "Look at **this**" }));
    }
    inbox = expectOk(ops.inbox, await rita.api.get("/api/me/inbox"));
    expect(inbox.invitations.map((i) => i.invitedBy)).toEqual(["Thea Third"]);
    expect(inbox.reviewRequests.map((r) => [r.personaName, r.workspaceId, r.message]).sort()).toEqual([
      ["Olive Owner's agent", owner.workspaceId, "Look at **this**"],
      ["Otto Other's agent", other.workspaceId, "Look at **this**"],
    ].sort());
    expect(inbox.unread).toBe(3);
    // The review request was mailed, with a link to the version.
    const mail = mailText((await sink.mailTo(rita.email.toLowerCase(), /asked you to review/)).raw);
    expect(mail).toMatch(/Olive Owner asked you to review v1 of “Olive Owner's agent”/);
    expect(mail).toContain(`http://localhost:3000/w/${owner.workspaceId}/personas/`);

    // Requesting changes tells the requester why, in the inbox (and by mail).
    const request = inbox.reviewRequests.find((r) => r.workspaceId === owner.workspaceId)!;
    expectOk(ops.decide, await rita.api.post(`${personaPath(owner.workspaceId, request.personaId)}/versions/1/decision`, { decision: "request_changes", note: "The refund rule contradicts the boundary" }));
    const owners = expectOk(ops.inbox, await owner.api.get("/api/me/inbox"));
    const notice = owners.notifications.find((n) => n.kind === "decision");
    expect(notice).toMatchObject({ summary: `Rita Reviewer requested changes on ${request.personaName} v1`, reason: "The refund rule contradicts the boundary", readAt: null });
    const decisionMail = mailText((await sink.mailTo(owner.email.toLowerCase(), /requested changes/)).raw);
    expect(decisionMail).toMatch(/Reason:\r?\nThe refund rule contradicts the boundary/);
    expect(expectOk(ops.inbox, await rita.api.get("/api/me/inbox")).reviewRequests).toHaveLength(1);

    // Marking read: mine only.
    expect(expectOk(ops.readNotifications, await rita.api.post("/api/me/notifications/read", { ids: [notice!.id] })).marked).toBe(0);
    expect(expectOk(ops.readNotifications, await owner.api.post("/api/me/notifications/read", { ids: [notice!.id] })).marked).toBe(1);
    expect(expectOk(ops.inbox, await owner.api.get("/api/me/inbox")).notifications.find((n) => n.id === notice!.id)?.readAt).not.toBeNull();
  });

  it("tells a mentioned member, once per mention", async () => {
    const mo = await addTeammate(owner, "reviewer", "Mo Mentioned");
    const persona = await createPersona(owner, { name: "Mention target" });
    const handle = mentionHandle(mo.email);
    expectOk(ops.createComment, await owner.api.post(`${personaPath(owner.workspaceId, persona.id)}/comments`, { body: `@${handle} what do you think?`, anchor: { kind: "persona" } }));
    const inbox = expectOk(ops.inbox, await mo.api.get("/api/me/inbox"));
    expect(inbox.notifications.filter((n) => n.kind === "mention").map((n) => [n.summary, n.reason])).toEqual([
      ["Olive Owner mentioned you on Mention target", `@${handle} what do you think?`],
    ]);
    // Having left the workspace, Mo no longer sees what was said in it.
    expectOk(ops.removeMember, await mo.api.delete(`/api/workspaces/${owner.workspaceId}/members/${mo.memberId}`));
    const after = expectOk(ops.inbox, await mo.api.get("/api/me/inbox"));
    expect(after.notifications.filter((n) => n.workspaceId === owner.workspaceId)).toEqual([]);
  });
});

describe("mail that cannot be sent", () => {
  it("fails nothing: the invitation is made and answered the same", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:9";
    try {
      const sent = expectOk(ops.inviteMember, await owner.api.post(invitations(), { email: "offline@example.test", role: "viewer" }));
      expect(sent.message).toBe("Invitation sent to offline@example.test");
    } finally {
      process.env.SMTP_URL = sink.url;
    }
  });
});

describe("authors cannot approve their own version (optional rule)", () => {
  it("403 with the reason when the workspace bars it; allowed by default", async () => {
    const persona = await createPersona(owner, { name: "Own work" });
    await saveVersion(owner, persona.id, persona.revision, "mine");
    const path = `${personaPath(owner.workspaceId, persona.id)}/versions/1`;
    expect(expectOk(ops.getVersionReview, await owner.api.get(`${path}/review`)).selfApproval).toBeNull();

    const ws = expectOk(ops.updateWorkspace, await owner.api.patch(wsPath(owner.workspaceId), { authorsMayApprove: false }));
    expect(ws.authorsMayApprove).toBe(false);
    expect(expectOk(ops.getVersionReview, await owner.api.get(`${path}/review`)).selfApproval).toMatch(/does not let authors approve/);
    expect(expectError(await owner.api.post(`${path}/decision`, { decision: "approve" }), 403).message).toMatch(/ask another reviewer/);
    // Requesting changes on your own version stays possible; another reviewer may approve.
    expectOk(ops.decide, await owner.api.post(`${path}/decision`, { decision: "request_changes", note: "Not yet" }));
    const rev = await addTeammate(owner, "reviewer", "Ravi Reviewer");
    expect(expectOk(ops.getVersionReview, await rev.api.get(`${path}/review`)).selfApproval).toBeNull();
    expectOk(ops.decide, await rev.api.post(`${path}/decision`, { decision: "approve" }));
    expectOk(ops.updateWorkspace, await owner.api.patch(wsPath(owner.workspaceId), { authorsMayApprove: true }));
  });
});
