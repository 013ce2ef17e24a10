import { expect, newAccount, signIn, signUp, test } from "../fixtures";
import { EditorPage } from "../pages/editor-page";
import { PersonasPage } from "../pages/personas-page";

// Two tabs edit the same draft. The second save is stale: the studio must keep
// both texts, show the difference, and let the designer decide.
test("a stale autosave gets a conflict dialog and nothing is lost", async ({ newPage }) => {
  const account = newAccount("pair");
  const a = await newPage();
  await signUp(a, account);
  await new PersonasPage(a).create("Skeptic Sam", "an investigative science journalist");
  const url = a.url();

  const b = await newPage();
  await signIn(b, account);
  await b.goto(url);
  const editorA = new EditorPage(a);
  const editorB = new EditorPage(b);
  await expect(editorB.field("Archetype")).toHaveValue("an investigative science journalist");

  await editorA.field("Background").fill("Text from tab A");
  await editorA.expectSaved();

  await editorB.field("Background").fill("Text from tab B");
  const dialog = b.getByRole("dialog", { name: /Someone else saved this draft/ });
  await expect(dialog).toBeVisible();
  await expect(editorB.saveState).toHaveAttribute("data-state", "conflict");
  await expect(dialog).toContainText("Background");
  await expect(dialog).toContainText("Text from tab");
  await b.screenshot({ path: "test-results/screenshots/05-conflict-dialog.png" });

  // B's text is still in B's form while the dialog is open.
  await expect(editorB.field("Background")).toHaveValue("Text from tab B");
  await dialog.getByRole("button", { name: "Keep my draft" }).click();
  await editorB.expectSaved();

  await a.reload();
  await expect(editorA.field("Background")).toHaveValue("Text from tab B");
});

test("choosing their draft replaces mine in the form", async ({ newPage }) => {
  const account = newAccount("pair");
  const a = await newPage();
  await signUp(a, account);
  await new PersonasPage(a).create("Coach Kim", "a patient running coach");
  const b = await newPage();
  await signIn(b, account);
  await b.goto(a.url());
  await expect(new EditorPage(b).field("Archetype")).toHaveValue("a patient running coach");

  await new EditorPage(a).field("Name").fill("Coach Kim (A)");
  await new EditorPage(a).expectSaved();
  await new EditorPage(b).field("Name").fill("Coach Kim (B)");
  const dialog = b.getByRole("dialog", { name: /Someone else saved this draft/ });
  await dialog.getByRole("button", { name: "Use their draft" }).click();
  await expect(new EditorPage(b).field("Name")).toHaveValue("Coach Kim (A)");
  await expect(new EditorPage(b).saveState).toHaveAttribute("data-state", "saved");
});

test("edits made while the server is unreachable come back in a new tab", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUp(page, newAccount("offline"));
  await new PersonasPage(page).create("Offline Olga", "a lighthouse keeper");
  const url = page.url();
  const editor = new EditorPage(page);

  // Every save fails while the route is blocked: the editor says so and keeps the text.
  await page.route("**/api/workspaces/*/personas/*", (route) =>
    route.request().method() === "PATCH" ? route.abort("connectionrefused") : route.continue(),
  );
  await editor.field("Background").fill("Written during the outage");
  await expect(editor.saveState).toHaveAttribute("data-state", "error");
  await expect(editor.saveState).toContainText("Save failed");

  const again = await context.newPage();
  await again.goto(url);
  await expect(again.getByRole("note")).toContainText("This browser kept edits that were never saved");
  await again.getByRole("button", { name: "Restore them" }).click();
  const editor2 = new EditorPage(again);
  await expect(editor2.field("Background")).toHaveValue("Written during the outage");
  await editor2.expectSaved();
  await context.close();
});
