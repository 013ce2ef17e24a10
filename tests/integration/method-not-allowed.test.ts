import { beforeAll, describe, expect, it } from "vitest";
import * as unknownApiRoute from "@/app/api/[...path]/route";
import * as openApiRoute from "@/app/api/openapi.json/route";
import { errorBodySchema } from "@/lib/http/errors";
import type { Method } from "@/lib/http/operation";
import { allOps, expectError, expectOk, fillPath, send } from "@/tests/factories/api";
import { ops } from "@/lib/http/operations";
import { signUpWithWorkspace, type Member } from "@/tests/factories/personas";
import { NO_SUCH_TOKEN } from "@/tests/factories/requests";

// Every error has the documented shape, 405 included: a method a route does not
// serve answers { error: { code: "method_not_allowed", message } } with an Allow
// header naming the methods it does serve. Unknown /api paths answer a JSON 404.

const METHODS: Method[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];
let owner: Member;

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Methodical" });
});

const byPath = new Map<string, Set<Method>>();
for (const op of allOps) byPath.set(op.path, (byPath.get(op.path) ?? new Set()).add(op.method));

const sample = (template: string) =>
  fillPath(template, { workspaceId: "w1", personaId: "p1", number: 1, memberId: "m1", providerId: "pr1", runId: "r1", answerId: "a1", traitKey: "calm", commentId: "c1", shareId: "s1", token: NO_SUCH_TOKEN, variantId: "v1", batchId: "b1", tokenId: "t1", ackId: "ack1", panelId: "pn1", sessionId: "ses1", requestId: "rq1", invitationId: "inv1", index: 0, label: "production" });

describe("405 Method Not Allowed", () => {
  it("PUT /api/me answers 405 JSON with Allow: GET, and GET /api/me still works", async () => {
    const res = await owner.api.send("PUT", "/api/me");
    const error = expectError(res, 405);
    expect(error.code).toBe("method_not_allowed");
    expect(error.message).toContain("GET");
    expect(res.headers.get("allow")).toBe("GET");
    expectOk(ops.me, await owner.api.get("/api/me"));
  });

  const cases = [...byPath].flatMap(([template, served]) =>
    METHODS.filter((m) => !served.has(m)).map((m) => [`${m} ${template}`, m, template, [...served]] as const));

  it.each(cases)("%s → 405 with Allow", async (_label, method, template, served) => {
    const res = await send(null, method, sample(template));
    expect(res.status).toBe(405);
    expect(errorBodySchema.parse(res.body).error.code).toBe("method_not_allowed");
    expect(res.headers.get("allow")?.split(", ").sort()).toEqual([...served].sort());
  });

  it("knows the route outside the registry (/api/openapi.json serves GET only)", async () => {
    const res = await openApiRoute.POST(new Request("http://localhost:3000/api/openapi.json", { method: "POST" }));
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET");
  });
});

describe("unknown API paths", () => {
  it.each(METHODS)("%s /api/nope answers 404 in the documented shape", async (method) => {
    const res = await unknownApiRoute[method]();
    expect(res.status).toBe(404);
    expect(errorBodySchema.parse(await res.json()).error.code).toBe("not_found");
  });
});
