import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, newAccount, signUp, test } from "../fixtures";
import { EditorPage } from "../pages/editor-page";
import { PersonasPage } from "../pages/personas-page";

// Issue 16 §2 and §6: a suggestion never silently overwrites what the designer wrote —
// Undo beside the field, or Ctrl+Z in it, brings the hand-written archetype back, and
// that is what is saved. The character's own name is a field of its own; the preview
// model survives a reload.

const HAND_WRITTEN = "a bike-shop owner who has heard every excuse and still smiles";
const SHOTS = process.env.H2_SHOTS_DIR;
const SIM_URL = `http://127.0.0.1:${process.env.SIM_PORT ?? 4011}/v1`;
const SIM_KEY = "e2e-sim-key-0123456789";

/** Waits until the autosave has sent a draft whose archetype is `text`. */
const savedArchetype = (page: Page, text: string) =>
  page.waitForResponse((r) => r.request().method() === "PATCH" && /\/personas\/[^/]+$/.test(new URL(r.url()).pathname)
    && (r.request().postData() ?? "").includes(JSON.stringify(text)) && r.ok());

// Sign-up, a persona and its autosaves take a while on a shared two-core CI machine.
test.describe.configure({ timeout: 150_000 });

async function personaWithTension(page: Page) {
  await signUp(page, newAccount("undo"));
  await new PersonasPage(page).create("Refund desk — kind but firm", "a bike-shop owner");
  const editor = new EditorPage(page);
  await editor.expectSaved();
  const saved = savedArchetype(page, HAND_WRITTEN);
  await editor.field("Archetype").fill(HAND_WRITTEN);
  await saved;
  await editor.addTrait("empathetic");
  await page.getByLabel("Empathetic target value").fill("95");
  await editor.addTrait("firm");
  await page.getByLabel("Firm / boundary-setting target value").fill("95");
  await editor.expectSaved();
  return editor;
}

test("Undo beside the field brings the hand-written archetype back, and it is saved", async ({ page }) => {
  const editor = await personaWithTension(page);
  const coherence = page.getByRole("region", { name: "Coherence check" });
  const suggestion = coherence.getByRole("button", { name: "ER triage nurse" }).first();

  const replacedSaved = savedArchetype(page, "an ER triage nurse who is kind to frightened people yet will not bend on who is seen first");
  await suggestion.click();
  await expect(editor.field("Archetype")).toHaveValue(/^an ER triage nurse who is kind/);
  const notice = page.getByTestId("undo-notice");
  await expect(notice).toHaveAttribute("role", "status");
  await expect(notice).toContainText("Replaced your archetype with the ER triage nurse suggestion.");
  await replacedSaved;
  if (SHOTS) await shootBoth(page, "undo-notice");

  const restored = savedArchetype(page, HAND_WRITTEN);
  await notice.getByRole("button", { name: "Undo" }).click();
  await expect(editor.field("Archetype")).toHaveValue(HAND_WRITTEN);
  await expect(notice).toHaveCount(0);
  await restored;
  await editor.expectSaved();

  await page.reload();
  // The editor loads its draft after the page: on a busy machine that can take a while.
  await expect(editor.field("Archetype")).toHaveValue(HAND_WRITTEN, { timeout: 30_000 });
});

test("Ctrl+Z in the field undoes a suggestion like any edit, and the hand-written text is saved", async ({ page }) => {
  const editor = await personaWithTension(page);
  const coherence = page.getByRole("region", { name: "Coherence check" });
  // The suggestion is saved first, so undoing it must save the hand-written text again
  // (undone before the autosave's pause, nothing would need saving).
  const replacedSaved = savedArchetype(page, "an ER triage nurse who is kind to frightened people yet will not bend on who is seen first");
  await coherence.getByRole("button", { name: "ER triage nurse" }).first().click();
  const archetype = editor.field("Archetype");
  await expect(archetype).toHaveValue(/^an ER triage nurse who/);
  await replacedSaved;
  // The replacement went through the field, so the field has focus and the browser's undo has it.
  await expect(archetype).toBeFocused();

  const restored = savedArchetype(page, HAND_WRITTEN);
  await archetype.press("Control+z");
  await expect(archetype).toHaveValue(HAND_WRITTEN);
  await expect(page.getByTestId("undo-notice")).toHaveCount(0);
  await restored;
  await editor.expectSaved();

  await page.reload();
  // The editor loads its draft after the page: on a busy machine that can take a while.
  await expect(editor.field("Archetype")).toHaveValue(HAND_WRITTEN, { timeout: 30_000 });
});

test("the character's own name opens the prompt; the persona's label never does", async ({ page }) => {
  await signUp(page, newAccount("named"));
  await new PersonasPage(page).create("Support agent — empathetic but firm about refund policy", "a patient support agent at a bike shop");
  const editor = new EditorPage(page);
  await editor.showPrompt();
  await expect(editor.prompt).toContainText("You are a patient support agent at a bike shop.");
  await expect(editor.prompt).not.toContainText("Support agent —");

  await editor.field("Character name").fill("Maya");
  await expect(editor.prompt).toContainText("You are Maya: a patient support agent at a bike shop.");
  await editor.expectSaved();
  if (SHOTS) await shootBoth(page, "character-name");
  await page.reload();
  await expect(editor.field("Character name")).toHaveValue("Maya", { timeout: 30_000 });
});

test("the preview model chosen for a persona is still chosen after a reload", async ({ page }) => {
  const workspaceId = await signUp(page, newAccount("model"));
  const added = await page.request.post(`/api/workspaces/${workspaceId}/providers`, {
    data: { name: "Sim over HTTP", preset: "custom", baseUrl: SIM_URL, apiKey: SIM_KEY, defaultModel: "persona-sim-1" },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(added.ok()).toBe(true);
  await page.reload();
  await new PersonasPage(page).create("Rosa", "a veteran ER triage nurse");
  const editor = new EditorPage(page);
  await editor.showPreview();
  const provider = page.getByLabel("Model provider");
  await expect(provider).toHaveValue("simulator");
  await provider.selectOption({ label: "Sim over HTTP" });
  await page.getByLabel("Model model").fill("persona-sim-1");
  await expect(editor.answers().first()).toHaveAttribute("data-status", "done");

  await page.reload();
  await expect(page.getByRole("tab", { name: "Live preview" })).toBeVisible({ timeout: 30_000 });
  await editor.showPreview();
  await expect(page.getByLabel("Model provider").locator("option:checked")).toHaveText("Sim over HTTP");
});

async function shootBoth(page: Page, name: string) {
  mkdirSync(SHOTS!, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}-1440.png` });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  // scrollIntoView without Playwright's wait for a stable box: the preview panel keeps streaming beside it.
  await page.getByLabel("Archetype", { exact: true }).evaluate((el) => el.scrollIntoView({ block: "center" }));
  await page.screenshot({ path: `${SHOTS}/${name}-390.png` });
  if (size) await page.setViewportSize(size);
}
