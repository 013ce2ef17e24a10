import { createServer, type Server } from "node:http";
import type { ConsoleMessage, Page } from "@playwright/test";
import { expect, newAccount, signUp, test } from "../fixtures";
import { EditorPage } from "../pages/editor-page";
import { PersonasPage } from "../pages/personas-page";

// Security headers (issue 10, item 6): a nonce-based CSP on pages, a CSP that
// allows nothing on API responses, nosniff, Referrer-Policy (no-referrer on
// share links), and no framing — checked on the production build in Chromium.

const FRAMER_PORT = Number(process.env.E2E_FRAMER_PORT ?? 3231);

const directives = (csp: string | null) =>
  Object.fromEntries((csp ?? "").split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]));

/** Console messages that mean the CSP blocked something the app needed. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (m: ConsoleMessage) => {
    if (/Content Security Policy|Refused to (execute|apply|load|connect|evaluate|frame)/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

test("pages carry a strict CSP with a fresh nonce, and the common headers", async ({ request }) => {
  const first = await request.get("/sign-in");
  expect(first.status()).toBe(200);
  const headers = first.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");

  const csp = directives(headers["content-security-policy"]);
  const nonce = csp["script-src"].find((v: string) => v.startsWith("'nonce-"))!.slice(7, -1);
  expect(csp["script-src"]).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]); // no 'unsafe-eval' outside next dev
  expect(csp).toMatchObject({
    "default-src": ["'self'"], "style-src": ["'self'", "'unsafe-inline'"], "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"], "connect-src": ["'self'"], "object-src": ["'none'"], "base-uri": ["'none'"],
    "form-action": ["'self'"], "frame-ancestors": ["'none'"],
  });
  // Next.js put the nonce on its scripts, and there is no script without it.
  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  const second = await request.get("/sign-in");
  expect(second.headers()["content-security-policy"]).not.toContain(nonce);
});

test("API responses allow nothing to run or frame them", async ({ request }) => {
  for (const path of ["/api/openapi.json", "/api/me"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(path === "/api/me" ? 401 : 200);
    const headers = res.headers();
    expect(headers["content-security-policy"], path).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
  }
});

test("a share link's 404 sends no Referer anywhere, and keeps the page CSP", async ({ request, page }) => {
  const res = await request.get("/s/not-a-real-token");
  expect(res.status()).toBe(404);
  const headers = res.headers();
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(directives(headers["content-security-policy"])["frame-ancestors"]).toEqual(["'none'"]);

  const violations = watchCsp(page);
  await page.goto("/s/not-a-real-token");
  await expect(page.getByRole("heading", { name: "This link is not available" })).toBeVisible();
  expect(violations).toEqual([]);
});

test.describe("the signed-in editor", () => {
  let framer: Server;
  let target = "";

  test.beforeAll(async () => {
    // Another local origin (same site as the studio: cookies are not per port) that frames whatever `target` is.
    framer = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" }).end(`<!doctype html><title>framer</title><h1>Framing page</h1><iframe id="victim" src="${target}" width="1200" height="800"></iframe>`);
    });
    await new Promise<void>((r) => framer.listen(FRAMER_PORT, "127.0.0.1", r));
  });
  test.afterAll(async () => {
    await new Promise<void>((r) => framer.close(() => r()));
  });

  test("works with the CSP (persona list, editor, live preview, settings) and cannot be framed", async ({ page, baseURL }) => {
    const violations = watchCsp(page);
    const workspaceId = await signUp(page, newAccount("csp"));
    await expect(page.getByRole("button", { name: "+ New persona" }).first()).toBeVisible();
    await new PersonasPage(page).create("Rosa", "a veteran ER triage nurse");
    const editorUrl = page.url();

    // The editor hydrates and works: autosave, compiled prompt, live preview streaming.
    const editor = new EditorPage(page);
    await editor.field("Archetype").fill("a blunt drill sergeant who has no time for excuses");
    await editor.expectSaved();
    await editor.showPreview();
    for (const a of await editor.answers().all()) await expect(a).toHaveAttribute("data-status", "done");
    await editor.showPrompt();
    await expect(editor.prompt).toContainText("drill sergeant");
    await page.goto(`/w/${workspaceId}/settings`);
    await expect(page.getByRole("button", { name: "Add provider" })).toBeVisible();
    await page.goto(`/w/${workspaceId}`);
    await expect(page.getByText("Rosa").first()).toBeVisible();
    expect(violations, "no CSP violations while using the studio").toEqual([]);

    // A page on another local origin frames the editor, with the victim's cookies available.
    target = editorUrl;
    expect(editorUrl.startsWith(baseURL!)).toBe(true);
    const refused = page.waitForEvent("console", { predicate: (m) => /frame-ancestors/.test(m.text()), timeout: 15_000 });
    await page.goto(`http://127.0.0.1:${FRAMER_PORT}/`);
    await expect(page.getByRole("heading", { name: "Framing page" })).toBeVisible();
    expect((await refused).text()).toMatch(/frame-ancestors 'none'.*blocked|Refused to frame/);
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    expect(frame.url()).not.toBe(editorUrl);
    await expect(page.frameLocator("#victim").getByRole("button", { name: "Save version" })).toHaveCount(0);
    await expect(page.frameLocator("#victim").getByLabel("Archetype", { exact: true })).toHaveCount(0);
  });
});
