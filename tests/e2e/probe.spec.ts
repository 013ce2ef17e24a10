import { expect, newAccount, signUp, test } from "../fixtures";
import { EditorPage } from "../pages/editor-page";
import { PersonasPage } from "../pages/personas-page";

// The heart of the product: probe a persona and read where it actually lands.
test("probe an empathetic-but-firm persona: progress, report, flags with their answers", async ({ page }) => {
  test.setTimeout(120_000);
  await signUp(page, newAccount("prober"));
  await new PersonasPage(page).create("Desk Dana", "");
  const editor = new EditorPage(page);
  await editor.addTrait("empathetic");
  await page.getByLabel("Empathetic target value").fill("95");
  await editor.addTrait("firm");
  await page.getByLabel("Firm / boundary-setting target value").fill("95");
  await editor.expectSaved();

  await page.getByRole("link", { name: "Probe" }).click();
  await page.getByRole("button", { name: "New probe" }).click();
  await page.getByRole("button", { name: "Start probe" }).click();
  await page.waitForURL(/\/probes\/[^/]+$/);

  await expect(page.getByRole("progressbar")).toBeVisible();
  await expect(page.getByText("Completed").first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("Simulator — not a language model").first()).toBeVisible();

  const flags = page.getByRole("list", { name: "Flags" });
  await expect(flags).toContainText(/Empathetic/);
  await expect(flags).toContainText(/Firm/);
  await expect(page.getByLabel("Landing by trait")).toContainText("Empathetic");
  await expect(page.getByLabel("Tension heatmap")).toBeVisible();
  await expect(page.getByTestId("radar")).toBeVisible();
  await expect(page.getByTestId("pair-scatter")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/10-probe-report.png", fullPage: true });

  // Every flag is backed by the answers that show it, with their judge scores.
  await flags.getByRole("button", { name: /Show the answers/ }).first().click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(/empathetic|Empathetic/);
  await page.screenshot({ path: "test-results/screenshots/11-flag-evidence.png" });
});
