import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { logger } from "@/lib/log/logger.mjs";
import { expectOk, rawSend, send } from "@/tests/factories/api";
import { createPersona, personaPath, signUpWithWorkspace, type Member } from "@/tests/factories/personas";
import { NO_SUCH_TOKEN } from "@/tests/factories/requests";

// Structured request logs (issue 15, stateless web instances): every API request
// gets a request id — the caller's X-Request-Id when well-formed, else a fresh
// one — echoed in the answer and on one JSON log line with the route's template
// (never the raw URL), status, duration and who asked. A 500 logs its stack with
// the same id. Keys, tokens and cookies appear on no line.

type Line = Record<string, unknown> & { requestId: string; level: string };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
let owner: Member;
let lines: string[] = [];
let restore: () => void;

const parsed = () => lines.map((l) => JSON.parse(l) as Line);
const forRequest = (id: string) => parsed().filter((l) => l.requestId === id);

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Logged" });
});

beforeEach(() => {
  lines = [];
  restore = logger.redirect({ format: "json", level: "info", write: (line) => lines.push(line) });
});

afterEach(() => restore());

describe("request ids and request log lines", () => {
  it("keeps a well-formed incoming X-Request-Id, echoes it, and logs one line with the route template, status, duration and caller", async () => {
    const persona = await createPersona(owner);
    lines = [];
    const res = await send(owner.cookie, "GET", personaPath(owner.workspaceId, persona.id), { headers: { "x-request-id": "lb-7f3a9c21-trace" } });
    expectOk(ops.getPersona, res);
    expect(res.headers.get("x-request-id")).toBe("lb-7f3a9c21-trace");
    const mine = forRequest("lb-7f3a9c21-trace");
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      level: "info", method: "GET", route: "/api/workspaces/{workspaceId}/personas/{personaId}", operation: "getPersona",
      status: 200, workspaceId: owner.workspaceId, userId: owner.id,
    });
    expect(typeof mine[0].durationMs).toBe("number");
    expect(Date.parse(String(mine[0].time))).not.toBeNaN();
    expect(lines.join("\n")).not.toContain(persona.id); // the template, not the URL
  });

  it("replaces a malformed or missing id with a fresh UUID (no header or log forging)", async () => {
    for (const incoming of ["short", "evil\"id\",\"level\":\"error", "x".repeat(300), undefined]) {
      const res = await send(owner.cookie, "GET", "/api/me", { headers: incoming === undefined ? {} : { "x-request-id": incoming } });
      const id = res.headers.get("x-request-id") ?? "";
      expect(id).toMatch(UUID);
      expect(forRequest(id)).toHaveLength(1);
    }
    expect(new Set(parsed().map((l) => l.requestId)).size).toBe(4);
  });

  it("logs refusals with their code and status (401, 404) without the share token in the path", async () => {
    const unauth = await send(null, "GET", "/api/me");
    expect(forRequest(unauth.headers.get("x-request-id")!)[0]).toMatchObject({ status: 401, code: "unauthorized", route: "/api/me" });
    const gone = await rawSend("GET", `/api/share/${NO_SUCH_TOKEN}`);
    expect(gone.status).toBe(404);
    expect(forRequest(gone.headers.get("x-request-id")!)[0]).toMatchObject({ status: 404, route: "/api/share/{token}" });
    expect(lines.join("\n")).not.toContain(NO_SUCH_TOKEN);
  });

  it("logs a load balancer's successful health checks at debug only, so they do not flood the log", async () => {
    const quiet = await send(null, "GET", "/api/health");
    expect(quiet.status).toBe(200);
    expect(forRequest(quiet.headers.get("x-request-id")!)).toEqual([]);
    const undo = logger.redirect({ level: "debug" });
    const loud = await send(null, "GET", "/api/health");
    undo();
    expect(forRequest(loud.headers.get("x-request-id")!)).toMatchObject([{ level: "debug", route: "/api/health", status: 200 }]);
  });

  it("logs a 500 with its stack and the request id; the answer carries the id, no line carries a key, token or cookie", async () => {
    const KEY = "sk-proj-Q7vLm2Xw9RtB4nZk8HcJ5pYd";
    const failing = handle(ops.me, async () => {
      throw new Error(`upstream refused Authorization: Bearer ${KEY} (key ${KEY})`);
    });
    const request = new Request("http://localhost:3000/api/me", { headers: { cookie: owner.cookie, origin: "http://localhost:3000", "x-request-id": "req-500-abcdef" } });
    const res = await failing(request, { params: Promise.resolve({}) });
    expect(res.status).toBe(500);
    expect(res.headers.get("x-request-id")).toBe("req-500-abcdef");
    const mine = forRequest("req-500-abcdef");
    const error = mine.find((l) => l.msg === "unexpected error") as Line & { err: { stack: string; message: string } };
    expect(error.level).toBe("error");
    expect(error.err.stack).toContain("request-log.test.ts");
    expect(error.err.message).toContain("upstream refused");
    expect(mine.find((l) => l.msg === "request failed")).toMatchObject({ status: 500, code: "internal", userId: owner.id });
    const all = lines.join("\n");
    expect(all).not.toContain(KEY);
    expect(all).not.toContain(KEY.slice(8));
    const sessionValue = owner.cookie.split(";")[0].split("=")[1];
    expect(all).not.toContain(sessionValue);
  });
});
