import { expect, newAccount, shot, signUp, test } from "../fixtures";
import { EditorPage } from "../pages/editor-page";
import { PersonasPage } from "../pages/personas-page";

// The designer's first session: sign up, create a persona as a character type,
// edit it with autosave while the prompt updates, save versions, diff, restore.
test("sign up → create persona → edit with autosave → versions → diff → restore", async ({ page }) => {
  const account = newAccount();
  const workspaceId = await signUp(page, account);
  await expect(page.getByRole("heading", { name: "Personas" })).toBeVisible();
  await expect(page.getByText("Compose your first persona")).toBeVisible();
  await shot(page, "01-empty-workspace");

  await new PersonasPage(page).create("Triage Nurse Rosa", "a veteran ER triage nurse who has seen everything and still cares");
  const editor = new EditorPage(page);
  await editor.showPrompt();
  await expect(editor.prompt).toContainText("You are a veteran ER triage nurse who has seen everything and still cares.");

  // The compiled prompt follows every keystroke, before any save.
  await editor.field("Background").fill("Twenty years on night shifts in a city hospital.");
  await expect(editor.prompt).toContainText("## Who you are\nTwenty years on night shifts in a city hospital.");
  await editor.addTrait("empathetic");
  await editor.page.getByLabel("Empathetic target value").fill("90");
  await expect(editor.prompt).toContainText("Always name the person's feelings");
  await editor.addTrait("firm");
  await expect(editor.prompt).toContainText("Usually state limits plainly");
  await editor.expectSaved();
  await shot(page, "02-editor-autosaved");

  // Autosave really reached the server: a reload shows the same draft.
  await page.reload();
  await expect(editor.field("Background")).toHaveValue("Twenty years on night shifts in a city hospital.");
  await expect(page.getByLabel("Empathetic target value")).toHaveValue("90");

  await editor.saveVersion("First cut: nurse with empathy and firmness", 1);
  await expect(page.getByText("v1", { exact: true })).toBeVisible();

  await editor.field("Archetype").fill("a veteran ER triage nurse who keeps the waiting room calm and fair");
  await editor.page.getByLabel("Firm / boundary-setting target value").fill("95");
  await editor.expectSaved();
  await expect(page.getByText("v1 + edits")).toBeVisible();
  await editor.saveVersion("Sharper archetype, firmer limits", 2);

  await page.getByRole("link", { name: /^Versions/ }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${workspaceId}/personas/[^/]+/versions`));
  const history = page.getByRole("list", { name: "Version history" });
  await expect(history).toContainText("Sharper archetype, firmer limits");
  await expect(history).toContainText("First cut: nurse with empathy and firmness");

  // Default comparison is v1 → v2: the changed fields and the prompt lines.
  const changed = page.getByRole("list", { name: "Changed fields" });
  await expect(changed).toContainText("Archetype");
  await expect(changed).toContainText("Trait target · Firm / boundary-setting");
  await expect(changed).not.toContainText("Background");
  const promptDiff = page.getByTestId("prompt-diff");
  await expect(promptDiff).toContainText("−- Usually state limits plainly");
  await expect(promptDiff).toContainText("+- Always state limits plainly");
  await shot(page, "03-version-diff");

  // Restore v1 into the draft: the editor shows v1's text again.
  await history.getByRole("button", { name: "Restore" }).last().click();
  await page.getByRole("dialog").getByRole("button", { name: "Restore" }).click();
  await page.waitForURL(/\/personas\/[^/]+$/);
  await expect(editor.field("Archetype")).toHaveValue("a veteran ER triage nurse who has seen everything and still cares");
  await expect(page.getByLabel("Firm / boundary-setting target value")).toHaveValue("75");

  // The list shows the persona with its version count.
  await page.getByRole("link", { name: "Personas" }).first().click();
  const row = page.getByRole("list", { name: "Personas" }).getByRole("link", { name: /Triage Nurse Rosa/ });
  await expect(row).toContainText("v2");
  await expect(row).toContainText("Draft");
  await shot(page, "04-persona-list");
});
