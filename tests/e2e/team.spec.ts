import { expect, newAccount, signIn, signUp, test } from "../fixtures";
import { EditorPage } from "../pages/editor-page";
import { acceptFromInbox, MembersPage } from "../pages/members-page";
import { PersonasPage } from "../pages/personas-page";

// An owner adds a teammate as viewer; the viewer can read but not edit, and
// a stranger cannot see the workspace at all.
test("owner adds a viewer who gets a read-only editor; strangers get 404", async ({ newPage }) => {
  const owner = newAccount("owner");
  const viewer = newAccount("viewer");
  const stranger = newAccount("stranger");

  const v = await newPage();
  const viewerHome = await signUp(v, viewer);
  const s = await newPage();
  await signUp(s, stranger);

  const o = await newPage();
  const workspaceId = await signUp(o, owner);
  await new PersonasPage(o).create("Formal Fred", "a meticulous court clerk");
  const personaUrl = new URL(o.url()).pathname;

  const members = new MembersPage(o);
  await members.open(workspaceId);
  await members.invite(viewer.email, "viewer");
  await acceptFromInbox(v, viewerHome, owner.name);
  await o.reload();
  await expect(o.getByRole("cell", { name: viewer.email })).toBeVisible();
  await o.screenshot({ path: "test-results/screenshots/06-members.png" });

  await v.goto(personaUrl);
  const editor = new EditorPage(v);
  await expect(v.getByRole("note")).toContainText("read-only access");
  await expect(editor.field("Archetype")).toBeDisabled();
  await expect(v.getByRole("button", { name: "Save version" })).toHaveCount(0);
  await expect(editor.prompt).toContainText("You are a meticulous court clerk.");

  await s.goto(personaUrl);
  await expect(s.getByRole("heading", { name: "Not found" })).toBeVisible();
  const api = await s.request.get(`/api/workspaces/${workspaceId}/personas`);
  expect(api.status()).toBe(404);
});
