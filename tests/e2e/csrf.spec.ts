import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, newAccount, signUp, test } from "../fixtures";

// CSRF from a second local origin (same site: 127.0.0.1, another port), as a page
// on a neighbouring app would try it. The victim's browser sends its session cookie
// with each attempt; the studio must refuse all of them and add nobody.

const ATTACKER_PORT = Number(process.env.E2E_ATTACKER_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 1);

function attackerPages(target: string, email: string): Record<string, string> {
  // text/plain: the field name carries the JSON, the value closes it: {"email":…,"role":"owner","pad":"="}
  const name = JSON.stringify({ email, role: "owner", pad: "" }).slice(0, -2);
  const html = (body: string) => `<!doctype html><html><body>${body}</body></html>`;
  return {
    "/text-plain": html(`<form method="POST" action="${target}" enctype="text/plain"><input name='${name}' value='"}'></form><script>document.forms[0].submit()</script>`),
    "/urlencoded": html(`<form method="POST" action="${target}"><input name="email" value="${email}"><input name="role" value="owner"></form><script>document.forms[0].submit()</script>`),
    "/no-cors": html(`<script>fetch(${JSON.stringify(target)}, { method: "POST", mode: "no-cors", credentials: "include", headers: { "content-type": "text/plain" }, body: ${JSON.stringify(JSON.stringify({ email, role: "owner" }))} }).finally(() => { document.title = "sent"; });</script>`),
  };
}

test("a page on another local origin cannot make a signed-in owner's browser add an owner", async ({ newPage, baseURL }) => {
  const victim = newAccount("victim");
  const attacker = newAccount("attacker");
  await signUp(await newPage(), attacker);
  const page = await newPage();
  const workspaceId = await signUp(page, victim);
  const target = `${baseURL}/api/workspaces/${workspaceId}/invitations`;

  const pages = attackerPages(target, attacker.email);
  const server = http.createServer((req, res) => {
    res.writeHead(pages[req.url ?? ""] ? 200 : 404, { "content-type": "text/html" });
    res.end(pages[req.url ?? ""] ?? "not here");
  });
  await new Promise<void>((resolve) => server.listen(ATTACKER_PORT, "127.0.0.1", resolve));
  const evil = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  expect(evil).not.toBe(baseURL);

  try {
    for (const path of Object.keys(pages)) {
      const refused = page.waitForResponse((r) => r.url() === target && r.request().method() === "POST");
      await page.goto(`${evil}${path}`);
      const res = await refused;
      // 403, not 401: the session cookie went along (same site), so the attack was real — and refused.
      expect(res.status(), path).toBe(403);
      if (path !== "/no-cors") expect(await res.json(), path).toMatchObject({ error: { code: "cross_origin" } });
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }

  const invitationsUrl = `/api/workspaces/${workspaceId}/invitations`;
  await page.goto(`/w/${workspaceId}`);
  const invitations = await (await page.request.get(invitationsUrl)).json();
  expect(invitations).toEqual([]);

  // Control: the same change from the studio's own page works (an invitation the attacker would still have to accept).
  const status = await page.evaluate(async ({ url, email }) => {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, role: "owner" }) });
    return res.status;
  }, { url: invitationsUrl, email: attacker.email });
  expect(status).toBe(201);
  const after = await (await page.request.get(invitationsUrl)).json();
  expect(after.map((i: { email: string }) => i.email)).toEqual([attacker.email]);
});
