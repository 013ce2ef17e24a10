import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import { expect, newAccount, signUp, test } from "../fixtures";
import { expectAccessibleAtBothWidths } from "../pages/axe";
import { EditorPage } from "../pages/editor-page";

// Issue 6 as a designer would try it: import a character card, see it flagged
// before any probe, fix it with a suggested character type, probe a trait-list
// variant against it (a clear winner or "no clear winner", the page consistent
// either way), export the draft as a card and a promptfoo config, and
// gate it from CI with the CLI and a workspace API token.

const run = promisify(execFile);

test("import a card, see it flagged, probe two variants, export the winner, gate it with the CLI", async ({ page }) => {
  test.setTimeout(240_000);
  const workspaceId = await signUp(page, newAccount("composer"));

  await page.getByRole("button", { name: "Import…" }).click();
  await page.getByLabel("File").setInputFiles(path.join(__dirname, "fixtures/tess.card.json"));
  await page.getByRole("dialog").getByRole("button", { name: "Import" }).click();
  await expect(page.getByTestId("import-result")).toContainText("V2 character card");
  await expect(page.getByTestId("import-result")).toContainText("alternate_greetings");
  await page.getByRole("button", { name: "Open Tess" }).click();
  await page.waitForURL(/\/personas\/[^/]+$/);
  const personaUrl = new URL(page.url()).pathname;

  // Flagged before any model call: the card's own words ask for empathetic + firm.
  const coherence = page.getByRole("region", { name: "Coherence check" });
  await expect(coherence.getByTestId("coherence-warning").first()).toContainText("Empathetic + Firm / boundary-setting often settle into a compromise");
  const editor = new EditorPage(page);
  await editor.addTrait("empathetic");
  await page.getByLabel("Empathetic target value").fill("95");
  await editor.addTrait("firm");
  await page.getByLabel("Firm / boundary-setting target value").fill("95");
  await coherence.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screenshots/30-coherence.png" });

  // Variant A: the bare trait list. Then take the suggestion: the draft becomes an ER triage nurse.
  await editor.expectSaved();
  await page.getByRole("link", { name: "Variants" }).click();
  await page.getByRole("button", { name: "New variant" }).click();
  await page.getByRole("radio", { name: /^Trait list only/ }).check();
  await page.getByRole("dialog").getByRole("button", { name: "Create variant" }).click();
  await expect(page.getByTestId("variant-card")).toHaveCount(1);
  await page.screenshot({ path: "test-results/screenshots/32-variants.png", fullPage: true });
  await page.goto(personaUrl);
  await coherence.getByRole("button", { name: "ER triage nurse" }).first().click();
  await expect(editor.field("Archetype")).toHaveValue(/^an ER triage nurse who/);
  await expect(coherence.getByText(/holds them together/)).toBeVisible();
  await editor.expectSaved();

  // Probe the trait list against the draft in one action, paired item by item.
  await page.getByRole("link", { name: "Variants" }).click();
  const panel = page.getByRole("form", { name: "Probe variants" });
  await panel.getByLabel("Current draft").check();
  await panel.getByLabel("Budget per trait").fill("24");
  await panel.getByRole("button", { name: /Probe 2 together/ }).click();
  await page.waitForURL(/\/variants\/compare\//);
  await expect(page.getByText("Final", { exact: true })).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId("variant-dot-plot")).toBeVisible();
  // The verdict is either a clear winner or "No clear winner"; whichever it is, the standings and the pairwise line agree with it.
  const verdict = page.getByTestId("variant-verdict");
  const standings = page.getByTestId("variant-standings");
  const pairs = page.getByTestId("variant-pairs");
  await expect(pairs.getByRole("listitem")).toHaveCount(1);
  const winnerRows = standings.getByRole("row").filter({ has: page.getByText("closest", { exact: true }) });
  if (await winnerRows.count()) {
    await expect(winnerRows).toHaveCount(1);
    await expect(standings.getByRole("row").nth(1)).toContainText("closest"); // ranked first
    const name = (await winnerRows.getByRole("cell").nth(1).innerText()).trim();
    await expect(verdict).toContainText(`“${name}” lands closer than`);
    await expect(pairs).toContainText(`${name} closer by`);
    await expect(pairs.getByText("clear", { exact: true })).toBeVisible();
  } else {
    await expect(verdict).toContainText("No clear winner");
    await expect(verdict).not.toContainText("lands closer");
    await expect(standings.getByText("no clear winner").first()).toBeVisible();
    await expect(pairs.getByText("not clear", { exact: true })).toBeVisible();
  }
  await page.screenshot({ path: "test-results/screenshots/31-variants-compare.png", fullPage: true });
  await expectAccessibleAtBothWidths(page, "variant comparison");

  // Export the draft (the character type) as a PNG card and as a promptfoo config.
  await page.goto(personaUrl);
  await page.getByRole("button", { name: "Export" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Which text").selectOption("draft");
  let downloading = page.waitForEvent("download");
  await dialog.getByTestId("export-download").click();
  const png = readFileSync((await (await downloading).path())!);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.toString("latin1")).toContain("ccv3");
  await dialog.getByText("promptfoo config (YAML)").click();
  downloading = page.waitForEvent("download");
  await dialog.getByTestId("export-download").click();
  const yaml = readFileSync((await (await downloading).path())!, "utf8");
  expect(yaml).toContain("llm-rubric");
  expect(yaml).toContain("an ER triage nurse");
  await dialog.getByRole("button", { name: "Close" }).click();

  // Gate it in CI: a workspace token from the settings page and the CLI against this very server.
  await page.goto(`/w/${workspaceId}/settings`);
  await page.getByRole("button", { name: "New token" }).click();
  await page.getByRole("form", { name: "New API token" }).getByLabel("Name").fill("CI");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByTestId("api-token-value").inputValue();
  await page.getByTestId("created-api-token").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screenshots/33-api-token.png" });
  expect(token).toMatch(/^ps_/);
  const slug = personaUrl.split("/").pop()!;
  const env = { ...process.env, PERSONA_STUDIO_URL: new URL(page.url()).origin, PERSONA_STUDIO_WORKSPACE: workspaceId, PERSONA_STUDIO_TOKEN: token };
  const cli = ["bin/persona-studio.mjs", "probe", slug, "--version", "draft", "--traits", "empathetic,firm", "--budget", "12"];
  const passed = await run("node", [...cli, "--fail-on", "none"], { env, cwd: process.cwd() });
  // One row per targeted trait: key, target, landing [95% CI].
  expect(passed.stdout).toMatch(/\bempathetic\s+95\s+\d+(\.\d)? \[/);
  expect(passed.stdout).toMatch(/\bfirm\s+95\s+\d+(\.\d)? \[/);
  const json = JSON.parse((await run("node", [...cli, "--json"], { env, cwd: process.cwd() })).stdout) as { report: { flags: unknown[] } };
  // The same probe again (answers come from the identical-call cache): --fail-on any fails exactly when it has flags.
  const gated = await run("node", [...cli, "--fail-on", "any"], { env, cwd: process.cwd() }).then(() => 0, (e: { code: number }) => e.code);
  expect(gated).toBe(json.report.flags.length > 0 ? 1 : 0);
});

// Issue 16 §8: an uploaded avatar is the exported card's picture, and importing
// that card again updates the persona instead of adding a second Tess.
test("upload an avatar, export the PNG card with it, import the card back into the same persona", async ({ page }) => {
  test.setTimeout(120_000);
  const shots = process.env.SHOTS_DIR;
  const workspaceId = await signUp(page, newAccount("avatar"));
  await page.getByRole("button", { name: "Import…" }).click();
  await page.getByLabel("File").setInputFiles(path.join(__dirname, "fixtures/tess.card.json"));
  await expect(page.getByTestId("import-match")).toHaveCount(0); // a card from elsewhere names no persona here
  await page.getByRole("dialog").getByRole("button", { name: "Import", exact: true }).click();
  await page.getByRole("button", { name: "Open Tess" }).click();
  await page.waitForURL(/\/personas\/[^/]+$/);

  // Upload an orange square; the header shows it.
  const orange = await sharp({ create: { width: 300, height: 200, channels: 3, background: { r: 250, g: 150, b: 0 } } }).jpeg().toBuffer();
  await page.getByRole("button", { name: "Change avatar" }).click();
  const avatarDialog = page.getByRole("dialog", { name: "Avatar" });
  const uploaded = page.waitForResponse((r) => r.url().endsWith("/avatar") && r.request().method() === "PUT");
  await avatarDialog.getByLabel("Upload an image").setInputFiles({ name: "me.jpg", mimeType: "image/jpeg", buffer: orange });
  expect((await uploaded).status()).toBe(200);
  const headerAvatar = page.getByRole("button", { name: "Change avatar" }).getByTestId("persona-avatar");
  await expect.poll(async () => (await page.request.get(await headerAvatar.getAttribute("src") ?? "")).headers()["x-avatar-source"]).toBe("uploaded");
  if (shots) await page.screenshot({ path: `${shots}/avatar-dialog-${page.viewportSize()!.width}.png` });
  await avatarDialog.getByRole("button", { name: "Done" }).click();

  await page.getByRole("button", { name: "Export" }).click();
  const exportDialog = page.getByRole("dialog");
  await exportDialog.getByLabel("Which text").selectOption("draft");
  const downloading = page.waitForEvent("download");
  await exportDialog.getByTestId("export-download").click();
  const download = await downloading;
  const cardPath = (await download.path())!;
  const { data, info } = await sharp(readFileSync(cardPath)).raw().toBuffer({ resolveWithObject: true });
  expect(info.width).toBe(512);
  const at = (256 * info.width + 5) * info.channels;
  expect([data[at] > 230, data[at + 1] > 120 && data[at + 1] < 180, data[at + 2] < 30]).toEqual([true, true, true]);
  await exportDialog.getByRole("button", { name: "Close" }).click();

  // Back on the list: the card names Tess, so the import offers to update her.
  await page.goto(`/w/${workspaceId}`);
  await expect(page.getByTestId("persona-avatar")).toHaveCount(1);
  // The row asks for the upload under its stamp (cached for good); rows without one draw their initials inline.
  await expect(page.getByTestId("persona-avatar")).toHaveAttribute("src", /\/avatar\?v=\d+$/);
  await page.getByRole("button", { name: "Import…" }).click();
  await page.getByLabel("File").setInputFiles({ name: "tess.card.png", mimeType: "image/png", buffer: readFileSync(cardPath) });
  const match = page.getByTestId("import-match");
  await expect(match).toContainText("This file matches Tess");
  await expect(match.getByRole("button", { name: "Update it" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByLabel("Import into")).toHaveValue(/.+/);
  if (shots) await page.screenshot({ path: `${shots}/import-match-${page.viewportSize()!.width}.png` });
  await page.getByRole("dialog").getByRole("button", { name: "Update Tess" }).click();
  await expect(page.getByTestId("import-result")).toContainText("Updated Tess");
  await page.goto(`/w/${workspaceId}`);
  await expect(page.getByRole("link", { name: /Tess/ })).toHaveCount(1);
  if (shots) await page.screenshot({ path: `${shots}/list-avatars-${page.viewportSize()!.width}.png` });

  // "Import as new" still makes a copy when that is what is wanted.
  await page.getByRole("button", { name: "Import…" }).click();
  await page.getByLabel("File").setInputFiles({ name: "tess.card.png", mimeType: "image/png", buffer: readFileSync(cardPath) });
  await page.getByTestId("import-match").getByRole("button", { name: "Import as new" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByTestId("import-result")).toContainText("Imported Tess");
  await page.goto(`/w/${workspaceId}`);
  await expect(page.getByRole("link", { name: /Tess/ })).toHaveCount(2);
});
