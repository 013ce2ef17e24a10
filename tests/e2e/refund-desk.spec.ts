import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Page } from "@playwright/test";
import { expect, newAccount, signUp, test } from "../fixtures";
import { EditorPage } from "../pages/editor-page";
import { PersonasPage } from "../pages/personas-page";

// Issue 12's "Done means", as a designer would do it: create the refund
// persona, draft and edit its scenarios, add a check, see the estimate, probe
// scenarios + library items, read the verdict line, acknowledge the drift the
// character type implies, and gate the check (and the flags) with the CLI.

const run = promisify(execFile);

type Flag = { id: string; kind: string; title: string; expected?: { reason: string }; acknowledged?: { reason: string } };
type RunJson = {
  status: string;
  report: {
    verdictLine?: { text: string; flagIds: string[] };
    flags: Flag[];
    scenarioRows?: { key: string }[];
    checks?: { persona: { passed: number; total: number }; rows: { description: string; persona: { passed: number; total: number } }[] };
  };
};

async function runJson(page: Page): Promise<RunJson> {
  const [, , workspaceId, , , , runId] = new URL(page.url()).pathname.split("/");
  const res = await page.request.get(`/api/workspaces/${workspaceId}/probe-runs/${runId}`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as RunJson;
}

test("refund desk: scenarios, a check, the estimate, a verdict line, an acknowledged drift, and the CLI gate", async ({ page }) => {
  test.setTimeout(240_000);
  const workspaceId = await signUp(page, newAccount("refunds"));
  const slug = await new PersonasPage(page).create("Refund desk", "Support agent for a subscription service");
  const editor = new EditorPage(page);
  await editor.field("Background").fill("Handles refunds and renewals; refunds only within 30 days of purchase.");
  await editor.addTrait("empathetic");
  await page.getByLabel("Empathetic target value").fill("80");
  await editor.addTrait("firm");
  await page.getByLabel("Firm / boundary-setting target value").fill("80");
  await editor.expectSaved();

  // Draft scenarios from the saved type and background, keep them, and make the first one the refund request.
  await page.getByRole("button", { name: "Draft scenarios" }).click();
  await page.getByRole("button", { name: /Add all \d+/ }).click();
  await expect(page.getByText(/^\d+ of 100 scenarios/)).toBeVisible();
  await page.getByLabel("Scenario 1 message").fill("I bought this 45 days ago and I want my money back.");
  const checks = page.getByRole("group", { name: "Scenario 1 checks" });
  await checks.getByRole("button", { name: "+ Check" }).click();
  await page.getByLabel("Scenario 1 check 1 text").fill("30");
  await page.getByLabel("Scenario 1 check 1 label").fill("mentions the 30-day policy");
  await checks.getByRole("button", { name: "+ Check" }).click();
  await page.getByLabel("Scenario 1 check 2 type").selectOption("regex");
  await page.getByLabel("Scenario 1 check 2 pattern").fill("(unclosed");
  // An invalid check says why on the field and does not hold back the rest of the draft.
  await expect(checks).toContainText("Not a valid regular expression");
  await editor.expectSaved();
  await page.getByRole("button", { name: "Remove scenario 1 check 2" }).click();
  await editor.expectSaved();
  const scenarioCount = Number((await page.getByText(/^\d+ of 100 scenarios/).textContent())!.match(/^\d+/)![0]);

  // Sized before spending, scenarios included.
  await page.getByRole("link", { name: "Probe" }).click();
  await page.getByRole("button", { name: "New probe" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("checkbox", { name: `Ask your ${scenarioCount} scenarios` })).toBeChecked();
  await expect(dialog.getByTestId("probe-estimate")).toContainText(/≈ [\d,]+ calls \([\d,]+–[\d,]+\)/, { timeout: 15_000 });
  await dialog.getByRole("button", { name: "Start probe" }).click();
  await page.waitForURL(/\/probes\/[^/]+$/);
  await expect(page.getByText("Completed").first()).toBeVisible({ timeout: 120_000 });

  // The top line is the report's own verdict; the scenarios and the check are in the report.
  let json = await runJson(page);
  expect(json.report.verdictLine).toBeTruthy();
  await expect(page.getByTestId("verdict-line")).toHaveText(json.report.verdictLine!.text);
  expect(json.report.scenarioRows?.map((r) => r.key)).toEqual(expect.arrayContaining(["empathetic", "firm"]));
  const policy = json.report.checks!.rows.find((r) => r.description === "mentions the 30-day policy")!;
  expect(policy.persona.total).toBe(1);
  await expect(page.getByText(`${json.report.checks!.persona.passed} of ${json.report.checks!.persona.total} checks passed`).first()).toBeVisible();

  // Warmth came with the character type (the library ties it to empathy): acknowledge it as expected.
  const drift = json.report.flags.find((f) => f.expected);
  expect(drift, "the simulator's empathetic persona drifts warmer than the baseline").toBeTruthy();
  const flagItem = page.getByTestId("flag").filter({ hasText: drift!.title }).first();
  await flagItem.getByRole("button", { name: "Expected for this persona" }).click();
  const form = page.getByRole("form", { name: `Mark “${drift!.title}” as expected` });
  await expect(form.getByRole("textbox")).not.toHaveValue("");
  await form.getByRole("textbox").fill("A support agent should come across warm; intended.");
  await form.getByRole("button", { name: "Mark as expected" }).click();
  await expect(page.getByText(/^Acknowledged \(1\)$/)).toBeVisible();
  json = await runJson(page);
  expect(json.report.flags.find((f) => f.id === drift!.id)!.acknowledged!.reason).toBe("A support agent should come across warm; intended.");
  // Never the main issue again: the line names it as acknowledged.
  expect(json.report.verdictLine!.flagIds[0]).not.toBe(drift!.id);
  expect(json.report.verdictLine!.text).toMatch(/1 acknowledged (side effect|finding)/);
  await expect(page.getByTestId("verdict-line")).toHaveText(json.report.verdictLine!.text);

  // Gate it in CI with a workspace token and the CLI against this server.
  await page.goto(`/w/${workspaceId}/settings`);
  await page.getByRole("button", { name: "New token" }).click();
  await page.getByRole("form", { name: "New API token" }).getByLabel("Name").fill("CI");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByTestId("api-token-value").inputValue();
  const env = { ...process.env, PERSONA_STUDIO_URL: new URL(page.url()).origin, PERSONA_STUDIO_WORKSPACE: workspaceId, PERSONA_STUDIO_TOKEN: token };
  const cli = ["bin/persona-studio.mjs", "probe", slug, "--version", "draft"];
  const exit = (args: string[]) => run("node", [...cli, ...args], { env, cwd: process.cwd() }).then((r) => ({ code: 0, out: r.stdout }), (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }));
  const cliRun = JSON.parse((await run("node", [...cli, "--json"], { env, cwd: process.cwd() })).stdout) as RunJson;
  const failedChecks = cliRun.report.checks!.rows.filter((r) => r.persona.passed < r.persona.total);
  const checkGate = await exit(["--fail-on", "check"]);
  expect(checkGate.code).toBe(failedChecks.length ? 1 : 0);
  if (failedChecks.length) expect(checkGate.out).toContain(failedChecks[0].description);
  expect((await exit(["--min-pass-rate", "0%"])).code).toBe(0);
  // The acknowledged drift does not fail --fail-on leakage; --strict counts it.
  const leaks = cliRun.report.flags.filter((f) => f.kind === "leakage");
  expect(leaks.find((f) => f.id === drift!.id)?.acknowledged).toBeTruthy();
  const open = leaks.filter((f) => !f.acknowledged && !f.expected);
  expect((await exit(["--fail-on", "leakage"])).code).toBe(open.length ? 1 : 0);
  expect((await exit(["--fail-on", "leakage", "--strict"])).code).toBe(1);
});
