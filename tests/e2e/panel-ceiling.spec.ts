import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, newAccount, signUp, test } from "../fixtures";
import { expectAccessibleAtBothWidths } from "../pages/axe";

// Issue 13's "Done means", in a browser: import four council member files and a
// seat plan, see the polarity pairs, run the ceiling experiment (one model vs
// routed across persona-sim-2 and persona-sim-3), see a costume-change flag on
// the two members whose prompts differ only in name and wording (Socrates and
// Xenophon), read the diversity gain with its interval, comment on a member's
// recorded answer, share the panel report, and export the files back.

const dir = path.join(__dirname, "fixtures/council-costume");
const files = ["council-socrates.md", "council-xenophon.md", "council-feynman.md", "council-sun-tzu.md", "seat-plan.yaml"];
const interval = /[+−-]?\d+\.\d+ \[[+−-]?\d+\.\d+, [+−-]?\d+\.\d+\]/;

test("a council's ceiling experiment: costume change, diversity gain, a comment on an answer, a shared report", async ({ page, newPage }) => {
  test.setTimeout(300_000);
  const workspaceId = await signUp(page, newAccount("ceiling"));
  await page.goto(`/w/${workspaceId}/panels`);
  await page.getByRole("button", { name: "Import council files…" }).first().click();
  const importDialog = page.getByRole("dialog");
  await importDialog.getByLabel("Files").setInputFiles(files.map((f) => path.join(dir, f)));
  await importDialog.getByRole("button", { name: "Import 4 members" }).click();
  await importDialog.getByRole("button", { name: "Open the panel" }).click();
  await page.waitForURL(/\/panels\/[^/]+$/);
  const panelId = new URL(page.url()).pathname.split("/").pop()!;

  // The polarity pairs the files declare, and both plans: the seat plan routed, everyone on one model beside it.
  const pairs = page.locator("#pairs");
  await expect(pairs).toContainText("Socrates");
  await expect(pairs).toContainText("Feynman");
  const seats = page.getByRole("table", { name: "Seat plans side by side" });
  await expect(seats).toContainText("persona-sim-3");

  // The ceiling experiment, in one action.
  await page.getByTestId("probe-panel").click();
  const probe = page.getByRole("dialog", { name: "Probe the panel" });
  await probe.getByText("Ceiling experiment: one model vs routed").click();
  await probe.getByLabel("Items per trait").fill("16");
  await expect(probe.getByText(/calls/).first()).toBeVisible();
  await probe.getByRole("button", { name: "Start probe" }).click();
  await page.waitForURL(/\/panels\/[^/]+\/runs\/[^/]+$/);
  const runUrl = page.url();

  // The finished report: the costume change on one model, the gain with its interval.
  const flags = page.getByTestId("panel-flags");
  await expect(flags).toContainText(/costume change/i, { timeout: 240_000 });
  await expect(flags).toContainText("Socrates");
  await expect(flags).toContainText("Xenophon");
  await expect(page.getByTestId("gain-line")).toContainText(interval);
  await expect(page.getByTestId("gain-table")).toBeVisible();
  await expect(page.getByTestId("panel-map").first()).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/42-panel-ceiling-report.png", fullPage: true });
  await expectAccessibleAtBothWidths(page, "panel probe report");

  // A recorded preview, and a comment on Xenophon's answer.
  await page.goto(`/w/${workspaceId}/panels/${panelId}`);
  await page.getByLabel("Question for every member").fill("Should a city cap rents to keep housing affordable?");
  await page.getByLabel(/Record this preview/).check();
  await page.getByRole("button", { name: "Ask the panel" }).click();
  await expect(page.locator("[data-testid='panel-answer'][data-status='done']")).toHaveCount(4, { timeout: 60_000 });
  const recorded = page.getByTestId("panel-sessions");
  await expect(recorded).toBeVisible({ timeout: 15_000 });
  await recorded.getByRole("button", { name: /cap rents/ }).first().click();
  const answer = page.locator("[data-testid='panel-session-answer'][data-member='xenophon']");
  await answer.getByRole("textbox", { name: "Comment" }).fill("Reads like Socrates with the names swapped — the probe agrees.");
  await answer.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(answer).toContainText("Reads like Socrates with the names swapped");

  // Share the panel report, comments included, and open it signed out.
  await page.getByTestId("share-panel").click();
  const share = page.getByRole("dialog", { name: "Share the panel" });
  await share.getByLabel("Label").fill("Council review");
  await share.getByLabel("Include the latest recorded preview and its comments").check();
  await share.getByRole("button", { name: "Create link" }).click();
  const url = await share.getByTestId("share-url").inputValue();
  const visitor = await newPage();
  await visitor.goto(url);
  await expect(visitor.getByTestId("panel-flags")).toContainText(/costume change/i);
  await expect(visitor.getByTestId("gain-line")).toContainText(interval);
  await expect(visitor.getByText("Reads like Socrates with the names swapped")).toBeVisible();
  await expect(visitor.locator("body")).not.toContainText("simulator-key");
  await visitor.screenshot({ path: "test-results/screenshots/43-panel-share.png", fullPage: true });
  await expectAccessibleAtBothWidths(visitor, "shared panel report");

  // Export: the unedited members come back byte for byte.
  const exported = await (await page.request.get(`/api/workspaces/${workspaceId}/panels/${panelId}/export-council`)).json() as { files: { fileName: string; text: string }[] };
  for (const f of files.filter((x) => x.endsWith(".md"))) {
    expect(exported.files.find((x) => x.fileName === f)?.text).toBe(readFileSync(path.join(dir, f), "utf8"));
  }
  expect(runUrl).toContain(`/panels/${panelId}/runs/`);
});
