import { expect, newAccount, signUp, test } from "../fixtures";
import { EditorPage } from "../pages/editor-page";
import { PersonasPage } from "../pages/personas-page";

// Validation that helps: one over-long field does not stop the others from saving, the
// limit is visible, and every error reads as a sentence on the field it is about.

/** Zod's and better-call's own wording, and dotted paths: none of it may reach the page. */
const RAW = /source\.spec|spec\.background|Too big|Too small|Invalid input|\[body\./;

test("an over-long background stays local and marked while the other edits keep saving", async ({ page }) => {
  await signUp(page, newAccount());
  await new PersonasPage(page).create("Night nurse", "a triage nurse");
  const editor = new EditorPage(page);
  await editor.expectSaved();

  const background = editor.field("Background");
  await background.fill("x".repeat(4100));
  const counter = page.locator("#background-count");
  await expect(counter).toContainText("4,100 / 4,000");
  await expect(counter).toHaveAttribute("data-over", "true");
  await expect(background).toHaveAttribute("aria-invalid", "true");
  await expect(background).toHaveAttribute("aria-describedby", /background-error/);
  await expect(page.locator("#background-error")).toHaveText(/^Background is too long\. Not saved until it is fixed/);

  // Another field, edited while the background is over its limit, is saved.
  await editor.field("Archetype").fill("a veteran ER triage nurse who keeps the waiting room calm");
  await expect(editor.saveState).toHaveAttribute("data-state", "partial", { timeout: 10_000 });
  await expect(editor.saveState).toContainText("Saved — 1 field not saved: Background is too long");
  await expect(background).toHaveValue("x".repeat(4100));
  await expect(page.locator("body")).not.toContainText(RAW);

  await page.reload();
  await expect(editor.field("Archetype")).toHaveValue("a veteran ER triage nurse who keeps the waiting room calm");
  // The server kept the last valid background; the over-long text is offered back from this browser.
  await expect(editor.field("Background")).toHaveValue("");
  await expect(editor.saveState).toHaveAttribute("data-state", "saved");
  await page.getByRole("button", { name: /restore/i }).click();
  await expect(editor.field("Background")).toHaveValue("x".repeat(4100));
  await expect(page.locator("#background-error")).toContainText("Background is too long");
  await expect(page.locator("body")).not.toContainText(RAW);

  // Back under the limit, it saves like any other field.
  await editor.field("Background").fill("Twenty years of night shifts.");
  await editor.expectSaved();
  await expect(page.locator("#background-error")).toHaveCount(0);
  await page.reload();
  await expect(editor.field("Background")).toHaveValue("Twenty years of night shifts.");
});

test("the live preview keeps the last good answers while the draft has an over-long field", async ({ page }) => {
  await signUp(page, newAccount());
  await new PersonasPage(page).create("Harbour pilot", "a calm harbour pilot");
  const editor = new EditorPage(page);
  await editor.showPreview();
  const answers = editor.answers();
  await expect(answers.first()).toHaveAttribute("data-status", "done", { timeout: 20_000 });
  const before = (await answers.first().getByTestId("answer-body").innerText()).trim();

  await editor.field("Background").fill("y".repeat(4100));
  // Not a red wall of schema errors: the field's problem in words, and the last answer, dimmed.
  await expect(answers.first()).toHaveAttribute("data-status", "error", { timeout: 10_000 });
  await expect(answers.first()).toContainText("Not updated: the draft has a problem");
  await expect(answers.first()).toContainText("Background is too long");
  await expect(answers.first().getByTestId("kept-answer")).toBeVisible();
  expect(before.length).toBeGreaterThan(0);
  await expect(answers.first().getByTestId("kept-answer")).toContainText(before.slice(0, 40));
  await expect(page.locator("body")).not.toContainText(RAW);

  // Fixed, the preview answers again.
  await editor.field("Background").fill("Twenty years bringing ships in.");
  await expect(answers.first()).toHaveAttribute("data-status", "done", { timeout: 20_000 });
  await expect(answers.first().getByTestId("kept-answer")).toHaveCount(0);
});

test("the sign-up form says what is missing next to each field, in words", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#name-error")).toHaveText("Enter your name.");
  await expect(page.locator("#email-error")).toHaveText("Enter your email address.");
  await expect(page.locator("#password-error")).toHaveText("Enter your password.");
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-describedby", "email-error");
  await expect(page.getByLabel("Name")).toBeFocused();

  await page.getByLabel("Name").fill("Ada");
  await page.getByLabel("Email").fill("ada@");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#email-error")).toHaveText("Enter a valid email address, like you@company.com.");
  await expect(page.locator("#password-error")).toHaveText("Password must be at least 8 characters.");
  await expect(page.locator("#name-error")).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText(RAW);
  await expect(page).toHaveURL(/\/sign-up$/);
});

test("a wrong password on sign-in is one plain sentence", async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong email or password.");
  await expect(page.locator("body")).not.toContainText(RAW);
});
