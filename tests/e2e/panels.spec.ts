import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, newAccount, signUp, test } from "../fixtures";

// Issue 13 as far as it is built: import four council member files and a seat
// plan, see the members, their seats and polarity pairs, spread the seats
// (single vs routed side by side), ask the whole panel one question with a
// cross-examination round, and export the files back unchanged.

const dir = path.join(__dirname, "fixtures/council");
const files = ["council-socrates.md", "council-feynman.md", "council-sun-tzu.md", "council-aurelius.md", "seat-plan.yaml"];

test("import a council, see its seats and pairs, spread seats, ask the panel, export the files back", async ({ page }) => {
  test.setTimeout(180_000);
  const workspaceId = await signUp(page, newAccount("council"));
  await page.goto(`/w/${workspaceId}/panels`);
  await page.getByRole("button", { name: "Import council files…" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Files").setInputFiles(files.map((f) => path.join(dir, f)));
  await expect(dialog.getByRole("list", { name: "Picked files" })).toContainText("seat-plan.yaml");
  await dialog.getByRole("button", { name: "Import 4 members" }).click();
  await dialog.getByRole("button", { name: "Open the panel" }).click();
  await page.waitForURL(/\/panels\/[^/]+$/);
  const panelId = new URL(page.url()).pathname.split("/").pop()!;

  // The API the page reads: four members on the seat plan's seats, the files' polarity pairs.
  const detail = await (await page.request.get(`/api/workspaces/${workspaceId}/panels/${panelId}`)).json() as {
    members: { key: string; name: string; seatLabel: string }[]; spec: { activePlan: string; polarityPairs: { a: string; b: string }[] };
  };
  expect(detail.members.map((m) => m.key).sort()).toEqual(["aurelius", "feynman", "socrates", "sun-tzu"]);
  expect(detail.spec.activePlan).toBe("routed");
  expect(detail.members.find((m) => m.key === "socrates")!.seatLabel).toContain("persona-sim-2");
  expect(detail.spec.polarityPairs.map((p) => [p.a, p.b].sort().join("+")).sort()).toEqual(["aurelius+sun-tzu", "feynman+socrates"]);
  for (const m of detail.members) await expect(page.getByText(m.name).first()).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/40-panel.png", fullPage: true });

  // Spread seats: the single-model plan and the routed plan side by side, each routed seat with its reason.
  await page.getByRole("button", { name: "Spread seats" }).click();
  const plans = page.getByRole("table", { name: "Seat plans side by side" });
  await expect(plans).toBeVisible({ timeout: 15_000 });
  await expect(plans).toContainText("polarity partner");

  // One question to the whole panel, with cross-examination: every member answers on its own seat, twice.
  await page.getByLabel("Question for every member").fill("Should a city cap rents to keep housing affordable?");
  await page.getByLabel(/Cross-examine/).check();
  await page.getByRole("button", { name: "Ask the panel" }).click();
  const cards = page.getByTestId("panel-member-card");
  await expect(cards).toHaveCount(4);
  await expect(page.locator("[data-testid='panel-answer'][data-status='done']")).toHaveCount(8, { timeout: 60_000 });
  await page.screenshot({ path: "test-results/screenshots/41-panel-preview.png", fullPage: true });

  // Export: unedited members come back byte for byte.
  const exported = await (await page.request.get(`/api/workspaces/${workspaceId}/panels/${panelId}/export-council`)).json() as { files: { fileName: string; text: string }[] };
  for (const f of files.filter((x) => x.endsWith(".md"))) {
    expect(exported.files.find((x) => x.fileName === f)?.text).toBe(readFileSync(path.join(dir, f), "utf8"));
  }
});
