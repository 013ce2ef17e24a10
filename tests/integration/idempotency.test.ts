import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { expectError, expectOk, send, tokenApi, type ApiResponse } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { buildSpec, createPersona, personaPath, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Creating POSTs with an Idempotency-Key: a double click or a retry after a
// lost answer replays the first answer instead of creating a second thing.

let owner: Member;
let token: string;

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Ida" });
  token = expectOk(ops.createApiToken, await owner.api.post(`${wsPath(owner.workspaceId)}/api-tokens`, { name: "CI" })).token;
});

const personas = () => `${wsPath(owner.workspaceId)}/personas`;
const withKey = (key: string, body: unknown) => ({ body, headers: { "idempotency-key": key } });
const createWithKey = (key: string, body: unknown) => owner.api.send("POST", personas(), withKey(key, body));
const countNamed = (name: string) => db.persona.count({ where: { workspaceId: owner.workspaceId, name } });
const replayed = (res: ApiResponse) => res.headers.get("idempotent-replayed");

describe("the same key twice", () => {
  it("creates one persona and answers the second request with the first answer, marked as replayed", async () => {
    const body = { name: "Once Only" };
    const first = await createWithKey("k-replay-1", body);
    const second = await createWithKey("k-replay-1", body);
    const a = expectOk(ops.createPersona, first);
    const b = expectOk(ops.createPersona, second);
    expect(b).toEqual(a);
    expect(replayed(first)).toBeNull();
    expect(replayed(second)).toBe("true");
    expect(await countNamed("Once Only")).toBe(1);
  });

  it("replays a refusal (4xx) too, without running the request again", async () => {
    const persona = await createPersona(owner, { name: "Stale one" });
    const stale = { message: "old tab", revision: persona.revision + 5 };
    const path = `${personaPath(owner.workspaceId, persona.id)}/versions`;
    const first = await owner.api.send("POST", path, withKey("k-stale", stale));
    expectError(first, 409);
    const second = await owner.api.send("POST", path, withKey("k-stale", stale));
    expectError(second, 409);
    expect(second.body).toEqual(first.body);
    expect(replayed(second)).toBe("true");
  });

  it("refuses the same key with a different body or on another operation (422 idempotency_mismatch)", async () => {
    expectOk(ops.createPersona, await createWithKey("k-mismatch", { name: "First body" }));
    const other = expectError(await createWithKey("k-mismatch", { name: "Second body" }), 422, "Idempotency-Key");
    expect(other.code).toBe("idempotency_mismatch");
    const persona = await createPersona(owner, { name: "For a variant" });
    const elsewhere = await owner.api.send("POST", `${personaPath(owner.workspaceId, persona.id)}/variants`, withKey("k-mismatch", { name: "V", from: "draft" }));
    expect(expectError(elsewhere, 422, "Idempotency-Key").code).toBe("idempotency_mismatch");
    expect(await countNamed("Second body")).toBe(0);
  });

  it("refuses a key that is empty, too long or not visible ASCII (422 on the header)", async () => {
    for (const key of ["", "has space", "x".repeat(256), "naïve"]) {
      expectError(await send(owner.cookie, "POST", personas(), withKey(key, { name: "Bad key" })), 422, "Idempotency-Key");
    }
    expect(await countNamed("Bad key")).toBe(0);
  });

  it("changes nothing without the header: two requests, two personas", async () => {
    expectOk(ops.createPersona, await owner.api.post(personas(), { name: "Twice" }));
    expectOk(ops.createPersona, await owner.api.post(personas(), { name: "Twice" }));
    expect(await countNamed("Twice")).toBe(2);
  });
});

describe("scope", () => {
  it("keeps an API token's keys apart from its creator's", async () => {
    const body = { name: "Scoped" };
    const mine = expectOk(ops.createPersona, await createWithKey("k-scope", body));
    const res = await tokenApi(token).send("POST", personas(), withKey("k-scope", body));
    const theirs = expectOk(ops.createPersona, res);
    expect(replayed(res)).toBeNull();
    expect(theirs.id).not.toBe(mine.id);
    expect(await countNamed("Scoped")).toBe(2);
  });

  it("forgets keys after 24 hours", async () => {
    const body = { name: "Remembered a day" };
    expectOk(ops.createPersona, await createWithKey("k-old", body));
    await db.idempotencyRecord.updateMany({ where: { key: "k-old" }, data: { createdAt: new Date(Date.now() - 25 * 3600_000) } });
    const again = await createWithKey("k-old", body);
    expectOk(ops.createPersona, again);
    expect(replayed(again)).toBeNull();
    expect(await countNamed("Remembered a day")).toBe(2);
  });
});

describe("concurrent requests with one key", () => {
  it("start one probe run: the others get its answer or 409 while it is still being created", async () => {
    const persona = await createPersona(owner, { name: "Probe once", spec: buildSpec() });
    const path = `${personaPath(owner.workspaceId, persona.id)}/probe-runs`;
    const results = await Promise.all(Array.from({ length: 10 }, () => owner.api.send("POST", path, withKey("k-probe", {}))));
    expect(await db.probeRun.count({ where: { personaId: persona.id } })).toBe(1);
    const created = results.filter((r) => r.status === 201);
    expect(created.filter((r) => replayed(r) === null)).toHaveLength(1);
    for (const r of results) {
      if (r.status === 201) continue;
      const error = expectError(r, 409);
      expect(error.message).toMatch(/still being processed/);
    }
    const ids = new Set(created.map((r) => expectOk(ops.createProbeRun, r).id));
    expect(ids.size).toBe(1);
  });
});
