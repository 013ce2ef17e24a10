import { expect, newAccount, signIn, signUp, test } from "../fixtures";
import { EditorPage } from "../pages/editor-page";
import { PersonasPage } from "../pages/personas-page";

// Two browsers edit the same field of one draft. The second save is stale: the studio
// must keep both texts, show the difference, and let the designer decide.
test("a stale autosave to the same field gets a conflict dialog and nothing is lost", async ({ newPage }) => {
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
  const dialog = b.getByRole("dialog", { name: /Someone else changed the same field/ });
  await expect(dialog).toBeVisible();
  await expect(editorB.saveState).toHaveAttribute("data-state", "conflict");
  await expect(dialog).toContainText("Background");
  await expect(dialog).toContainText("Text from tab");
  await b.screenshot({ path: "test-results/screenshots/05-conflict-dialog.png" });

  // B's text is still in B's form while the dialog is open.
  await expect(editorB.field("Background")).toHaveValue("Text from tab B");
  await dialog.getByRole("button", { name: "Keep my text here" }).click();
  await editorB.expectSaved();

  await a.reload();
  await expect(editorA.field("Background")).toHaveValue("Text from tab B");
});

test("choosing their text replaces mine in the form", async ({ newPage }) => {
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
  const dialog = b.getByRole("dialog", { name: /Someone else changed the same field/ });
  await dialog.getByRole("button", { name: "Use their text here" }).click();
  await expect(new EditorPage(b).field("Name")).toHaveValue("Coach Kim (A)");
  await expect(new EditorPage(b).saveState).toHaveAttribute("data-state", "saved");
});

// Issue 16 §5: edits to different fields from two people merge; nobody is asked.
test("two people editing different fields: the stale save merges, both edits are kept, no dialog", async ({ newPage }) => {
  const account = newAccount("merge");
  const a = await newPage();
  await signUp(a, account);
  await new PersonasPage(a).create("Ferry Fay", "a grumpy ferry captain");
  const b = await newPage();
  await signIn(b, account);
  await b.goto(a.url());
  const editorA = new EditorPage(a);
  const editorB = new EditorPage(b);
  await expect(editorB.field("Archetype")).toHaveValue("a grumpy ferry captain");

  await editorA.field("Background").fill("Thirty winters on the night crossing.");
  await editorA.expectSaved();
  // B has not heard of A's save yet (another browser, before its next look): its save is stale.
  await editorB.field("Notes").fill("Keep answers under five sentences.");
  await editorB.expectSaved();
  await expect(b.getByRole("dialog")).toHaveCount(0);
  await expect(b.getByTestId("merged-notice")).toContainText("Background");
  await expect(editorB.field("Background")).toHaveValue("Thirty winters on the night crossing.");
  await expect(editorB.field("Notes")).toHaveValue("Keep answers under five sentences.");

  await a.reload();
  await expect(editorA.field("Background")).toHaveValue("Thirty winters on the night crossing.");
  await expect(editorA.field("Notes")).toHaveValue("Keep answers under five sentences.");
});

test("two tabs of one browser: the other tab shows a save at once, and edits to different fields are both kept", async ({ browser }) => {
  const context = await browser.newContext();
  const a = await context.newPage();
  await signUp(a, newAccount("tabs"));
  await new PersonasPage(a).create("Curator Cleo", "a reserved museum curator");
  const b = await context.newPage();
  await b.goto(a.url());
  const editorA = new EditorPage(a);
  const editorB = new EditorPage(b);
  await expect(editorB.field("Archetype")).toHaveValue("a reserved museum curator");

  await editorA.field("Background").fill("Keeper of the textile collection.");
  await editorA.expectSaved();
  // Tab B learns of it without saving anything itself (BroadcastChannel).
  await expect(editorB.field("Background")).toHaveValue("Keeper of the textile collection.");
  await expect(editorB.saveState).toHaveAttribute("data-state", "saved");

  // Both tabs edit different fields at once; neither waits for the other.
  await editorB.field("Notes").fill("Speaks in short, exact sentences.");
  await editorA.field("Archetype").fill("a reserved, exacting museum curator");
  await editorA.expectSaved();
  await editorB.expectSaved();
  await expect(a.getByRole("dialog")).toHaveCount(0);
  await expect(b.getByRole("dialog")).toHaveCount(0);

  const fresh = await context.newPage();
  await fresh.goto(a.url());
  const editor = new EditorPage(fresh);
  await expect(editor.field("Background")).toHaveValue("Keeper of the textile collection.");
  await expect(editor.field("Notes")).toHaveValue("Speaks in short, exact sentences.");
  await expect(editor.field("Archetype")).toHaveValue("a reserved, exacting museum curator");
  await context.close();
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
