import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, newAccount, signUp, test } from "../fixtures";

const SIM_URL = `http://127.0.0.1:${process.env.SIM_PORT ?? 4011}/v1`;
const SIM_KEY = "e2e-sim-key-0123456789";
// The e2e server's data directory (scripts/serve-e2e.mjs; Playwright runs from the repository root).
const E2E_PORT = process.env.E2E_PORT ?? "3100";
const KEY_FILE = path.join(process.cwd(), "tests/.tmp", E2E_PORT === "3100" ? "e2e" : `e2e-${E2E_PORT}`, "data/encryption-key");

// The studio's encryption key changed under a stored provider key (e.g. the data
// directory was not restored with the database): the settings page says which key
// to re-enter and offers the way to do it; re-entering it makes the provider work.
test("a stored key that can no longer be read says 're-enter this key', and re-entering it fixes the provider", async ({ page }) => {
  const workspaceId = await signUp(page, newAccount("keys"));
  await page.goto(`/w/${workspaceId}/settings`);
  const created = await page.evaluate(async ({ workspaceId, url, key }) => {
    const res = await fetch(`/api/workspaces/${workspaceId}/providers`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Sim with key", baseUrl: url, apiKey: key, defaultModel: "persona-sim-1" }),
    });
    return res.status;
  }, { workspaceId, url: SIM_URL, key: SIM_KEY });
  expect(created).toBe(201);

  const original = readFileSync(KEY_FILE, "utf8");
  try {
    writeFileSync(KEY_FILE, "a-different-secret-than-the-one-that-sealed-the-key");
    await page.reload();
    const row = page.getByTestId("provider-row").filter({ hasText: "Sim with key" });
    await expect(row.getByText("Key unreadable")).toBeVisible();
    await expect(row.getByTestId("key-unreadable")).toContainText("Re-enter this key");
    await page.screenshot({ path: "test-results/screenshots/unreadable-key.png", fullPage: true });

    await row.getByRole("button", { name: "Re-enter the key of Sim with key" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByTestId("key-unreadable-hint")).toContainText("can no longer be read");
    await dialog.getByLabel("API key").fill(SIM_KEY);
    await dialog.getByRole("button", { name: "Test connection" }).click();
    await expect(dialog.getByText(/Connected/)).toBeVisible();
    await dialog.getByRole("button", { name: "Save changes" }).click();
    await expect(dialog).toBeHidden();
    await expect(row.getByText("Key unreadable")).toHaveCount(0);
    await expect(row.getByRole("button", { name: "Re-enter the key of Sim with key" })).toHaveCount(0);
  } finally {
    writeFileSync(KEY_FILE, original);
  }
});
