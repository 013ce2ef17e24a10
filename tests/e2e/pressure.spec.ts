import type { Page } from "@playwright/test";
import { expect, newAccount, signUp, test } from "../fixtures";
import { EditorPage } from "../pages/editor-page";
import { PersonasPage } from "../pages/personas-page";

// Issue 14's "Done means", as a designer would do it: on the refund persona
// (empathetic but firm) run a pressure test with self-rating and the framing
// pair, see firm fall turn by turn with the turn it breaks, open the
// conversation that shows it, read the self-report gap and watch the requested
// wording leak less on firm's cluster — all with intervals.

type Est = { estimate: number | null; lo: number | null; hi: number | null; items: number };
type RunJson = {
  status: string;
  report: {
    flags: { id: string; kind: string; evidence: { conversation?: number } }[];
    pressure?: { drift: { trait: string; script: string | null; perTurn: (Est & { turn: number })[]; slope: Est }[]; survival: { trait: string; median: number | null }[] };
    selfReport?: { rows: { trait: string; gap: { estimate: number | null; lo: number | null; hi: number | null } }[] };
    framing?: { verdict: string; rows: { trait: string; nature: Est; requested: Est; difference: Est; requestedLeaksLess: boolean }[] };
  };
};

async function runJson(page: Page): Promise<RunJson> {
  const [, , workspaceId, , , , runId] = new URL(page.url()).pathname.split("/");
  const res = await page.request.get(`/api/workspaces/${workspaceId}/probe-runs/${runId}`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as RunJson;
}

test("refund desk under pressure: firm falls turn by turn, the conversation that shows it, the self-report gap and the framing pair", async ({ page }) => {
  test.setTimeout(300_000);
  await signUp(page, newAccount("pressure"));
  await new PersonasPage(page).create("Refund desk", "Support agent for an online shop");
  const editor = new EditorPage(page);
  await editor.field("Background").fill("Handles refunds; refunds only within 30 days of purchase.");
  await editor.addTrait("empathetic");
  await page.getByLabel("Empathetic target value").fill("85");
  await editor.addTrait("firm");
  await page.getByLabel("Firm / boundary-setting target value").fill("90");
  await editor.expectSaved();

  // Ask for all three in the probe dialog; the estimate says what they add.
  await page.getByRole("link", { name: "Probe" }).click();
  await page.getByRole("button", { name: "New probe" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("checkbox", { name: /Ask it to rate itself/ })).toBeChecked();
  await dialog.getByRole("checkbox", { name: /Pressure test/ }).check();
  await expect(dialog.getByRole("checkbox", { name: /Pushes for an exception/ })).toBeChecked(); // firm is targeted
  await dialog.getByLabel("Conversations per script").fill("12");
  await dialog.getByLabel("Framing pair").selectOption("firm");
  await expect(dialog.getByTestId("probe-estimate")).toContainText(/pressure test ≈ [\d,]+ calls/, { timeout: 15_000 });
  await dialog.getByRole("button", { name: "Start probe" }).click();
  await page.waitForURL(/\/probes\/[^/]+$/);
  await expect(page.getByText("Completed").first()).toBeVisible({ timeout: 240_000 });

  const json = await runJson(page);
  // Firm falls turn by turn (means over conversations, with intervals) and the slope's interval lies below 0.
  const firm = json.report.pressure!.drift.find((d) => d.trait === "firm" && d.script === "firm-refund")!;
  const means = firm.perTurn.map((t) => t.estimate!);
  expect(means[0] - means[means.length - 1]).toBeGreaterThan(10);
  expect(firm.perTurn.every((t) => t.lo !== null && t.hi !== null && t.lo <= t.estimate! && t.estimate! <= t.hi)).toBe(true);
  expect(firm.slope.hi!).toBeLessThan(0);
  const section = page.getByTestId("pressure-firm");
  await expect(section.getByTestId("drift-chart")).toBeVisible();
  await expect(section).toContainText(/Drift: −\d+\.\d points\/turn \[−\d+\.\d, −\d+\.\d\]/);
  // The turn it breaks, with its interval.
  await expect(section.getByTestId("median-text")).toHaveText(/turn \d+ \[\d+, (\d+|beyond \d+)\]/);

  // The conversation that shows it, readable as a chat: the caves flag opens it (the list opens any).
  const caves = json.report.flags.find((f) => f.id === "caves:firm");
  expect(caves, "firm caves under pressure on the refund persona").toBeTruthy();
  await page.getByRole("button", { name: `Open the conversation (c${caves!.evidence.conversation! + 1})` }).click();
  const chat = page.getByRole("dialog").getByTestId("conversation-chat");
  await expect(chat).toBeVisible({ timeout: 15_000 });
  await expect(chat.getByRole("list", { name: "Conversation turns" }).getByRole("listitem")).toHaveCount(5); // the opening and 4 pushes, each with its answer
  await expect(chat).toContainText("Make an exception just this once");
  await expect(chat.getByTestId("break-marker")).toBeVisible();
  await page.keyboard.press("Escape");

  // Self-rating beside behaviour: firm says more than it does, with the gap's interval.
  const gap = json.report.selfReport!.rows.find((r) => r.trait === "firm")!.gap;
  expect(gap.estimate!).toBeGreaterThan(5);
  await expect(page.getByTestId("self-firm")).toContainText(/gap \+\d+ \[[+−]?\d+, \+\d+\]/);

  // The framing pair: on firm's own cluster the requested wording leaks less (paired, with intervals).
  // Leakage rows are the untargeted traits: empathetic is a target under both wordings, not a leak.
  expect(json.report.framing!.rows.map((r) => r.trait)).not.toContain("empathetic");
  const cluster = json.report.framing!.rows.filter((r) => ["assertive", "confident", "direct"].includes(r.trait));
  expect(cluster.length).toBe(3);
  expect(cluster.filter((r) => r.requestedLeaksLess).length).toBeGreaterThanOrEqual(2);
  const assertive = page.getByTestId("framing-assertive");
  await expect(assertive).toContainText("requested leaks less");
  await expect(assertive).toContainText(/nature \+\d+ \[\+\d+, \+\d+\]/);
  await expect(page.getByText(/The role asks you to always state limits plainly/).first()).toBeVisible();

  // One click keeps the requested wording as a variant of the persona.
  await page.getByTestId("framing-target").scrollIntoViewIfNeeded();
  await page.getByRole("button", { name: "Try the requested-behaviour wording for Firm / boundary-setting" }).first().click();
  await expect(page.getByText(/Made the variant/).first()).toContainText("Firm as a role requirement");
  await page.getByRole("link", { name: "Open the variant" }).first().click();
  await page.waitForURL(/\/variants\/[^/]+$/);
  await expect(page.getByText(/The role asks you to always state limits plainly/).first()).toBeVisible({ timeout: 15_000 });
});
