import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, newAccount, signUp, test } from "../fixtures";
import { EditorPage } from "../pages/editor-page";
import { PersonasPage } from "../pages/personas-page";

// Issue 16 item 9, "Ship it": an editor moves production to a version, an owner
// makes an API token in the UI, and an application (a plain HTTP client without
// the studio's cookies) fetches the label's compiled prompt with it; moving the
// label again changes the answer and its ETag.

const SHOTS = process.env.LABEL_SHOTS_DIR ?? "test-results/screenshots/labels";

async function shotAt(page: Page, name: string, widths = [1440, 390]): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of widths) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function moveLabel(page: Page, name: string, version: number): Promise<void> {
  const labels = page.getByRole("region", { name: "Labels" });
  await labels.getByLabel("Label", { exact: true }).fill(name);
  await labels.getByLabel("Version", { exact: true }).selectOption(`v${version}`);
  await labels.getByRole("button", { name: new RegExp(`^Move ${name} (from v\\d+ )?to v${version}$`) }).click();
  await expect(labels.getByRole("list", { name: "Current labels" })).toContainText(`${name} v${version}`);
}

test("a label moved to production and fetched with an API token", async ({ page, request }) => {
  test.setTimeout(180_000);
  const workspaceId = await signUp(page, newAccount("shipper"));
  const personaId = await new PersonasPage(page).create("Refund desk Rosa", "a refunds desk lead who is kind and firm");
  const editor = new EditorPage(page);
  await editor.field("Background").fill("Ten years on the refunds desk of a department store.");
  await editor.expectSaved();
  await editor.saveVersion("First cut", 1);

  // The versions area: move production to v1.
  await page.getByRole("link", { name: /^Versions/ }).click();
  await expect(page.getByRole("heading", { name: "Versions", level: 1 })).toBeVisible();
  await moveLabel(page, "production", 1);
  const history = page.getByRole("list", { name: "Version history" });
  await expect(history.getByRole("listitem").filter({ hasText: "First cut" })).toContainText("production");

  // The "Use in your app" card names the real endpoint; the token comes from the environment.
  const useInApp = page.getByTestId("use-in-app");
  await expect(useInApp.getByRole("link", { name: "create one in Members & settings" })).toHaveAttribute("href", `/w/${workspaceId}/settings#api-tokens`);
  const url = (await useInApp.getByTestId("label-url").innerText()).replace(/^GET /, "");
  expect(url).toMatch(new RegExp(`/api/workspaces/${workspaceId}/personas/refund-desk-rosa[^/]*/labels/production$`));
  await useInApp.getByRole("tab", { name: "OpenAI SDK" }).click();
  await expect(useInApp.getByRole("tabpanel")).toContainText(`{ role: "system", content: prompt }`);
  await expect(useInApp.getByRole("tabpanel")).toContainText(url);

  // An owner creates a viewer token in the UI (shown once).
  await useInApp.getByRole("link", { name: "create one in Members & settings" }).click();
  await page.getByRole("button", { name: "New token" }).click();
  const form = page.getByRole("form", { name: "New API token" });
  await form.getByLabel("Name").fill("Refund app");
  await form.getByLabel("Role").selectOption("viewer");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByTestId("api-token-value").inputValue();
  expect(token).toMatch(/^ps_/);

  // The application: no cookies, only the token.
  const auth = { authorization: `Bearer ${token}` };
  const first = await request.get(url, { headers: auth });
  expect(first.status()).toBe(200);
  const v1 = await first.json();
  expect(v1).toMatchObject({ label: "production", version: 1, persona: { id: personaId, name: "Refund desk Rosa" } });
  expect(v1.compiledPrompt).toContain("Ten years on the refunds desk of a department store.");
  const etag1 = first.headers()["etag"];
  expect(etag1).toMatch(/^"[^"]+"$/);
  expect(first.headers()["cache-control"]).toBe("private, max-age=60");
  expect((await request.get(url, { headers: { ...auth, "if-none-match": etag1 } })).status()).toBe(304);
  expect((await request.get(url)).status()).toBe(401);

  // A second version, and production moves to it.
  await page.goto(`/w/${workspaceId}/personas/${personaId}`);
  await editor.field("Background").fill("Fifteen years on the refunds desk; she trains the new staff.");
  await editor.expectSaved();
  await editor.saveVersion("More seniority", 2);
  await page.getByRole("link", { name: /^Versions/ }).click();
  await moveLabel(page, "staging", 2);
  await moveLabel(page, "production", 2);
  await expect(page.getByRole("region", { name: "Labels" }).getByRole("list", { name: "Current labels" })).toContainText("staging v2");
  await shotAt(page, "versions-labels");

  const moved = await request.get(url, { headers: { ...auth, "if-none-match": etag1 } });
  expect(moved.status()).toBe(200);
  const v2 = await moved.json();
  expect(v2).toMatchObject({ label: "production", version: 2 });
  expect(v2.compiledPrompt).toContain("Fifteen years on the refunds desk");
  expect(moved.headers()["etag"]).not.toBe(etag1);

  // The move is in the activity trail, and the label shows in the editor header and the list.
  await page.goto(`/w/${workspaceId}/personas/${personaId}`);
  await expect(page.getByTestId("label-badges").first()).toContainText("production v2");
  await page.goto(`/w/${workspaceId}`);
  const row = page.getByRole("list", { name: "Personas" }).getByRole("link", { name: /Refund desk Rosa/ });
  await expect(row).toContainText("production v2");
  await expect(row).toContainText("staging v2");
  await shotAt(page, "persona-list-labels");
  const activity = await page.request.get(`/api/workspaces/${workspaceId}/personas/${personaId}/activity`);
  const summaries = ((await activity.json()) as { summary: string }[]).map((a) => a.summary);
  expect(summaries).toContain("moved production from v1 to v2");
  expect(summaries).toContain("moved production to v1");
});
