import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, newAccount, signUp, test } from "../fixtures";
import { EditorPage } from "../pages/editor-page";
import { PersonasPage } from "../pages/personas-page";

// Issue 16 §8 as a designer meets it: the share dialog says what the shared page
// will show under "Sample answers" and records them with the link, or says
// plainly that the version has nothing to answer — the shared page never opens
// on an unexplained empty section. The persona's slug (what the CLI asks for)
// is shown in the editor and on the list, with a copy button.

const SHOTS = process.env.SHOTS_DIR ?? "test-results/screenshots";
const PHONE = { width: 390, height: 844 };

async function axeSerious(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

test("the share dialog records the sample answers with the link; the slug is shown and copyable", async ({ page, newPage }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const workspaceId = await signUp(page, newAccount("sharer"));
  await new PersonasPage(page).create("Triage Tess", "a veteran ER triage nurse");
  const editor = new EditorPage(page);
  await editor.expectSaved();
  await editor.saveVersion("First cut", 1);

  // The slug, in the editor header, copyable.
  const slug = page.getByTestId("persona-slug");
  await expect(slug).toContainText("triage-tess");
  await slug.getByRole("button", { name: /Copy slug triage-tess/ }).click();
  await expect(slug.getByRole("button")).toHaveText(/Copied|Selected — press Ctrl\+C/);
  await page.screenshot({ path: `${SHOTS}/slug-editor-1440.png` });

  // The dialog says the answers will be recorded now, where and at what cost.
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("samples-hint")).toContainText("3 sample messages answered on the simulator");
  await expect(dialog.getByTestId("samples-hint")).toContainText("free");
  await expect(dialog.getByRole("checkbox", { name: "Record v1’s sample answers first" })).toBeChecked();
  expect(await axeSerious(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/share-dialog-record-1440.png` });
  await dialog.getByLabel("Label").fill("Support leads");
  await dialog.getByRole("button", { name: "Record and create link" }).click();
  const url = await dialog.getByTestId("share-url").inputValue();
  await dialog.getByRole("button", { name: "Done" }).click();

  const anon = await newPage();
  await anon.goto(url);
  await expect(anon.getByTestId("shared-sample")).toHaveCount(3);

  // Opened again, the dialog says the page shows the recorded answers; nothing more to record.
  await page.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByTestId("samples-recorded")).toContainText("3 recorded answers");
  await expect(dialog.getByRole("button", { name: "Create link", exact: true })).toBeVisible();
  await dialog.getByRole("button", { name: "Done" }).click();

  // The list row shows the slug with its own copy button.
  await page.goto(`/w/${workspaceId}`);
  await expect(page.getByTestId("row-slug")).toHaveText("triage-tess");
  await expect(page.getByRole("button", { name: "Copy slug triage-tess" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/slug-list-1440.png` });

  // A version with no sample messages: the dialog says so before the link, and so does the page.
  await new PersonasPage(page).create("Quiet Quinn", "a night-shift librarian");
  await editor.expectSaved();
  const res = await page.request.get(`/api/workspaces/${workspaceId}/personas/${new URL(page.url()).pathname.split("/").pop()}`);
  const persona = (await res.json()) as { id: string; revision: number; spec: Record<string, unknown> };
  const patched = await page.request.patch(`/api/workspaces/${workspaceId}/personas/${persona.id}`, {
    data: { revision: persona.revision, spec: { ...persona.spec, sampleMessages: [], scenarios: [] } }, headers: { origin: new URL(page.url()).origin },
  });
  expect(patched.ok()).toBe(true);
  await page.reload();
  await editor.saveVersion("Nothing to answer", 1);
  await page.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByTestId("samples-none")).toContainText("has no scenarios or sample messages");
  await page.screenshot({ path: `${SHOTS}/share-dialog-none-1440.png` });
  await dialog.getByRole("button", { name: "Create link", exact: true }).click();
  const quietUrl = await dialog.getByTestId("share-url").inputValue();
  await dialog.getByRole("button", { name: "Done" }).click();
  await anon.goto(quietUrl);
  await expect(anon.locator("#samples")).toContainText("has no sample messages or scenarios");
  await anon.setViewportSize(PHONE);
  await anon.locator("#samples").scrollIntoViewIfNeeded();
  await noSidewaysScroll(anon);
  await anon.screenshot({ path: `${SHOTS}/shared-none-390.png` });

  // The phone: the slug in the header and the dialog fit 390 px.
  await page.setViewportSize(PHONE);
  await page.goto(`/w/${workspaceId}`);
  await page.getByRole("link", { name: /Triage Tess/ }).first().click();
  await expect(page.getByTestId("persona-slug")).toBeVisible();
  await noSidewaysScroll(page);
  await page.screenshot({ path: `${SHOTS}/slug-editor-390.png` });
  await page.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByTestId("samples-recorded")).toBeVisible();
  await noSidewaysScroll(page);
  expect(await axeSerious(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/share-dialog-390.png` });
});
