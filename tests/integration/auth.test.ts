import { describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { allOps, api, expectError, expectOk, fillPath, send } from "@/tests/factories/api";
import { signIn, signUp } from "@/tests/factories/auth";

describe("sign-up", () => {
  it("gives a new account exactly one workspace: its personal one, owned by it", async () => {
    const user = await signUp({ name: "Grace Hopper" });
    const me = expectOk(ops.me, await api(user.cookie).get("/api/me"));

    expect(me.user).toMatchObject({ id: user.id, name: "Grace Hopper", email: user.email });
    expect(me.workspaces).toHaveLength(1);
    expect(me.workspaces[0]).toMatchObject({ personal: true, role: "owner", memberCount: 1, name: "Grace's workspace" });
    expect(expectOk(ops.listWorkspaces, await api(user.cookie).get("/api/workspaces"))).toEqual(me.workspaces);
  });

  it("signs in again with the right password and gets a working session", async () => {
    const user = await signUp();
    const res = await signIn(user.email, user.password);
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    expect(expectOk(ops.me, await api(cookie).get("/api/me")).user.id).toBe(user.id);
  });

  it("refuses a wrong password with 401 and no session cookie", async () => {
    const user = await signUp();
    const res = await signIn(user.email, "not the password");
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie().some((c) => c.includes("session_token=") && !c.includes("session_token=;"))).toBe(false);
  });
});

describe("without a session", () => {
  const params = {
    workspaceId: "ws_x", personaId: "p_x", memberId: "m_x", number: 1, providerId: "pr_x", runId: "run_x", answerId: "a_x", traitKey: "trait_x",
    commentId: "c_x", shareId: "s_x", token: "A".repeat(43), variantId: "v_x", batchId: "b_x", tokenId: "t_x", ackId: "ack_x", panelId: "pn_x", sessionId: "ses_x", requestId: "rq_x", invitationId: "inv_x", label: "production", index: 0,
  };
  // Share links are the public surface (their token is the credential: tests/integration/share-links.test.ts), with the health check.
  const sessionOps = allOps.filter((op) => op.auth !== "public");

  it("keeps the public surface to the health check and the share-link reads (a persona's bundle, answers and pressure conversations, a panel's bundle)", () => {
    expect(allOps.filter((op) => op.auth === "public").map((op) => `${op.method} ${op.path}`).sort()).toEqual(["GET /api/health", "GET /api/share/{token}", "GET /api/share/{token}/answers", "GET /api/share/{token}/conversations/{index}", "GET /api/share/{token}/panel"]);
  });

  it.each(sessionOps.map((op) => [op.id, op] as const))("%s answers 401", async (_id, op) => {
    const res = await send(null, op.method, fillPath(op.path, params), {
      body: op.body ? {} : undefined,
      query: op.id === "diffVersions" ? { from: 1 } : undefined,
    });
    expect(expectError(res, 401).code).toBe("unauthorized");
  });

  it("answers 401 to a forged session cookie", async () => {
    const res = await api("better-auth.session_token=forged.value").get("/api/me");
    expectError(res, 401);
  });
});
