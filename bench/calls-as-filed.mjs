// bench/calls-as-filed — issue 12's measured goal end to end: the model calls of
// the default probe of the issue's own persona ("Support agent — empathetic but
// firm about refund policy", empathetic 80 + firm 80), created and probed through
// the UI of a running studio with the built-in simulator, and the targeted
// traits' interval widths. Run it against the studio as it was when the issue
// was filed (commit c0a50aa, which watched 16 traits) and against today's, each
// on a fresh database, and compare. Each run signs up a new account, so the
// identical-call cache starts empty.
//
//   git worktree add /tmp/as-filed c0a50aa && (cd /tmp/as-filed && npm ci && PORT=3396 npm start) &
//   PORT=3395 npm start &
//   BASE=http://127.0.0.1:3396 node bench/calls-as-filed.mjs
//   BASE=http://127.0.0.1:3395 node bench/calls-as-filed.mjs [--no-controls] [--all-related]
import { chromium } from "@playwright/test";

const base = process.env.BASE ?? "http://127.0.0.1:3000";
const noControls = process.argv.includes("--no-controls");
const allRelated = process.argv.includes("--all-related");
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, baseURL: base });
await page.goto("/sign-up");
await page.getByLabel("Name").fill("Call Counter");
await page.getByLabel("Email").fill(`calls${Date.now()}@example.com`);
await page.getByLabel("Password").fill("correct horse battery staple 42");
await page.getByRole("button", { name: "Create account" }).click();
await page.waitForURL(/\/w\/[^/]+$/);
const ws = new URL(page.url()).pathname.split("/")[2];
await page.getByRole("button", { name: "+ New persona" }).first().click();
await page.getByLabel("Archetype — what kind of person is this?").fill("Support agent — empathetic but firm about refund policy");
await page.getByLabel("Name").fill("Support agent");
await page.getByRole("button", { name: "Create persona" }).click();
await page.waitForURL(/\/personas\/[^/]+$/);
for (const [key, label] of [["empathetic", "Empathetic target value"], ["firm", "Firm / boundary-setting target value"]]) {
  await page.getByLabel("Add a trait").selectOption(key);
  await page.getByLabel(label).fill("80");
}
await page.waitForTimeout(2500); // autosave
await page.getByRole("link", { name: "Probe" }).click();
await page.getByRole("button", { name: "New probe" }).click();
const dialog = page.getByRole("dialog");
await page.waitForTimeout(2500);
if (noControls) { const c = dialog.getByTestId("control-arms-choice").getByRole("checkbox"); if (await c.count()) await c.uncheck(); }
if (allRelated) { const c = dialog.getByRole("checkbox", { name: /Watch all related/ }); if (await c.count()) await c.check(); await page.waitForTimeout(1500); }
await dialog.getByRole("button", { name: "Start probe" }).click();
await page.waitForURL(/\/probes\/[^/]+$/);
const runId = new URL(page.url()).pathname.split("/").pop();
const t0 = Date.now();
for (;;) {
  const r = await (await page.request.get(`/api/workspaces/${ws}/probe-runs/${runId}`)).json();
  if (["completed", "failed", "cancelled"].includes(r.status)) {
    const calls = r.usage?.modelCalls ?? r.progress?.modelCalls ?? r.modelCalls;
    const targeted = r.report.rows.filter((x) => x.target != null).map((x) => `${x.key} ${x.landing.mean?.toFixed(1)} ±${x.landing.halfWidth?.toFixed(1)}`);
    console.log(`${base}: ${r.status}, ${calls} model calls, ${r.watched.length} watched traits, ${(r.arms ?? []).length} extra arms; targeted ${targeted.join(", ")}; ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    break;
  }
  await page.waitForTimeout(2000);
}
await browser.close();
