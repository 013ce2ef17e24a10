import { describe, expect, it } from "vitest";
import { readSessionUser } from "@/lib/auth/session-reader";
import { db } from "@/lib/db/client";
import { ops } from "@/lib/http/operations";
import { api, expectError, expectOk } from "@/tests/factories/api";
import { signUp } from "@/tests/factories/auth";
import { inviteAndAccept, signUpWithWorkspace, wsPath } from "@/tests/factories/personas";

// The API reads an ordinary session with one plain statement (lib/auth/session-reader)
// and leaves everything else to better-auth. These pin that the fast path decides
// exactly as better-auth would: the same user, and never a session better-auth refuses.

const tokenOf = (cookie: string) => decodeURIComponent(/better-auth\.session_token=([^;]+)/.exec(cookie)![1]).split(".")[0];
const headersOf = (cookie: string) => new Headers({ cookie });
const DAY = 86_400_000;

describe("the API's session fast path", () => {
  it("reads a fresh session itself: the same user better-auth would return", async () => {
    const user = await signUp({ name: "Fast Path" });
    expect(await readSessionUser(headersOf(user.cookie))).toEqual({ userId: user.id, userName: "Fast Path", email: user.email });
    expect(expectOk(ops.me, await api(user.cookie).get("/api/me")).user.id).toBe(user.id);
  });

  it("refuses a session the moment it is revoked (no cache): 401 on the next request", async () => {
    const user = await signUp();
    expect(expectOk(ops.me, await api(user.cookie).get("/api/me")).user.id).toBe(user.id);
    await db.session.deleteMany({ where: { token: tokenOf(user.cookie) } });
    expect(await readSessionUser(headersOf(user.cookie))).toBeUndefined();
    expectError(await api(user.cookie).get("/api/me"), 401);
  });

  it("leaves an expired session to better-auth, which refuses it", async () => {
    const user = await signUp();
    await db.session.updateMany({ where: { token: tokenOf(user.cookie) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await readSessionUser(headersOf(user.cookie))).toBeUndefined();
    expectError(await api(user.cookie).get("/api/me"), 401);
  });

  it("leaves a session due for its sliding refresh to better-auth, which extends it", async () => {
    const user = await signUp();
    const token = tokenOf(user.cookie);
    // Seven-day sessions are refreshed once a day: this one was last extended two days ago.
    const stale = new Date(Date.now() + 5 * DAY);
    await db.session.updateMany({ where: { token }, data: { expiresAt: stale } });
    expect(await readSessionUser(headersOf(user.cookie))).toBeUndefined();
    expect(expectOk(ops.me, await api(user.cookie).get("/api/me")).user.id).toBe(user.id);
    const after = await db.session.findUniqueOrThrow({ where: { token } });
    expect(after.expiresAt.getTime()).toBeGreaterThan(stale.getTime() + DAY);
    // Extended: the next request takes the fast path again.
    expect((await readSessionUser(headersOf(user.cookie)))?.userId).toBe(user.id);
  });

  it("never accepts a tampered, unsigned or doubled cookie on its own", async () => {
    const a = await signUp();
    const b = await signUp();
    const tokenA = tokenOf(a.cookie);
    const signatureB = decodeURIComponent(/better-auth\.session_token=([^;]+)/.exec(b.cookie)![1]).split(".").pop();
    for (const cookie of [
      `better-auth.session_token=${tokenA}`, // unsigned
      `better-auth.session_token=${encodeURIComponent(`${tokenA}.${signatureB}`)}`, // someone else's signature
      `better-auth.session_token=${encodeURIComponent(`${tokenA}x.${signatureB}`)}`,
    ]) {
      expect(await readSessionUser(headersOf(cookie))).toBeUndefined();
      expectError(await api(cookie).get("/api/me"), 401);
    }
    // Two session cookies: the parsers of better-call and better-auth disagree on which wins, so better-auth decides.
    expect(await readSessionUser(headersOf(`${a.cookie}; ${b.cookie}`))).toBeUndefined();
  });

  it("reads the user's current name (a rename shows on the next request)", async () => {
    const user = await signUp({ name: "Before" });
    await db.user.update({ where: { id: user.id }, data: { name: "After" } });
    expect((await readSessionUser(headersOf(user.cookie)))?.userName).toBe("After");
  });

  it("takes the caller's role in a workspace along in the same read: null for a non-member, who gets 404", async () => {
    const owner = await signUpWithWorkspace({ name: "Owner" });
    const outsider = await signUp({ name: "Outsider" });
    expect(await readSessionUser(headersOf(owner.cookie), owner.workspaceId)).toMatchObject({ userId: owner.id, role: "owner" });
    expect(await readSessionUser(headersOf(outsider.cookie), owner.workspaceId)).toEqual({ userId: outsider.id, userName: "Outsider", email: outsider.email, role: null });
    expectError(await api(outsider.cookie).get(`${wsPath(owner.workspaceId)}/personas`), 404);
    // A role change shows on the very next request (read, never cached).
    const viewer = await signUp({ name: "Viewer" });
    await inviteAndAccept(owner, { email: viewer.email, api: api(viewer.cookie) }, "viewer");
    expect((await readSessionUser(headersOf(viewer.cookie), owner.workspaceId))?.role).toBe("viewer");
    await db.membership.updateMany({ where: { workspaceId: owner.workspaceId, userId: viewer.id }, data: { role: "editor" } });
    expect((await readSessionUser(headersOf(viewer.cookie), owner.workspaceId))?.role).toBe("editor");
    await db.membership.deleteMany({ where: { workspaceId: owner.workspaceId, userId: viewer.id } });
    expectError(await api(viewer.cookie).get(`${wsPath(owner.workspaceId)}/personas`), 404);
  });
});
