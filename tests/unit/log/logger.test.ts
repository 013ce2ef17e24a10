import { describe, expect, it } from "vitest";
import { createLogger, logSettings } from "@/lib/log/logger.mjs";
import { requestIdFrom } from "@/lib/log/request-id.mjs";

// lib/log/logger.mjs: the format and level come from LOG_FORMAT / LOG_LEVEL with
// production defaults; fields named like credentials and key-looking text never
// reach a line.

function capture(options: Parameters<typeof createLogger>[0] = {}) {
  const lines: string[] = [];
  const log = createLogger({ format: "json", level: "info", ...options, write: (line) => lines.push(line) });
  return { log, lines };
}

describe("logSettings", () => {
  it("defaults to JSON at info in production, readable lines elsewhere, quiet under tests", () => {
    expect(logSettings({ NODE_ENV: "production" })).toEqual({ format: "json", level: "info" });
    expect(logSettings({ NODE_ENV: "development" })).toEqual({ format: "pretty", level: "info" });
    expect(logSettings({ NODE_ENV: "test" })).toEqual({ format: "pretty", level: "error" });
    expect(logSettings({ NODE_ENV: "production", LOG_FORMAT: "pretty", LOG_LEVEL: "debug" })).toEqual({ format: "pretty", level: "debug" });
    expect(logSettings({ NODE_ENV: "production", LOG_FORMAT: "xml", LOG_LEVEL: "loud" })).toEqual({ format: "json", level: "info" });
  });
});

describe("createLogger", () => {
  it("writes one JSON object per line with time, level, bound fields and message; drops lines below the level", () => {
    const { log, lines } = capture({ level: "warn" });
    const child = log.child({ requestId: "req-12345678" });
    child.info({ a: 1 }, "hidden");
    child.warn({ status: 503 }, "draining");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: "warn", requestId: "req-12345678", status: 503, msg: "draining" });
    expect(lines[0]).not.toContain("\n");
  });

  it("hides credential fields and key-looking text, in errors and their stacks too", () => {
    const { log, lines } = capture();
    const key = "sk-live-abcdefghijklmnopqrstuv";
    log.error({ err: new Error(`rejected ${key}`), apiKey: "plain-secret", headers: { authorization: "Bearer abcdefghijkl", cookie: "s=1" }, password: "pw", note: `Bearer ${key}` }, "failed");
    const text = lines.join("\n");
    for (const leaked of [key, "plain-secret", "abcdefghijkl", "s=1", "\"pw\""]) expect(text).not.toContain(leaked);
    const line = JSON.parse(lines[0]);
    expect(line.err.message).toBe("rejected [redacted]");
    expect(line.err.stack).toContain("logger.test.ts");
  });

  it("keeps counts whose names merely mention tokens", () => {
    const { log, lines } = capture();
    log.info({ tokens: 812, promptTokens: 640, apiToken: "ps_live_secret", sessionToken: "abc" }, "usage");
    expect(JSON.parse(lines[0])).toMatchObject({ tokens: 812, promptTokens: 640, apiToken: "[redacted]", sessionToken: "[redacted]" });
  });

  it("prints readable lines with the stack under an error in pretty format", () => {
    const { log, lines } = capture({ format: "pretty" });
    log.error({ err: new Error("boom"), requestId: "req-abcdefgh" }, "unexpected error");
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} ERROR unexpected error requestId=req-abcdefgh\nError: boom\n\s+at /);
  });
});

describe("requestIdFrom", () => {
  it("keeps plain tokens (UUIDs, load-balancer trace ids) and replaces anything else", () => {
    expect(requestIdFrom("0f8e2a1c-5b7d-4e3f-9a1b-2c3d4e5f6a7b")).toBe("0f8e2a1c-5b7d-4e3f-9a1b-2c3d4e5f6a7b");
    expect(requestIdFrom("Root=1-67891233-abcdef012345678912345678")).toBe("Root=1-67891233-abcdef012345678912345678");
    for (const bad of [null, undefined, "", "short", "has space in it", "line\nbreak-123456", "x".repeat(129)]) {
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
