import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, newAccount, signUp, test } from "../fixtures";
import { EditorPage } from "../pages/editor-page";
import { PersonasPage } from "../pages/personas-page";

const SHOTS = process.env.SHOTS_DIR ?? "test-results/screenshots";

/** axe with the marks on screen: the highlight colours must keep text readable. */
async function expectAxeClean(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
  expect(serious).toEqual([]);
}

// The compare workbench (issue 16 §4): opened from the editor's preview, it lays the draft's
// answers beside a saved version's, marks the words that differ once both have finished,
// shows the compiled-prompt diff beside them, and remembers what was compared.
test("draft vs version and model vs model, side by side, remembered per persona", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signUp(page, newAccount("compare"));
  await new PersonasPage(page).create("Rosa", "a veteran ER triage nurse");
  const editor = new EditorPage(page);
  await editor.expectSaved();
  await editor.saveVersion("First cut", 1);

  // Change what the persona is: the draft now answers differently from v1.
  await editor.field("Archetype").fill("a blunt drill sergeant who has no time for excuses");
  await editor.expectSaved();
  await editor.showPreview();
  await page.getByRole("radio", { name: "Draft vs version" }).click();
  await page.getByRole("link", { name: /Open full compare/ }).click();
  await page.waitForURL(/\/compare$/);
  await expect(page.getByRole("heading", { name: "Compare", level: 1 })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Draft vs version" })).toHaveAttribute("aria-checked", "true");
  await expect(page.getByLabel("Version", { exact: true })).toHaveValue("1");

  const answers = page.getByTestId("answer");
  await expect(page.getByTestId("compare-row")).toHaveCount(3);
  await expect(answers).toHaveCount(6);
  for (const a of await answers.all()) await expect(a).toHaveAttribute("data-status", "done", { timeout: 30_000 });

  // Differences are marked on both sides, with a sentence saying how many words differ.
  const marks = page.getByTestId("answer-only");
  await expect(marks.first()).toBeVisible();
  await expect(answers.nth(0).getByTestId("answer-only").first()).toBeVisible();
  await expect(answers.nth(1).getByTestId("answer-only").first()).toBeVisible();
  await expect(page.getByTestId("compare-summary").first()).toContainText(/words? only in Draft, \d+ words? only in v1/);
  // Beside them, the compiled prompt's diff: v1's prompt against the draft's.
  await expect(page.getByTestId("prompt-diff")).toContainText("drill sergeant");
  await expectAxeClean(page);
  await page.screenshot({ path: `${SHOTS}/compare-version-1440.png`, fullPage: true });

  // Highlighting can be turned off; the answers stay.
  await page.getByLabel("Highlight differences").uncheck();
  await expect(marks).toHaveCount(0);
  await expect(answers.first().getByTestId("answer-body")).not.toBeEmpty();
  await page.getByLabel("Highlight differences").check();
  await expect(marks.first()).toBeVisible();

  // Model A vs model B: changing B's model stales B's answers but keeps them on screen, dimmed.
  await page.getByRole("radio", { name: "Model A vs model B" }).click();
  await expect(page.getByTestId("compare-prompt")).toContainText("drill sergeant");
  for (const a of await answers.all()) await expect(a).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  const before = (await answers.nth(1).getByTestId("answer-body").innerText()).replace(/\[only here: |\]/g, "");
  await page.getByLabel("B model").fill("persona-sim-2");
  const staleB = page.locator('[data-testid="answer"][data-status="stale"]').first();
  await expect(staleB.getByTestId("answer-body")).toContainText(before.slice(0, 30));
  for (const a of await answers.all()) await expect(a).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  await expect(answers.nth(1)).toContainText("persona-sim-2");
  await page.screenshot({ path: `${SHOTS}/compare-models-1440.png` });

  // A reload comes back to the same comparison and models.
  await page.reload();
  await expect(page.getByRole("radio", { name: "Model A vs model B" })).toHaveAttribute("aria-checked", "true");
  await expect(page.getByLabel("B model")).toHaveValue("persona-sim-2");
  await expect(page.getByLabel("A provider")).toHaveValue("simulator");

  // The editor's panel shares the memory: it opens on "Two models" with the same B.
  await page.getByRole("link", { name: "Open the editor →" }).click();
  await editor.showPreview();
  await expect(page.getByRole("radio", { name: "Two models" })).toHaveAttribute("aria-checked", "true");
  await expect(page.getByLabel("B model")).toHaveValue("persona-sim-2");
  await page.screenshot({ path: `${SHOTS}/editor-panel-1440.png` });

  // On a phone the columns stack and nothing scrolls sideways; the prompt diff folds away.
  await page.getByRole("link", { name: "Compare", exact: true }).click();
  await page.waitForURL(/\/compare$/);
  await page.getByRole("radio", { name: "Draft vs version" }).click();
  await page.setViewportSize({ width: 390, height: 844 });
  for (const a of await answers.all()) await expect(a).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  await expect(page.getByTestId("prompt-diff")).toBeHidden();
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page.getByTestId("prompt-diff")).toBeVisible();
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  const [first, second] = [await answers.nth(0).boundingBox(), await answers.nth(1).boundingBox()];
  expect(second!.y).toBeGreaterThan(first!.y + first!.height - 1);
  await expect(marks.first()).toBeVisible();
  await expectAxeClean(page);
  await page.screenshot({ path: `${SHOTS}/compare-version-390.png`, fullPage: true });
});
