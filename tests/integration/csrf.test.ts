import { describe, expect, it } from "vitest";
import type { Operation } from "@/lib/http/operation";
import { ops } from "@/lib/http/operations";
import { allOps, expectOk, rawSend, tokenApi } from "@/tests/factories/api";
import { BASE_URL } from "@/tests/factories/auth";
import { sweepWorkspace } from "@/tests/factories/sweep";
import { wsPath } from "@/tests/factories/personas";
import { opsWithBody, validRequest } from "@/tests/factories/requests";

// CSRF: a write with a session cookie must come from the studio's own origin and
// be declared JSON; a page elsewhere can submit forms (text/plain, urlencoded) and
// no-cors fetches with the victim's cookie, and must get 403 with nothing written.
// API tokens are not ambient credentials, so Bearer calls are exempt.

const EVIL = "http://127.0.0.1:3211";
const sweep = sweepWorkspace("Victim", "Attacker");
const { expectNothingWritten } = sweep;

const membersPath = () => `${wsPath(sweep.owner.workspaceId)}/invitations`;
const addAttacker = JSON.stringify({ email: "placeholder", role: "owner" });

function addMember(headers: Record<string, string>, body = addAttacker.replace("placeholder", sweep.outsiderEmail)) {
  return rawSend("POST", membersPath(), { cookie: sweep.owner.cookie, headers, body });
}

async function errorOf(res: Response) {
  const body = (await res.json()) as { error: { code: string; message: string } };
  return { status: res.status, ...body.error };
}

describe("the Origin of a cookie-authenticated write", () => {
  it("refuses another origin with 403 cross_origin and writes nothing", async () => {
    const error = await errorOf(await addMember({ origin: EVIL, "content-type": "application/json" }));
    expect(error).toMatchObject({ status: 403, code: "cross_origin" });
    expect(error.message).toContain(EVIL);
    await expectNothingWritten();
  });

  it("refuses the opaque origin 'null' (sandboxed frames, data: URLs)", async () => {
    expect(await errorOf(await addMember({ origin: "null", "content-type": "application/json" }))).toMatchObject({ status: 403, code: "cross_origin" });
    await expectNothingWritten();
  });

  it("refuses a write with neither Origin nor Sec-Fetch-Site, or with Sec-Fetch-Site cross-site/same-site", async () => {
    for (const headers of [{} as Record<string, string>, { "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }, { "sec-fetch-site": "none" }]) {
      const error = await errorOf(await addMember({ ...headers, "content-type": "application/json" }));
      expect(error, JSON.stringify(headers)).toMatchObject({ status: 403, code: "cross_origin" });
    }
    await expectNothingWritten();
  });

  it("accepts Sec-Fetch-Site: same-origin when a browser sent no Origin", async () => {
    const res = await rawSend("POST", `${wsPath(sweep.owner.workspaceId)}/personas`, {
      cookie: sweep.owner.cookie, headers: { "sec-fetch-site": "same-origin", "content-type": "application/json" }, body: JSON.stringify({ name: "Same origin" }),
    });
    expect(res.status).toBe(201);
  });

  it("accepts the configured origin and its localhost ↔ 127.0.0.1 alias", async () => {
    for (const origin of [BASE_URL, "http://127.0.0.1:3000"]) {
      const res = await rawSend("POST", `${wsPath(sweep.owner.workspaceId)}/personas`, {
        cookie: sweep.owner.cookie, headers: { origin, "content-type": "application/json; charset=utf-8" }, body: JSON.stringify({ name: `From ${origin}` }),
      });
      expect(res.status, origin).toBe(201);
    }
  });

  it("never checks reads", async () => {
    const res = await rawSend("GET", membersPath(), { cookie: sweep.owner.cookie, headers: { origin: EVIL } });
    expect(res.status).toBe(200);
  });

  it("exempts API tokens (Bearer): they are not sent by browsers on their own", async () => {
    const created = expectOk(ops.createApiToken, await sweep.owner.api.post(`${wsPath(sweep.owner.workspaceId)}/api-tokens`, { name: "CI", role: "editor" }));
    const res = await tokenApi(created.token).send("POST", `${wsPath(sweep.owner.workspaceId)}/personas`, { body: { name: "From CI" }, headers: { origin: EVIL } });
    expectOk(ops.createPersona, res);
    const noOrigin = await rawSend("POST", `${wsPath(sweep.owner.workspaceId)}/personas`, {
      headers: { authorization: `Bearer ${created.token}`, "content-type": "application/json" }, body: JSON.stringify({ name: "From curl" }),
    });
    expect(noOrigin.status).toBe(201);
  });
});

describe("the Content-Type of a cookie-authenticated write", () => {
  it("refuses a text/plain body (what an HTML form with enctype=text/plain sends) with 403 json_required", async () => {
    // The classic trick: name="{"email":"…","role":"owner","x":"" value=""}" makes a body that parses as JSON.
    const body = `{"email":"${sweep.outsiderEmail}","role":"owner","x":"="}`;
    const error = await errorOf(await addMember({ origin: BASE_URL, "content-type": "text/plain" }, body));
    expect(error).toMatchObject({ status: 403, code: "json_required" });
    expect(error.message).toContain("application/json");
    await expectNothingWritten();
  });

  it("refuses a form-encoded and a multipart body with 403 json_required", async () => {
    for (const type of ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      expect(await errorOf(await addMember({ origin: BASE_URL, "content-type": type })), type).toMatchObject({ status: 403, code: "json_required" });
    }
    await expectNothingWritten();
  });

  it("refuses a body without any Content-Type", async () => {
    const body = new TextEncoder().encode(addAttacker.replace("placeholder", sweep.outsiderEmail));
    const res = await addMember({ origin: BASE_URL, "content-length": String(body.byteLength) }, body as unknown as string);
    expect(await errorOf(res)).toMatchObject({ status: 403, code: "json_required" });
    await expectNothingWritten();
  });

  it("accepts a bodiless write without a Content-Type (revoking a link, cancelling a run)", async () => {
    const share = expectOk(ops.createShare, await sweep.owner.api.post(`${wsPath(sweep.owner.workspaceId)}/personas/${sweep.ids.personaId}/shares`, {}));
    const res = await rawSend("POST", `${wsPath(sweep.owner.workspaceId)}/shares/${share.id}/revoke`, {
      cookie: sweep.owner.cookie, headers: { origin: BASE_URL, "content-length": "0" },
    });
    expect(res.status).toBe(200);
  });
});

describe("every write operation", () => {
  const writes = allOps.filter((op) => op.method !== "GET" && op.auth !== "public");

  function sendAs(op: Operation, headers: Record<string, string>, body?: string) {
    const { path, query, body: valid } = validRequest(op, sweep.ids);
    const url = query ? `${path}?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}` : path;
    return rawSend(op.method, url, { cookie: sweep.owner.cookie, headers, body: body ?? (valid === undefined ? undefined : JSON.stringify(valid)) });
  }

  it("is in the sweep", () => {
    expect(writes.length).toBeGreaterThan(30);
  });

  it.each(writes.map((op) => [op.id, op] as const))("%s refuses a foreign Origin with 403 cross_origin", async (_id, op) => {
    const res = await sendAs(op, { origin: EVIL, ...(op.body ? { "content-type": "application/json" } : {}) });
    expect(await errorOf(res)).toMatchObject({ status: 403, code: "cross_origin" });
    await expectNothingWritten();
  });

  it.each(opsWithBody.filter((op) => op.auth !== "public").map((op) => [op.id, op] as const))("%s refuses a text/plain body with 403 json_required", async (_id, op) => {
    const res = await sendAs(op, { origin: BASE_URL, "content-type": "text/plain;charset=UTF-8" });
    expect(await errorOf(res)).toMatchObject({ status: 403, code: "json_required" });
    await expectNothingWritten();
  });

  it("still lets the sweep.owner invite the member from the studio's own origin (control)", async () => {
    const res = await addMember({ origin: BASE_URL, "content-type": "application/json" });
    expect(res.status).toBe(201);
  });
});
