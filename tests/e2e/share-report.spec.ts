import { expect, newAccount, signUp, test } from "../fixtures";
import type { Page } from "@playwright/test";

// The shared page with a measured version: the landing report with its flags
// and charts, answers behind a flag fetched through the link, readable on a
// phone; and the version diff showing where two versions land.

async function json<T>(page: Page, method: "GET" | "POST" | "PATCH", path: string, data?: unknown): Promise<T> {
  const res = await page.request.fetch(path, { method, data, headers: { origin: new URL(page.url()).origin } });
  expect(res.ok(), `${method} ${path}: ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

type Persona = { id: string; revision: number; spec: Record<string, unknown> };

async function probeVersion(page: Page, base: string, version: number) {
  const run = await json<{ id: string }>(page, "POST", `${base}/probe-runs`, { version, traits: ["empathetic", "firm", "warm"], budgetPerTrait: 24 });
  const ws = base.split("/personas/")[0];
  await expect.poll(async () => (await json<{ status: string }>(page, "GET", `${ws}/probe-runs/${run.id}`)).status, { timeout: 60_000 }).toBe("completed");
  return run.id;
}

test("a measured version shared to a phone, and the diff of two measured versions", async ({ page, newPage }) => {
  test.setTimeout(180_000);
  const workspaceId = await signUp(page, newAccount("sharer"));
  const ws = `/api/workspaces/${workspaceId}`;
  // A provider with a key exists in the workspace: nothing of it may reach a share page.
  const KEY = "sk-e2e-SECRET-share-0123456789";
  await json(page, "POST", `${ws}/providers`, { name: "Team Endpoint", preset: "openai", baseUrl: "http://127.0.0.1:9/v1", apiKey: KEY, defaultModel: "m" });
  let persona = await json<Persona>(page, "POST", `${ws}/personas`, { name: "Desk Dana", archetype: "" });
  const base = `${ws}/personas/${persona.id}`;
  persona = await json<Persona>(page, "PATCH", base, { revision: persona.revision, spec: { ...persona.spec, traitTargets: { empathetic: 95, firm: 95 } } });
  await json(page, "POST", `${base}/versions`, { message: "Trait list", revision: persona.revision });
  persona = await json<Persona>(page, "PATCH", base, { revision: persona.revision, spec: { ...persona.spec, archetype: "a veteran ER triage nurse" } });
  await json(page, "POST", `${base}/versions`, { message: "As a triage nurse", revision: persona.revision });
  const firstRun = await probeVersion(page, base, 1);
  await probeVersion(page, base, 2);
  await json(page, "POST", `${base}/versions/1/samples`, {});

  // A comment on a trait, right under the report that measured it.
  await page.goto(`/w/${workspaceId}/personas/${persona.id}/probes/${firstRun}`);
  const discussion = page.locator("#discussion");
  await discussion.getByLabel("About").selectOption("firm");
  await discussion.getByRole("textbox", { name: "Comment" }).fill("Firm lands at 78: the **trait list** alone cannot hold it.");
  await discussion.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(discussion.getByTestId("comment-thread")).toContainText("Trait: Firm / boundary-setting");
  await expect(discussion.getByTestId("comment-thread").locator("strong")).toHaveText("trait list");

  // The diff of v1 → v2 shows where each lands.
  await page.goto(`/w/${workspaceId}/personas/${persona.id}/versions?from=1&to=2`);
  const landing = page.getByRole("region", { name: "Where it lands" }).or(page.getByText("Where it lands").locator("xpath=ancestor::section[1]"));
  await expect(landing.first()).toContainText("Empathetic");
  await page.getByText("Where it lands").first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screenshots/24-diff-landing.png", fullPage: true });

  const created = await json<{ path: string }>(page, "POST", `${base}/shares`, { version: 1, label: "Phone check" });
  const phone = await newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto(created.path);
  await expect(phone.getByRole("heading", { name: "Desk Dana" })).toBeVisible();
  // The share page shows the version's report with the same flags as the workspace sees.
  const measured = await json<{ report: { flags: { title: string }[] } }>(page, "GET", `${ws}/probe-runs/${firstRun}`);
  expect(measured.report.flags.length).toBeGreaterThan(0);
  const flags = phone.getByRole("list", { name: "Flags" });
  await expect(flags.getByTestId("flag")).toHaveCount(measured.report.flags.length);
  await expect(flags.getByTestId("flag").first()).toContainText(measured.report.flags[0].title);
  await expect(phone.getByTestId("radar")).toBeVisible();
  const html = await phone.content();
  for (const secret of [KEY, "Team Endpoint", "127.0.0.1:9", workspaceId]) expect(html, secret).not.toContain(secret);
  await phone.screenshot({ path: "test-results/screenshots/25-shared-phone.png", fullPage: true });
  // No horizontal scrolling on a phone.
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(392);
  await flags.getByRole("button", { name: /Show the answers/ }).first().click();
  await expect(phone.getByRole("dialog")).toContainText(measured.report.flags[0].title);
  await expect(phone.getByRole("dialog").getByTestId("probe-answer").first()).toBeVisible();
  await phone.screenshot({ path: "test-results/screenshots/26-shared-evidence.png" });
});
