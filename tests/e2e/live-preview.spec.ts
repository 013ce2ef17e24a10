import { expect, newAccount, signUp, test } from "../fixtures";
import { EditorPage } from "../pages/editor-page";
import { PersonasPage } from "../pages/personas-page";

const SIM_URL = `http://127.0.0.1:${process.env.SIM_PORT ?? 4011}/v1`;
const SIM_KEY = "e2e-sim-key-0123456789";

// A new designer with no model configured sees live, labelled simulator answers.
test("answers stream as you type, stale answers are replaced, simulator is labelled", async ({ page }) => {
  await signUp(page, newAccount("preview"));
  await new PersonasPage(page).create("Rosa", "a veteran ER triage nurse");
  const editor = new EditorPage(page);
  await editor.showPreview();

  const answers = editor.answers();
  await expect(answers).toHaveCount(3);
  for (const a of await answers.all()) await expect(a).toHaveAttribute("data-status", "done");
  await expect(answers.first()).toContainText("Simulator — not a language model");
  await expect(page.getByTestId("answer-stats").first()).toContainText(/\d+ tokens · ?first token \d+ ms|\d+ tokens/);
  const before = await answers.first().innerText();
  await page.screenshot({ path: "test-results/screenshots/07-live-preview.png" });

  // Change what the persona is: every answer goes stale at once, then new ones stream in.
  await editor.field("Archetype").fill("a blunt drill sergeant who has no time for excuses");
  await expect(answers.first()).toHaveAttribute("data-status", /stale|waiting|streaming/);
  for (const a of await answers.all()) await expect(a).toHaveAttribute("data-status", "done");
  const after = await answers.first().innerText();
  expect(after).not.toEqual(before);

  // The preview messages are part of the persona: add one, it gets its own answer.
  await page.getByRole("button", { name: /Edit preview messages/ }).click();
  await page.getByLabel("New preview message").fill("Give me one honest piece of feedback on my essay.");
  await page.getByLabel("New preview message").press("Enter");
  await expect(answers).toHaveCount(4);
  await expect(answers.nth(3)).toHaveAttribute("data-status", "done");
});

// A designer with an OpenAI-compatible endpoint (here: the simulator's HTTP server
// through the real openai SDK provider) connects it, tests it, and compares models.
test("connect an OpenAI-compatible provider, key stays secret, compare two models, see errors inline", async ({ page }) => {
  const workspaceId = await signUp(page, newAccount("provider"));
  await page.goto(`/w/${workspaceId}/settings`);
  await expect(page.getByText("Simulator — not a language model").first()).toBeVisible();

  await page.getByRole("button", { name: "Add provider" }).click();
  await page.getByLabel("Preset").selectOption("custom");
  await page.getByLabel("Provider name").fill("Sim over HTTP");
  await page.getByLabel("Base URL").fill(SIM_URL);
  await page.getByLabel("API key").fill("wrong-key-0000000000");
  await page.getByLabel("Model", { exact: true }).fill("persona-sim-1");
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByText(/rejected the API key \(401\)/)).toBeVisible();
  await page.getByLabel("API key").fill(SIM_KEY);
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByText(/Connected/)).toBeVisible();
  await page.getByRole("button", { name: "Save provider" }).click();
  await expect(page.getByText("Sim over HTTP").first()).toBeVisible();

  // The key never reaches the browser: not in the page, not in the API answer.
  expect(await page.content()).not.toContain(SIM_KEY);
  const list = await page.request.get(`/api/workspaces/${workspaceId}/providers`);
  const listText = await list.text();
  expect(listText).not.toContain(SIM_KEY);
  expect(listText).toContain("Sim over HTTP");
  await page.screenshot({ path: "test-results/screenshots/08-providers.png", fullPage: true });

  await page.getByRole("link", { name: "Personas" }).first().click();
  await new PersonasPage(page).create("Sam", "an investigative science journalist");
  const editor = new EditorPage(page);
  await editor.showPreview();
  await page.getByRole("radio", { name: "Two models" }).click();
  await page.getByLabel("A provider").selectOption("simulator");
  await page.getByLabel("B provider").selectOption({ label: "Sim over HTTP" });
  const answers = editor.answers();
  await expect(answers).toHaveCount(6);
  for (const a of await answers.all()) await expect(a).toHaveAttribute("data-status", "done");
  await expect(answers.nth(1)).toContainText("Sim over HTTP");
  await page.screenshot({ path: "test-results/screenshots/09-two-models.png" });

  // A rate-limited model shows the exact reason and a retry, never a blank pane.
  await page.getByLabel("B model").fill("fail-429");
  await expect(answers.nth(1)).toHaveAttribute("data-status", "error");
  await expect(answers.nth(1)).toContainText("Rate limited (429)");
  await expect(answers.nth(1).getByRole("button", { name: "Retry" })).toBeVisible();
  expect(await page.content()).not.toContain(SIM_KEY);
});
