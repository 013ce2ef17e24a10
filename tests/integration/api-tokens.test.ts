import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { allOps, api, expectError, expectOk, fillPath, send, tokenApi } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { addTeammate, createPersona, personaPath, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Workspace API tokens: owners mint and revoke them from a signed-in session;
// a token acts as its creator in its own workspace, with the lower of its role
// and the creator's current one, and nowhere else.

let owner: Member;
let editor: Awaited<ReturnType<typeof addTeammate>>;

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Tess Owner" });
  editor = await addTeammate(owner, "editor");
});

const tokensPath = (workspaceId: string) => `${wsPath(workspaceId)}/api-tokens`;

async function mint(member: { api: Member["api"]; workspaceId: string }, body: Record<string, unknown> = {}) {
  return expectOk(ops.createApiToken, await member.api.post(tokensPath(member.workspaceId), { name: "CI", ...body }));
}

describe("managing tokens (owners, signed in)", () => {
  it("creates a token shown once, in the ps_ format, with an editor role by default", async () => {
    const created = await mint(owner, { name: "GitHub Actions" });
    expect(created.token).toMatch(/^ps_[A-Za-z0-9_-]{43}$/);
    expect(created.token).toHaveLength(46);
    expect(created).toMatchObject({ name: "GitHub Actions", role: "editor", state: "active", prefix: created.token.slice(0, 10), createdBy: "Tess Owner", lastUsedAt: null, expiresAt: null, revokedAt: null });

    const list = expectOk(ops.listApiTokens, await owner.api.get(tokensPath(owner.workspaceId)));
    const listed = list.find((t) => t.id === created.id)!;
    expect(listed).not.toHaveProperty("token");
    expect(JSON.stringify(list)).not.toContain(created.token);

    // Only the SHA-256 is stored; no column holds the token itself.
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(created.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(created.token.slice(10));
  });

  it("sets an expiry in days and the chosen role", async () => {
    const created = await mint(owner, { role: "viewer", expiresInDays: 30 });
    expect(created.role).toBe("viewer");
    const days = (new Date(created.expiresAt!).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
  });

  it("refuses editors (403) and writes nothing", async () => {
    const existing = await mint(owner);
    const before = await db.apiToken.count();
    expectError(await editor.api.get(tokensPath(owner.workspaceId)), 403);
    expectError(await editor.api.post(tokensPath(owner.workspaceId), { name: "Mine" }), 403);
    expectError(await editor.api.post(`${tokensPath(owner.workspaceId)}/${existing.id}/revoke`), 403);
    expect(await db.apiToken.count()).toBe(before);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: existing.id } })).revokedAt).toBeNull();
  });

  it("writes nothing for an invalid body", async () => {
    const before = await db.apiToken.count();
    expectError(await owner.api.post(tokensPath(owner.workspaceId), { name: "CI", role: "owner" }), 422, "role");
    expect(await db.apiToken.count()).toBe(before);
  });

  it("revokes at once; revoking again changes nothing", async () => {
    const created = await mint(owner);
    expectOk(ops.listPersonas, await tokenApi(created.token).get(`${wsPath(owner.workspaceId)}/personas`));
    const revoked = expectOk(ops.revokeApiToken, await owner.api.post(`${tokensPath(owner.workspaceId)}/${created.id}/revoke`));
    expect(revoked).toMatchObject({ state: "revoked", id: created.id });
    const again = expectOk(ops.revokeApiToken, await owner.api.post(`${tokensPath(owner.workspaceId)}/${created.id}/revoke`));
    expect(again.revokedAt).toBe(revoked.revokedAt);
    const error = expectError(await tokenApi(created.token).get(`${wsPath(owner.workspaceId)}/personas`), 401);
    expect(error.message).toBe("This API token is revoked");
  });
});

describe("calling workspace routes with a token", () => {
  it("an editor token creates a persona as its creator", async () => {
    const { token } = await mint(owner, { role: "editor" });
    const persona = expectOk(ops.createPersona, await tokenApi(token).post(`${wsPath(owner.workspaceId)}/personas`, { name: "From CI" }));
    expect(persona.updatedBy).toBe("Tess Owner");
    expectOk(ops.getPersona, await tokenApi(token).get(personaPath(owner.workspaceId, persona.id)));
  });

  it("a viewer token reads but cannot create a persona (403)", async () => {
    const { token } = await mint(owner, { role: "viewer" });
    expectOk(ops.listPersonas, await tokenApi(token).get(`${wsPath(owner.workspaceId)}/personas`));
    const before = await db.persona.count();
    expect(expectError(await tokenApi(token).post(`${wsPath(owner.workspaceId)}/personas`, { name: "Nope" }), 403).message).toContain("viewer");
    expect(await db.persona.count()).toBe(before);
  });

  it("takes the lower of the token's role and its creator's current role", async () => {
    const coOwner = await addTeammate(owner, "owner", "Cory Coowner");
    const { token } = await mint(coOwner, { role: "editor" });
    const personas = `${wsPath(owner.workspaceId)}/personas`;
    expectOk(ops.createPersona, await tokenApi(token).post(personas, { name: "While owner" }));

    expectOk(ops.updateMember, await owner.api.patch(`${wsPath(owner.workspaceId)}/members/${coOwner.memberId}`, { role: "viewer" }));
    expectOk(ops.listPersonas, await tokenApi(token).get(personas));
    expect(expectError(await tokenApi(token).post(personas, { name: "After demotion" }), 403).message).toContain("viewer");

    expectOk(ops.updateMember, await owner.api.patch(`${wsPath(owner.workspaceId)}/members/${coOwner.memberId}`, { role: "editor" }));
    expectOk(ops.createPersona, await tokenApi(token).post(personas, { name: "Editor again" }));

    // The creator leaves: the token stops working.
    expectOk(ops.removeMember, await owner.api.delete(`${wsPath(owner.workspaceId)}/members/${coOwner.memberId}`));
    expect(expectError(await tokenApi(token).get(personas), 401).message).toMatch(/left the workspace/);
  });

  it("answers 404 in any other workspace, even one its creator owns", async () => {
    const { token } = await mint(owner);
    const other = expectOk(ops.createWorkspace, await owner.api.post("/api/workspaces", { name: "Side project" }));
    const stranger = await signUpWithWorkspace({ name: "Stan Stranger" });
    for (const workspaceId of [other.id, stranger.workspaceId]) {
      expectError(await tokenApi(token).get(`${wsPath(workspaceId)}/personas`), 404);
      expectError(await tokenApi(token).post(`${wsPath(workspaceId)}/personas`, { name: "Intruder" }), 404);
    }
  });

  it("answers 404 on every workspace operation aimed at another workspace", async () => {
    const { token } = await mint(owner);
    const stranger = await signUpWithWorkspace({ name: "Sal Stranger" });
    // The workspace is resolved before anything else is read, so placeholder ids and an empty body are enough.
    const placeholders = new Proxy({ workspaceId: stranger.workspaceId } as Record<string, string>, { get: (t, k: string) => t[k] ?? "x_1" });
    for (const op of allOps.filter((o) => o.auth === "workspace")) {
      const res = await tokenApi(token).send(op.method, fillPath(op.path, placeholders), { body: op.body ? {} : undefined });
      expect(res.status, op.id).toBe(404);
    }
  });

  it("answers 401 on account routes (/api/me, workspaces, traits…): tokens work on workspace routes only", async () => {
    const { token } = await mint(owner);
    const userOps = allOps.filter((op) => op.auth === "user");
    expect(userOps.map((op) => op.id)).toContain("getMe");
    for (const op of userOps) {
      // Well-formed path parameters (an invitation's token, its id): a malformed one is simply "not found".
      const path = fillPath(op.path, { token: "A".repeat(43), invitationId: "inv_x" });
      const res = await tokenApi(token).send(op.method, path, { body: op.body ? {} : undefined });
      expect(expectError(res, 401).message, op.id).toBe("API tokens work on workspace routes only");
    }
  });

  it("cannot list, create or revoke tokens, whatever its role (403)", async () => {
    const { token, id } = await mint(owner, { role: "editor" });
    const before = await db.apiToken.count();
    for (const res of [
      await tokenApi(token).get(tokensPath(owner.workspaceId)),
      await tokenApi(token).post(tokensPath(owner.workspaceId), { name: "Escalate" }),
      await tokenApi(token).post(`${tokensPath(owner.workspaceId)}/${id}/revoke`),
    ]) {
      expect(expectError(res, 403).message).toBe("Manage API tokens from a signed-in session");
    }
    expect(await db.apiToken.count()).toBe(before);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).revokedAt).toBeNull();
  });

  it("cannot remove its creator (or anyone) from the workspace, nor change roles (403)", async () => {
    const { token } = await mint(owner, { role: "editor" });
    const members = expectOk(ops.listMembers, await owner.api.get(`${wsPath(owner.workspaceId)}/members`));
    const self = members.find((m) => m.userId === owner.id)!;
    const before = await db.membership.count({ where: { workspaceId: owner.workspaceId } });
    expect(expectError(await tokenApi(token).delete(`${wsPath(owner.workspaceId)}/members/${self.id}`), 403).message).toContain("signed-in session");
    expectError(await tokenApi(token).patch(`${wsPath(owner.workspaceId)}/members/${self.id}`, { role: "owner" }), 403);
    expect(await db.membership.count({ where: { workspaceId: owner.workspaceId } })).toBe(before);
  });

  it("refuses expired, unknown, truncated and malformed tokens with 401", async () => {
    const { token, id } = await mint(owner, { expiresInDays: 1 });
    const personas = `${wsPath(owner.workspaceId)}/personas`;
    await db.apiToken.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(expectError(await tokenApi(token).get(personas), 401).message).toBe("This API token has expired");
    for (const bad of [`ps_${"A".repeat(43)}`, token.slice(0, -1), `${token}x`, "garbage", token.slice(3), ""]) {
      expect(expectError(await tokenApi(bad).get(personas), 401).message, bad).toBe("Invalid API token");
    }
  });

  it("a Bearer header wins over a session cookie, so a bad token is never silently ignored", async () => {
    const res = await send(owner.cookie, "GET", `${wsPath(owner.workspaceId)}/personas`, { headers: { authorization: "Bearer garbage" } });
    expectError(res, 401);
    expectOk(ops.listPersonas, await api(owner.cookie).get(`${wsPath(owner.workspaceId)}/personas`));
  });

  it("records when a token was last used, at most once a minute", async () => {
    const { token, id } = await mint(owner);
    await createPersona(owner);
    const personas = `${wsPath(owner.workspaceId)}/personas`;
    expectOk(ops.listPersonas, await tokenApi(token).get(personas));
    const first = (await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect(first).not.toBeNull();
    expectOk(ops.listPersonas, await tokenApi(token).get(personas));
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(first);
    const listed = expectOk(ops.listApiTokens, await owner.api.get(tokensPath(owner.workspaceId))).find((t) => t.id === id)!;
    expect(listed.lastUsedAt).toBe(first!.toISOString());
  });
});
