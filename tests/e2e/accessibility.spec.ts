import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { expect, newAccount, signUp, test } from "../fixtures";
import { DESKTOP, expectNoSeriousAxeViolations, expectNoSidewaysScroll, PHONE } from "../pages/axe";
import { EditorPage } from "../pages/editor-page";
import { PersonasPage } from "../pages/personas-page";

// Issue 16 (items 3 and 11): every page we can reach passes axe (WCAG 2 A/AA) with
// no serious or critical violation, at desktop width and on a 390 px phone, and
// no page scrolls sideways on the phone. The signed-in shell collapses into a top
// bar with a menu button there, and every page starts with a skip link.

type Checked = { name: string; url: string; ready: (page: Page) => Locator };

async function visit(page: Page, p: Checked): Promise<void> {
  await page.goto(p.url);
  await expect(p.ready(page)).toBeVisible();
}

async function checkEverywhere(page: Page, pages: Checked[]): Promise<void> {
  for (const viewport of [DESKTOP, PHONE]) {
    await page.setViewportSize(viewport);
    for (const p of pages) {
      const where = `${p.name} at ${viewport.width} px`;
      await visit(page, p);
      await expectNoSeriousAxeViolations(page, where);
      if (viewport === PHONE) await expectNoSidewaysScroll(page, where);
    }
  }
  await page.setViewportSize(DESKTOP);
}

test("signed-out pages: axe-clean, a skip link first and one main landmark, no sideways scroll at 390 px", async ({ page }) => {
  const pages: Checked[] = [
    { name: "sign-in", url: "/sign-in", ready: (pg) => pg.getByRole("button", { name: "Sign in" }) },
    { name: "sign-up", url: "/sign-up", ready: (pg) => pg.getByRole("button", { name: "Create account" }) },
  ];
  await checkEverywhere(page, pages);

  await visit(page, pages[0]);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await expect(page.getByRole("main")).toHaveCount(1);
  await expect(page.locator("main#main")).toHaveCount(1);
});

test("signed-in studio: every page axe-clean and usable on a 390 px phone", async ({ page, newPage }) => {
  test.setTimeout(420_000);
  const workspaceId = await signUp(page, newAccount("a11y"));
  const w = `/w/${workspaceId}`;
  const personaId = await new PersonasPage(page).create("Triage Tess", "a veteran ER triage nurse");
  const editor = new EditorPage(page);
  await editor.field("Background").fill("Twenty years on night shifts in a city hospital.");
  await editor.addTrait("empathetic");
  await editor.addTrait("firm");
  await editor.expectSaved();
  await editor.saveVersion("First cut", 1);
  // production on v1: the versions page then shows its labels and "Use in your app", the list and the editor a badge.
  expect((await page.request.put(`/api/workspaces/${workspaceId}/personas/${personaId}/labels/production`, { data: { version: 1 }, headers: { origin: new URL(page.url()).origin } })).status()).toBe(200);

  // A share link of that version, opened without a session.
  await page.getByRole("button", { name: "Share", exact: true }).click();
  await page.getByLabel("Label").fill("Accessibility check");
  await page.getByRole("button", { name: "Create link" }).click();
  const shareUrl = await page.getByTestId("share-url").inputValue();
  await page.getByRole("button", { name: "Done" }).click();

  // A finished probe run, for the report page.
  await page.getByRole("link", { name: "Probe" }).click();
  await page.getByRole("button", { name: "New probe" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Start probe" }).click();
  await page.waitForURL(/\/probes\/[^/]+$/);
  await expect(page.getByText("Completed").first()).toBeVisible({ timeout: 90_000 });
  const reportUrl = new URL(page.url()).pathname;

  // A panel, imported from council files, for the panel editor.
  const council = path.join(__dirname, "fixtures/council");
  await page.goto(`${w}/panels`);
  await page.getByRole("button", { name: "Import council files…" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Files").setInputFiles(
    ["council-socrates.md", "council-feynman.md", "council-sun-tzu.md", "council-aurelius.md", "seat-plan.yaml"].map((f) => path.join(council, f)),
  );
  await dialog.getByRole("button", { name: "Import 4 members" }).click();
  await dialog.getByRole("button", { name: "Open the panel" }).click();
  await page.waitForURL(/\/panels\/[^/]+$/);
  const panelUrl = new URL(page.url()).pathname;

  const heading = (name: string | RegExp) => (pg: Page) => pg.getByRole("heading", { name, level: 1 });
  await checkEverywhere(page, [
    { name: "persona list", url: w, ready: heading("Personas") },
    { name: "persona editor", url: `${w}/personas/${personaId}`, ready: (pg) => pg.getByTestId("save-state") },
    { name: "versions", url: `${w}/personas/${personaId}/versions`, ready: heading("Versions") },
    { name: "version v1", url: `${w}/personas/${personaId}/versions/1`, ready: heading(/^Version 1/) },
    { name: "variants", url: `${w}/personas/${personaId}/variants`, ready: heading("Variants") },
    { name: "compare", url: `${w}/personas/${personaId}/compare`, ready: heading("Compare") },
    { name: "probes", url: `${w}/personas/${personaId}/probes`, ready: heading("Probes") },
    { name: "probe report", url: reportUrl, ready: (pg) => pg.getByTestId("report-method") },
    { name: "reviews", url: `${w}/reviews`, ready: heading("Reviews") },
    { name: "trait library", url: `${w}/traits`, ready: heading("Trait library") },
    { name: "settings", url: `${w}/settings`, ready: heading("Members & settings") },
    { name: "inbox", url: `${w}/inbox`, ready: heading("Inbox") },
    { name: "panels", url: `${w}/panels`, ready: heading("Panels") },
    { name: "panel editor", url: panelUrl, ready: (pg) => pg.getByTestId("panel-title") },
  ]);

  const anon = await newPage();
  await checkEverywhere(anon, [{ name: "share page", url: shareUrl, ready: (pg) => pg.getByTestId("shared-persona-name") }]);

  // Landmarks and the skip link on a signed-in page.
  await visit(page, { name: "persona list", url: w, ready: heading("Personas") });
  await expect(page.getByRole("main")).toHaveCount(1);
  await expect(page.locator("main#main")).toHaveCount(1);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();

  // On the phone the navigation is behind a menu button; Escape closes it and gives focus back.
  await page.setViewportSize(PHONE);
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  const main = page.locator("main#main");
  expect((await main.boundingBox())!.width).toBe(PHONE.width);
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  const nav = page.locator(`#${await menu.getAttribute("aria-controls")}`);
  await expect(nav.getByRole("navigation", { name: "Main" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(menu).toBeFocused();

  // Following a link from the open menu closes it.
  await menu.click();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Trait library" }).click();
  await expect(page.getByRole("heading", { name: "Trait library", level: 1 })).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
});
