import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, newAccount, signUp, test } from "../fixtures";
import { acceptFromInbox, MembersPage } from "../pages/members-page";

// Issue 16 §7, as a team would live it: an owner invites by email and the
// form's answer says nothing about who has an account; the invitee accepts
// from the inbox and lands in the workspace; a review request then waits in
// the reviewer's inbox (its note rendered as Markdown). The invite link sends
// a signed-out visitor to sign up and back, and refuses a different account.

const SHOTS = "/tmp/h3-shots";
const PHONE = { width: 390, height: 844 };

async function shots(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}-1440.png`, fullPage: true });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: `${SHOTS}/${name}-390.png`, fullPage: true });
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect.soft(scrollWidth, `${name} scrolls sideways at 390 px`).toBeLessThanOrEqual(innerWidth);
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function expectAxeClean(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} on ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
  expect.soft(serious, `axe serious/critical on ${where}`).toEqual([]);
}

/** A same-origin JSON call from the page (the studio's own origin, as its UI makes it). */
async function call<T>(page: Page, method: string, url: string, body?: unknown): Promise<T> {
  return page.evaluate(async ({ method, url, body }) => {
    const res = await fetch(url, { method, headers: body === undefined ? {} : { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
    return res.json();
  }, { method, url, body }) as Promise<T>;
}

test("an invitation accepted by a second account, and a review request waiting in its inbox", async ({ newPage }) => {
  test.setTimeout(240_000);
  const owner = newAccount("owner");
  const mate = newAccount("mate");

  const m = await newPage();
  const mateHome = await signUp(m, mate);

  const o = await newPage();
  const workspaceId = await signUp(o, owner);
  const members = new MembersPage(o);
  await members.open(workspaceId);
  // The same answer for an address with an account and one without: the form reveals nobody.
  const known = await members.invite(mate.email, "reviewer");
  const unknown = await members.invite(`nobody-${Date.now()}@example.com`, "reviewer");
  expect(unknown).toBe(known);
  await expect(o.getByTestId("pending-invitation")).toHaveCount(2);
  // Nobody joined yet: the members table still lists only the owner.
  await expect(o.getByTestId("member-row")).toHaveCount(1);
  await expectAxeClean(o, "settings with pending invitations");
  await shots(o, "members-settings");

  // The invitee sees it in the inbox (the nav counts it), accepts and lands in the workspace.
  await m.goto(`/w/${mateHome}`);
  await expect(m.getByRole("link", { name: /^Inbox/ })).toContainText("1");
  await m.goto(`/w/${mateHome}/inbox`);
  await expect(m.getByTestId("inbox-invitation")).toContainText(owner.name);
  await expect(m.getByTestId("inbox-invitation")).toContainText("reviewer");
  await expectAxeClean(m, "inbox");
  await shots(m, "inbox-invitation");
  await acceptFromInbox(m, mateHome, owner.name);
  expect(new URL(m.url()).pathname).toBe(`/w/${workspaceId}`);
  await expect(m.getByRole("heading", { name: "Personas", level: 1 })).toBeVisible();
  await o.reload();
  await expect(o.getByTestId("member-row")).toHaveCount(2);
  await expect(o.getByTestId("pending-invitation")).toHaveCount(1);

  // A review request from the owner waits in the reviewer's inbox, its note rendered as Markdown.
  const persona = await call<{ id: string; revision: number }>(o, "POST", `/api/workspaces/${workspaceId}/personas`, { name: "Triage Tess", archetype: "a veteran ER triage nurse" });
  await call(o, "POST", `/api/workspaces/${workspaceId}/personas/${persona.id}/versions`, { message: "First cut", revision: persona.revision });
  const list = await call<{ userId: string; email: string }[]>(o, "GET", `/api/workspaces/${workspaceId}/members`);
  const mateId = list.find((x) => x.email === mate.email.toLowerCase())!.userId;
  await call(o, "POST", `/api/workspaces/${workspaceId}/personas/${persona.id}/review-requests`, { version: 1, reviewerIds: [mateId], message: "Please check the **refund** wording" });

  await m.goto(`/w/${mateHome}/inbox`);
  const review = m.getByTestId("inbox-review");
  await expect(review).toContainText("Triage Tess");
  await expect(review.locator("strong")).toHaveText("refund");
  await shots(m, "inbox-review");
  await review.getByRole("link", { name: /Triage Tess/ }).click();
  await m.waitForURL(`**/w/${workspaceId}/personas/${persona.id}/versions/1`);
});

test("the invite link: signed out it leads to sign-up and back; another account is told it is not theirs", async ({ newPage }) => {
  test.setTimeout(240_000);
  const owner = newAccount("owner");
  const invitee = newAccount("invitee");
  const other = newAccount("other");

  const o = await newPage();
  const workspaceId = await signUp(o, owner);
  const members = new MembersPage(o);
  await members.open(workspaceId);
  const answer = o.waitForResponse((r) => r.url().endsWith(`/api/workspaces/${workspaceId}/invitations`) && r.request().method() === "POST");
  await members.invite(invitee.email, "editor");
  const { link } = (await (await answer).json()) as { link: string };
  const path = new URL(link).pathname;
  expect(path).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);

  // Another account: the invitation is shown, but only the invited address may answer it.
  const x = await newPage();
  await signUp(x, other);
  await x.goto(path);
  await expect(x.getByTestId("invite-card").getByRole("alert")).toContainText(`sent to ${invitee.email.toLowerCase()}`);
  await expect(x.getByRole("button", { name: "Accept and join" })).toHaveCount(0);
  await expectAxeClean(x, "invite page, wrong account");
  await shots(x, "invite-wrong-account");

  // Signed out: sign up from the link, come back to it, accept.
  const i = await newPage();
  await i.goto(path);
  await expect(i.getByRole("heading", { name: "You have been invited to a workspace" })).toBeVisible();
  await expectAxeClean(i, "invite page, signed out");
  await shots(i, "invite-signed-out");
  await i.getByRole("link", { name: "Create an account" }).click();
  await i.getByLabel("Name").fill(invitee.name);
  await i.getByLabel("Email").fill(invitee.email);
  await i.getByLabel("Password").fill(invitee.password);
  await i.getByRole("button", { name: "Create account" }).click();
  await i.waitForURL(`**${path}`);
  await expect(i.getByRole("heading", { name: /^Join / })).toBeVisible();
  await expect(i.getByTestId("invite-card")).toContainText(owner.name);
  await expectAxeClean(i, "invite page");
  await shots(i, "invite-page");
  await i.getByRole("button", { name: "Accept and join" }).click();
  await i.waitForURL(`**/w/${workspaceId}`);

  // The link has done its work: opening it again says so.
  await i.goto(path);
  await expect(i.getByRole("status")).toContainText("This invitation was accepted.");
});
