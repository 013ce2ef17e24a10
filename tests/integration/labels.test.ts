import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { expectError, expectOk, send, tokenApi } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import {
  addTeammate, buildSpec, createPersona, personaPath, saveDraft, saveVersion, signUpWithWorkspace, wsPath, type Member,
} from "@/tests/factories/personas";

// Version labels: editors point production/staging at a version (audited); an
// application fetches the label's compiled prompt with an API token, revalidating
// with the ETag; another workspace's persona is simply not found.

let owner: Member;
let persona: { id: string; slug: string };
let v1Prompt: string;
let v2Prompt: string;

const labelPath = (personaRef: string, name = "production") => `${personaPath(owner.workspaceId, personaRef)}/labels/${name}`;
const move = (m: { api: Member["api"] }, version: number, name = "production") => m.api.send("PUT", labelPath(persona.id, name), { body: { version } });

async function mintToken(role: "editor" | "viewer" = "viewer") {
  return expectOk(ops.createApiToken, await owner.api.post(`${wsPath(owner.workspaceId)}/api-tokens`, { name: "App", role }));
}

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Lena Label" });
  const created = await createPersona(owner, { name: "Refund desk", spec: buildSpec({ name: "Refund desk" }) });
  persona = created;
  const first = await saveVersion(owner, created.id, created.revision, "first");
  v1Prompt = first.compiledPrompt;
  const draft = await saveDraft(owner, created.id, created.revision, buildSpec({ name: "Refund desk", background: "Ten years on the refunds desk." }));
  const second = await saveVersion(owner, created.id, draft.revision, "with a background");
  v2Prompt = second.compiledPrompt;
  expect(v2Prompt).not.toBe(v1Prompt);
});

describe("moving labels", () => {
  it("moves production to a version, then to another, each move one line in the activity trail", async () => {
    const set = expectOk(ops.moveLabel, await move(owner, 1));
    expect(set).toMatchObject({ name: "production", version: 1, movedBy: "Lena Label" });
    expectOk(ops.moveLabel, await move(owner, 2));
    // Moving it where it already is changes nothing and writes no second line.
    expectOk(ops.moveLabel, await move(owner, 2));

    const labels = expectOk(ops.listLabels, await owner.api.get(`${personaPath(owner.workspaceId, persona.id)}/labels`));
    expect(labels.map((l) => [l.name, l.version])).toEqual([["production", 2]]);
    const trail = await db.activity.findMany({ where: { personaId: persona.id, kind: "label_moved" }, orderBy: { createdAt: "asc" } });
    expect(trail.map((a) => [a.summary, a.actorName])).toEqual([
      ["moved production to v1", "Lena Label"],
      ["moved production from v1 to v2", "Lena Label"],
    ]);
  });

  it("lists production before staging and the labels on the persona list", async () => {
    expectOk(ops.moveLabel, await move(owner, 1, "staging"));
    expectOk(ops.moveLabel, await move(owner, 1, "canary-eu"));
    const labels = expectOk(ops.listLabels, await owner.api.get(`${personaPath(owner.workspaceId, persona.id)}/labels`));
    expect(labels.map((l) => l.name)).toEqual(["production", "staging", "canary-eu"]);
    for (const q of [undefined, "refund"]) {
      const page = expectOk(ops.listPersonas, await owner.api.get(`${wsPath(owner.workspaceId)}/personas`, q ? { q } : undefined));
      const row = page.personas.find((p) => p.id === persona.id)!;
      expect(row.labels).toEqual([{ name: "production", version: 2 }, { name: "staging", version: 1 }, { name: "canary-eu", version: 1 }]);
    }
  });

  it("removes a label with an audit line; removing it again is 404", async () => {
    expect((await owner.api.delete(labelPath(persona.id, "canary-eu"))).status).toBe(204);
    expectError(await owner.api.delete(labelPath(persona.id, "canary-eu")), 404);
    const removed = await db.activity.findFirst({ where: { personaId: persona.id, kind: "label_removed" } });
    expect(removed?.summary).toBe("removed the canary-eu label (was v1)");
  });

  it("refuses a version that does not exist, naming the field, and a bad label name", async () => {
    const before = await db.versionLabel.count();
    expect(expectError(await move(owner, 9), 422, "version").message).toMatch(/Version 9 does not exist.*latest is v2/);
    expectError(await owner.api.send("PUT", labelPath(persona.id), { body: { version: 0 } }), 422, "version");
    expectError(await owner.api.send("PUT", labelPath(persona.id), { body: {} }), 422, "version");
    // A name that cannot be a label is a path that does not exist.
    expectError(await owner.api.send("PUT", labelPath(persona.id, "Production"), { body: { version: 1 } }), 404);
    expectError(await owner.api.send("PUT", labelPath(persona.id, "x".repeat(33)), { body: { version: 1 } }), 404);
    expect(await db.versionLabel.count()).toBe(before);
  });

  it("lets editors move labels; reviewers and viewers only read", async () => {
    const editor = await addTeammate(owner, "editor", "Eddie Editor");
    expect(expectOk(ops.moveLabel, await move(editor, 2, "staging")).movedBy).toBe("Eddie Editor");
    for (const role of ["reviewer", "viewer"] as const) {
      const mate = await addTeammate(owner, role);
      expect(expectError(await move(mate, 1, "staging"), 403).message).toContain(role);
      expectError(await mate.api.delete(labelPath(persona.id, "staging")), 403);
      expectOk(ops.listLabels, await mate.api.get(`${personaPath(owner.workspaceId, persona.id)}/labels`));
      expectOk(ops.getLabelPrompt, await mate.api.get(labelPath(persona.id)));
    }
    const { token } = await mintToken("viewer");
    expectError(await tokenApi(token).send("PUT", labelPath(persona.id, "staging"), { body: { version: 1 } }), 403);
    expect((await db.versionLabel.findFirstOrThrow({ where: { personaId: persona.id, name: "staging" } })).version).toBe(2);
  });

  it("answers 404 for another workspace's persona, to a member and to a token", async () => {
    const stranger = await signUpWithWorkspace({ name: "Sam Stranger" });
    const strangerPath = `${personaPath(stranger.workspaceId, persona.id)}/labels/production`;
    expect(expectError(await stranger.api.send("PUT", strangerPath, { body: { version: 1 } }), 404).message).not.toMatch(/Refund/);
    expectError(await stranger.api.get(strangerPath), 404);
    expectError(await stranger.api.delete(strangerPath), 404);
    const { token } = expectOk(ops.createApiToken, await stranger.api.post(`${wsPath(stranger.workspaceId)}/api-tokens`, { name: "Theirs", role: "editor" }));
    expectError(await tokenApi(token).get(strangerPath), 404);
    expectError(await tokenApi(token).get(labelPath(persona.id)), 404);
    expect((await db.versionLabel.findFirstOrThrow({ where: { personaId: persona.id, name: "production" } })).version).toBe(2);
  });
});

describe("fetching a label's prompt with an API token", () => {
  it("answers the compiled prompt by id or slug, with a strong ETag and private caching", async () => {
    const { token } = await mintToken();
    for (const ref of [persona.id, persona.slug]) {
      const res = await tokenApi(token).get(labelPath(ref));
      const body = expectOk(ops.getLabelPrompt, res);
      expect(body).toMatchObject({ persona: { id: persona.id, slug: persona.slug, name: "Refund desk" }, label: "production", version: 2, compiledPrompt: v2Prompt });
      expect(res.headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
      expect(res.headers.get("cache-control")).toBe("private, max-age=60");
    }
  });

  it("answers 304 without a body on If-None-Match, and a new ETag once the label moves", async () => {
    const { token } = await mintToken();
    const auth = { authorization: `Bearer ${token}` };
    const first = await send(null, "GET", labelPath(persona.id), { headers: auth });
    const etag = first.headers.get("etag")!;
    const again = await send(null, "GET", labelPath(persona.id), { headers: { ...auth, "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    expect(again.headers.get("etag")).toBe(etag);
    // A weak form of the same tag, in a list, still matches (If-None-Match compares weakly).
    expect((await send(null, "GET", labelPath(persona.id), { headers: { ...auth, "if-none-match": `"other", W/${etag}` } })).status).toBe(304);

    expectOk(ops.moveLabel, await move(owner, 1));
    const moved = await send(null, "GET", labelPath(persona.id), { headers: { ...auth, "if-none-match": etag } });
    expect(moved.status).toBe(200);
    expect(expectOk(ops.getLabelPrompt, moved)).toMatchObject({ version: 1, compiledPrompt: v1Prompt });
    expect(moved.headers.get("etag")).not.toBe(etag);
  });

  it("answers 404 for a label that does not exist and 401 once the token is revoked", async () => {
    const created = await mintToken();
    expect(expectError(await tokenApi(created.token).get(labelPath(persona.id, "nightly")), 404).message).toBe("This persona has no nightly label");
    expectOk(ops.revokeApiToken, await owner.api.post(`${wsPath(owner.workspaceId)}/api-tokens/${created.id}/revoke`));
    expect(expectError(await tokenApi(created.token).get(labelPath(persona.id)), 401).message).toBe("This API token is revoked");
  });

  it("stops answering once the label is removed", async () => {
    const { token } = await mintToken();
    expectOk(ops.getLabelPrompt, await tokenApi(token).get(labelPath(persona.id, "staging")));
    expect((await owner.api.delete(labelPath(persona.id, "staging"))).status).toBe(204);
    expectError(await tokenApi(token).get(labelPath(persona.id, "staging")), 404);
  });
});
