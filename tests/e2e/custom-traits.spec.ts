import { expect, newAccount, signUp, test } from "../fixtures";

// A designer drafts a custom trait from one line, edits it, saves it, and saves it again as version 2.

test("draft a custom trait with the model, edit it, save it as versions 1 and 2", async ({ page }) => {
  const ws = await signUp(page, newAccount());
  await page.goto(`/w/${ws}/traits`);
  await page.getByRole("button", { name: "New custom trait" }).click();
  await page.getByLabel("One-line description").fill("Celebrates small wins before pointing out what is missing");
  await page.getByRole("button", { name: "Draft with the model" }).click();

  const form = page.getByRole("form", { name: "Custom trait" });
  await expect(form.getByLabel("Key")).toHaveValue("celebrates_small_wins_before");
  await expect(form.getByLabel(/^Item \d+$/)).toHaveCount(12);
  await form.getByLabel("Key").fill("small_wins");
  await form.getByLabel("Name").fill("Celebrates small wins");
  await form.getByRole("button", { name: "Save trait" }).click();

  const list = page.getByRole("list", { name: "Custom traits" });
  await expect(list.getByText("Celebrates small wins v1")).toBeVisible();

  await list.getByRole("button", { name: "Edit → new version" }).click();
  await page.getByRole("form", { name: "Custom trait" }).getByLabel("Key").fill("firm");
  await page.getByRole("button", { name: "Save trait" }).click();
  await expect(page.getByRole("form", { name: "Custom trait" }).getByRole("alert")).toContainText("built-in");
  await page.getByRole("form", { name: "Custom trait" }).getByLabel("Key").fill("small_wins");
  await page.getByRole("button", { name: "Save trait" }).click();
  await expect(list.getByText("Celebrates small wins v2")).toBeVisible();
});
