import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { mentionHandle } from "@/lib/review/mentions";
import { expectOk } from "@/tests/factories/api";
import { createReviewablePanel } from "@/tests/factories/panels";
import { addTeammate, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";
import { mailText, startSmtpSink } from "@/tests/factories/smtp-sink";

// Issue 16 §7, panels: a panel version's review request waits in the reviewer's
// inbox beside persona requests; the decision (with its reason) reaches whoever
// asked; a mention in a panel's thread reaches the member mentioned — in the app
// and, with SMTP configured, by mail. Before, panels told nobody anything.

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let owner: Member;
let rita: Awaited<ReturnType<typeof addTeammate>>;
let panelId: string;
const P = () => `${wsPath(owner.workspaceId)}/panels/${panelId}`;
const inboxOf = (who: { api: Member["api"] }) => who.api.get("/api/me/inbox").then((r) => expectOk(ops.inbox, r));

beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  owner = await signUpWithWorkspace({ name: "Olga Owner" });
  rita = await addTeammate(owner, "reviewer", "Rita Reviewer");
  ({ panelId } = await createReviewablePanel(owner, "Release council"));
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await sink.close();
});

describe("panels in the inbox", () => {
  it("a panel review request waits in the reviewer's inbox, is mailed once, and its decision reaches the requester with the reason", async () => {
    const before = await inboxOf(rita);
    expectOk(ops.requestPanelReview, await owner.api.post(`${P()}/reviews`, { version: 1, reviewerIds: [rita.id], message: "Do Ada and **Bo** differ?" }));
    // Asking again for the same version neither adds a request nor mails again.
    expectOk(ops.requestPanelReview, await owner.api.post(`${P()}/reviews`, { version: 1, reviewerIds: [rita.id] }));
    const inbox = await inboxOf(rita);
    expect(inbox.panelReviewRequests.map((r) => [r.panelId, r.panelName, r.version, r.workspaceId, r.message])).toEqual([
      [panelId, "Release council", 1, owner.workspaceId, "Do Ada and **Bo** differ?"],
    ]);
    expect(inbox.unread).toBe(before.unread + 1);
    const mail = mailText((await sink.mailTo(rita.email.toLowerCase(), /asked you to review/)).raw);
    expect(mail).toMatch(/Olga Owner asked you to review v1 of “Release council \(panel\)”/);
    expect(mail).toContain(`/w/${owner.workspaceId}/panels/${panelId}#review`);
    await new Promise((r) => setTimeout(r, 200)); // mail goes out in the background: give a second one time to arrive
    expect(sink.received.filter((m) => m.to.includes(rita.email.toLowerCase()) && /asked you to review/.test(mailText(m.raw)))).toHaveLength(1);

    expectOk(ops.decidePanelVersion, await rita.api.post(`${P()}/reviews/versions/1/decision`, { decision: "request_changes", note: "Bo only echoes Ada" }));
    expect((await inboxOf(rita)).panelReviewRequests).toEqual([]);
    const notice = (await inboxOf(owner)).notifications.find((n) => n.kind === "decision");
    expect(notice).toMatchObject({ summary: "Rita Reviewer requested changes on Release council (panel) v1", reason: "Bo only echoes Ada", href: `/w/${owner.workspaceId}/panels/${panelId}#review` });
  });

  it("a mention in a panel's thread (new, or added by an edit) tells the member", async () => {
    const handle = mentionHandle(rita.email);
    expectOk(ops.createPanelComment, await owner.api.post(`${P()}/comments`, { body: `@${handle} does Ada sound like Bo?`, anchor: { kind: "panel_member", key: "ada" } }));
    let mentions = (await inboxOf(rita)).notifications.filter((n) => n.kind === "mention");
    expect(mentions.map((n) => [n.summary, n.reason, n.href])).toEqual([
      ["Olga Owner mentioned you on Release council (panel)", `@${handle} does Ada sound like Bo?`, `/w/${owner.workspaceId}/panels/${panelId}#panel-sessions`],
    ]);
    const plain = expectOk(ops.createPanelComment, await owner.api.post(`${P()}/comments`, { body: "Bo is terse", anchor: { kind: "panel_member", key: "bo" } }));
    expect((await inboxOf(rita)).notifications.filter((n) => n.kind === "mention")).toHaveLength(1);
    expectOk(ops.editComment, await owner.api.patch(`${wsPath(owner.workspaceId)}/comments/${plain.id}`, { body: `Bo is terse, @${handle}` }));
    mentions = (await inboxOf(rita)).notifications.filter((n) => n.kind === "mention");
    expect(mentions.map((n) => n.reason)).toEqual([`Bo is terse, @${handle}`, `@${handle} does Ada sound like Bo?`]);
    expect(mailText((await sink.mailTo(rita.email.toLowerCase(), /mentioned you/)).raw)).toContain("Release council (panel)");
  });
});
