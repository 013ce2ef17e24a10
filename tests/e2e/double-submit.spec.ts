import type { Page } from "@playwright/test";
import { expect, newAccount, signUp, test } from "../fixtures";
import { EditorPage } from "../pages/editor-page";

// A double click creates one thing: the form does not send the same request
// twice while it is in flight, and the server replays the first answer for a
// repeated Idempotency-Key (measured before: two personas, two paid runs).

async function apiGet<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  expect(res.ok(), `${path} → ${res.status()}`).toBe(true);
  return (await res.json()) as T;
}

test("double-clicking Create persona and Start probe creates one persona and one run", async ({ page }) => {
  test.setTimeout(120_000);
  const workspaceId = await signUp(page, newAccount("doubler"));

  await page.getByRole("button", { name: "+ New persona" }).first().click();
  await page.getByLabel("Name").fill("Double Dora");
  await page.getByRole("button", { name: "Create persona" }).dblclick();
  await page.waitForURL(/\/personas\/[^/]+$/);
  const personaId = new URL(page.url()).pathname.split("/").pop()!;
  const { personas } = await apiGet<{ personas: { name: string }[] }>(page, `/api/workspaces/${workspaceId}/personas?status=all&sort=updated`);
  expect(personas.filter((p) => p.name === "Double Dora")).toHaveLength(1);

  const editor = new EditorPage(page);
  await editor.addTrait("empathetic");
  await editor.expectSaved();
  await page.getByRole("link", { name: "Probe" }).click();
  await page.getByRole("button", { name: "New probe" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.getByRole("button", { name: "Start probe" }).dblclick();
  await page.waitForURL(/\/probes\/[^/]+$/);
  const runs = await apiGet<{ id: string }[]>(page, `/api/workspaces/${workspaceId}/personas/${personaId}/probe-runs`);
  expect(runs).toHaveLength(1);
  expect(page.url()).toContain(runs[0].id);
});
