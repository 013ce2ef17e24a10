import type { Page } from "@playwright/test";
import { expect, newAccount, signUp, test } from "../fixtures";
import { EditorPage } from "../pages/editor-page";
import { PersonasPage } from "../pages/personas-page";

// The heart of the product: probe a persona and read where it actually lands.

type Counts = { scored: number; empty: number; refused: number; truncated: number; failed: number };
type RunJson = { status: string; report: { outcomes?: Record<string, Counts>; flags: { kind: string; title: string; traits: string[] }[] } };

/** The run behind the report page, through the same API the page reads. */
async function runJson(page: Page): Promise<RunJson> {
  const [, , workspaceId, , , , runId] = new URL(page.url()).pathname.split("/");
  const res = await page.request.get(`/api/workspaces/${workspaceId}/probe-runs/${runId}`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as RunJson;
}

async function createDana(page: Page, name: string) {
  await new PersonasPage(page).create(name, "");
  const editor = new EditorPage(page);
  await editor.addTrait("empathetic");
  await page.getByLabel("Empathetic target value").fill("95");
  await editor.addTrait("firm");
  await page.getByLabel("Firm / boundary-setting target value").fill("95");
  await editor.expectSaved();
  return editor;
}

async function startProbe(page: Page) {
  await page.getByRole("link", { name: "Probe" }).click();
  await page.getByRole("button", { name: "New probe" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  return dialog;
}

test("probe a compiled empathetic-but-firm persona: progress, report and what it is measured with", async ({ page }) => {
  test.setTimeout(150_000);
  await signUp(page, newAccount("prober"));
  await createDana(page, "Desk Dana");

  // Before it starts: the target would score its own answers, and the tension pair gets control arms.
  const dialog = await startProbe(page);
  await expect(dialog.getByTestId("self-judged-warning")).toContainText("Self-judged");
  const controls = dialog.getByTestId("control-arms-choice");
  await expect(controls).toContainText("Empathetic + Firm / boundary-setting");
  await expect(controls).toContainText("“Empathetic alone”");
  await expect(controls.getByRole("checkbox")).toBeChecked();
  // Sized before spending: the planner's expected calls with a range, for the default (capped) watch set.
  await expect(dialog.getByTestId("probe-estimate")).toContainText(/≈ [\d,]+ calls \([\d,]+–[\d,]+\)/, { timeout: 15_000 });
  await expect(dialog.getByTestId("probe-estimate")).toContainText("Expected for 8 watched traits and 2 control arms");
  await page.screenshot({ path: "test-results/screenshots/09-new-probe.png", fullPage: true });
  await dialog.getByRole("button", { name: "Start probe" }).click();
  await page.waitForURL(/\/probes\/[^/]+$/);

  await expect(page.getByRole("progressbar")).toBeVisible();
  await expect(page.getByText("Completed").first()).toBeVisible({ timeout: 90_000 });
  await expect(page.getByText("Simulator — not a language model").first()).toBeVisible();

  // The method the report was computed with, final once the run is done.
  await expect(page.getByTestId("report-method")).toContainText(/Method \S+ · computed/);
  // Answers that were not behaviour: the line says how many, exactly when there are any.
  const run = await runJson(page);
  expect(run.status).toBe("completed");
  // Self-ratings and pressure turns are counted apart (their own sections say what they lost).
  const lost = Object.entries(run.report.outcomes ?? {}).filter(([kind]) => kind !== "self-report" && kind !== "pressure")
    .reduce((n, [, c]) => n + c.empty + c.refused + c.truncated + c.failed, 0);
  if (lost > 0) await expect(page.getByTestId("outcome-rates")).toContainText("— not scored");
  else await expect(page.getByTestId("outcome-rates")).toHaveCount(0);
  // The simulator judged its own answers, and the report says so plainly.
  await expect(page.getByTestId("self-judged")).toContainText("Self-judged: the target model scored its own answers");
  // Together vs alone for the tension pair, each trait on the same items, with a verdict.
  const arms = page.getByTestId("control-arms");
  await expect(arms).toContainText("Empathetic + Firm / boundary-setting");
  await expect(arms).toContainText(/Compromise: each lands|No evidence of compromise|Not enough evidence either way/);
  await expect(arms.getByRole("row")).toHaveCount(3);
  // Each target judged against the instruction it compiled to; a flag on a targeted trait only where that says it is off.
  const scale = page.getByTestId("target-scale");
  for (const name of ["Empathetic", "Firm / boundary-setting"]) {
    const row = scale.getByRole("listitem").filter({ hasText: name });
    await expect(row).toContainText(/target 95 · asked: /);
    const verdict = await row.innerText();
    const offTarget = run.report.flags.some((f) => (f.kind === "miss" || f.kind === "overshoot") && f.title.includes(name));
    expect(offTarget, verdict).toBe(/\bmiss\b|overshoot|beyond what/.test(verdict));
  }

  await expect(page.getByLabel("Landing by trait")).toContainText("Empathetic");
  await expect(page.getByLabel("Tension heatmap")).toBeVisible();
  await expect(page.getByTestId("radar")).toBeVisible();
  await expect(page.getByTestId("pair-scatter")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/10-probe-report.png", fullPage: true });

  // Every flag is backed by the answers that show it, with their judge scores.
  const flags = page.getByRole("list", { name: "Flags" });
  const first = run.report.flags[0];
  if (first) {
    await flags.getByRole("button", { name: /Show the answers/ }).first().click();
    const answers = page.getByRole("dialog");
    await expect(answers).toContainText(first.title);
    await expect(answers.getByTestId("probe-answer").first()).toBeVisible();
  } else {
    await expect(page.getByTestId("no-flags")).toBeVisible();
  }
});

test("a hand-written 'kind but firm' prompt lands short of both targets: the pull-apart flag with its answers", async ({ page }) => {
  test.setTimeout(150_000);
  await signUp(page, newAccount("prober"));
  const editor = await createDana(page, "Hand Hana");
  await page.getByLabel("Use a hand-written prompt").check();
  await page.getByLabel("Hand-written system prompt").fill("You are kind but firm with the people you help.");
  await editor.expectSaved();

  const dialog = await startProbe(page);
  // A hand-written prompt cannot be compiled with one target alone: the dialog says no control arms will run.
  await expect(dialog.getByTestId("control-arms-choice")).toContainText("No control arms for Empathetic + Firm / boundary-setting");
  await expect(dialog.getByTestId("control-arms-choice").getByRole("checkbox")).toHaveCount(0);
  await dialog.getByRole("button", { name: "Start probe" }).click();
  await page.waitForURL(/\/probes\/[^/]+$/);
  await expect(page.getByText("Completed").first()).toBeVisible({ timeout: 90_000 });

  const flags = page.getByRole("list", { name: "Flags" });
  const flag = flags.getByTestId("flag").filter({ hasText: "Empathetic and Firm / boundary-setting pull apart" });
  await expect(flag).toContainText("Pulls apart");
  await expect(flag).toContainText("Both are targeted high and both fall short");
  await expect(flag.getByTestId("flag-evidence")).toBeVisible();
  await expect(page.getByTestId("control-arms")).toHaveCount(0);
  await page.screenshot({ path: "test-results/screenshots/12-pull-apart.png", fullPage: true });

  // The flag is backed by the answers that show it, scored on both traits.
  await flag.getByRole("button", { name: /Show the answers/ }).click();
  const answers = page.getByRole("dialog");
  await expect(answers).toContainText("pull apart");
  await expect(answers.getByTestId("probe-answer").first()).toBeVisible();
  await expect(answers).toContainText(/Empathetic/);
  await expect(answers).toContainText(/Firm/);
  await page.screenshot({ path: "test-results/screenshots/11-flag-evidence.png" });
});
