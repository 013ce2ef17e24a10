import { expect, newAccount, signUp, test } from "../fixtures";

// Issue 16 §10: a first run. The list says plainly that answers come from the simulator
// and where to connect a model; one click gives a sample persona with a saved version
// and its probe report, produced by the real pipeline on the labelled simulator.
test("first run: the simulator notice links to providers, and the sample persona opens on its finished report", async ({ page }) => {
  test.setTimeout(180_000);
  const workspaceId = await signUp(page, newAccount("first"));
  const notice = page.getByTestId("simulator-notice");
  await expect(notice).toContainText("Answers come from the simulator");
  await expect(notice.getByRole("link", { name: "Connect a model" })).toHaveAttribute("href", `/w/${workspaceId}/settings#providers`);

  await page.getByRole("button", { name: "Explore a sample persona" }).click();
  await page.waitForURL(/\/personas\/[^/]+\/probes\/[^/]+$/);
  const [, , , , personaId, , runId] = new URL(page.url()).pathname.split("/");
  await expect.poll(async () => {
    const res = await page.request.get(`/api/workspaces/${workspaceId}/probe-runs/${runId}`);
    return ((await res.json()) as { status: string }).status;
  }, { timeout: 150_000, intervals: [2000] }).toBe("completed");
  await page.reload();
  await expect(page.getByRole("main")).toContainText("Refund desk (sample)");
  await expect(page.getByRole("main")).toContainText(/Empathetic/i);

  // The list now holds the sample, versioned.
  await page.goto(`/w/${workspaceId}`);
  const row = page.getByRole("link", { name: /Refund desk \(sample\)/ });
  await expect(row).toContainText("v1");
  expect(personaId).toBeTruthy();
});
