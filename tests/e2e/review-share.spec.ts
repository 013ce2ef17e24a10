import { expect, newAccount, signUp, test } from "../fixtures";
import { EditorPage } from "../pages/editor-page";
import { acceptFromInbox, MembersPage } from "../pages/members-page";
import { PersonasPage } from "../pages/personas-page";

// Issue 5 as a team would try it: a link opened in a fresh browser profile shows
// a read-only persona page; a second account comments on one sample answer and
// approves the version; the first account sees both in its review queue.
test("share a version, review it as a teammate, see the outcome in the queue", async ({ newPage }) => {
  test.setTimeout(120_000);
  const owner = newAccount("owner");
  const reviewer = newAccount("reviewer");
  const r = await newPage();
  const reviewerHome = await signUp(r, reviewer);

  const o = await newPage();
  const workspaceId = await signUp(o, owner);
  const members = new MembersPage(o);
  await members.open(workspaceId);
  await members.invite(reviewer.email, "reviewer");
  await acceptFromInbox(r, reviewerHome, owner.name);

  await o.goto(`/w/${workspaceId}`);
  await new PersonasPage(o).create("Triage Tess", "a veteran ER triage nurse");
  const editor = new EditorPage(o);
  await editor.expectSaved();
  await editor.saveVersion("First cut", 1);

  // Record sample answers and ask the teammate for a review, on the version's page.
  await o.getByRole("link", { name: "Review v1" }).click();
  await o.getByRole("button", { name: "Record sample answers" }).click();
  await expect(o.getByTestId("sample-answer")).toHaveCount(3);
  await expect(o.getByLabel("Sample answers").getByText("Simulator — not a language model")).toBeVisible();
  await o.getByRole("button", { name: "Request review…" }).click();
  await o.getByRole("dialog").getByRole("checkbox").check();
  await o.getByRole("dialog").getByRole("button", { name: "Request review" }).click();
  await expect(o.getByRole("status").filter({ hasText: "to review v1" })).toBeVisible();

  // Share the latest version and open the link in a fresh profile.
  await o.getByRole("link", { name: "Triage Tess" }).first().click();
  await o.getByRole("button", { name: "Share", exact: true }).click();
  await o.getByLabel("Label").fill("Support leads");
  await o.getByRole("button", { name: "Create link" }).click();
  const url = await o.getByTestId("share-url").inputValue();
  expect(url).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
  await o.screenshot({ path: "test-results/screenshots/20-share-dialog.png" });
  await o.getByRole("button", { name: "Done" }).click();

  const anon = await newPage();
  const res = await anon.goto(url);
  expect(res?.status()).toBe(200);
  await expect(anon.getByRole("heading", { name: "Triage Tess" })).toBeVisible();
  await expect(anon.getByText("a veteran ER triage nurse").first()).toBeVisible();
  await expect(anon.getByText("Simulator — not a language model").first()).toBeVisible();
  const html = await anon.content();
  expect(html).not.toContain(owner.email);
  expect(html).not.toContain(reviewer.email);
  expect(html).not.toContain(workspaceId);
  await expect(anon.locator('meta[property="og:title"]')).toHaveAttribute("content", /Triage Tess/);
  await anon.screenshot({ path: "test-results/screenshots/21-shared-page.png", fullPage: true });
  // A truncated token is not found.
  expect((await anon.goto(url.slice(0, -1)))?.status()).toBe(404);

  // The reviewer finds the request in the queue, comments on the second answer with a mention, approves.
  // The reviewer is still signed in from sign-up, in their own browser profile.
  await r.goto(`/w/${workspaceId}/reviews`);
  await r.getByTestId("queue-request").filter({ hasText: "Triage Tess" }).click();
  await r.waitForURL(/\/versions\/1$/);
  const second = r.getByTestId("sample-answer").nth(1);
  await second.getByRole("button", { name: "Comment on this answer" }).click();
  const box = second.getByRole("textbox", { name: "Comment" });
  await box.fill("Too soft for a triage desk, @" + owner.email.slice(0, 5));
  await r.getByRole("listbox", { name: "Mention a member" }).getByRole("option").first().click();
  await box.press("End");
  await box.pressSequentially("— keep the boundary.");
  await second.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(second.getByTestId("comment-thread")).toContainText("keep the boundary");
  await expect(second.getByTestId("comment-thread").locator("[data-mention]")).toHaveCount(1);
  // Authors fix their own typos; the comment says it was edited and keeps its mention.
  await second.getByTestId("comment-thread").getByRole("button", { name: "Edit" }).click();
  const editBox = second.getByRole("textbox", { name: "Edit comment" });
  await editBox.fill((await editBox.inputValue()).replace("Too soft", "Much too soft"));
  await second.getByRole("button", { name: "Save" }).click();
  await expect(second.getByTestId("comment-thread")).toContainText("Much too soft");
  await expect(second.getByTestId("comment-thread")).toContainText("edited");
  await expect(second.getByTestId("comment-thread").locator("[data-mention]")).toHaveCount(1);
  await r.getByRole("button", { name: "Approve v1" }).click();
  await expect(r.getByRole("dialog")).toContainText("no completed probe report");
  await r.getByRole("dialog").getByRole("button", { name: "Approve anyway" }).click();
  await expect(r.getByLabel("Review").getByText("v1 approved")).toBeVisible();
  await r.screenshot({ path: "test-results/screenshots/22-version-review.png", fullPage: true });

  // The owner sees the decision and the mention in the queue, and the approval in the trail.
  await o.goto(`/w/${workspaceId}/reviews`);
  await expect(o.getByLabel("You asked for").getByTestId("queue-request")).toContainText("approved");
  await expect(o.getByLabel("Mentions").getByTestId("queue-mention")).toContainText("Much too soft for a triage desk");
  await o.screenshot({ path: "test-results/screenshots/23-review-queue.png", fullPage: true });
});
