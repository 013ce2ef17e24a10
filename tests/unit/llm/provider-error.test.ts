import OpenAI from "openai";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AddressRefusedError } from "@/lib/llm/provider-fetch";
import { failureOf, MAX_ERROR_CHARS, providerError, safeErrorText } from "@/lib/llm/provider-error";
import { REDACTED } from "@/lib/llm/redact";
import { LlmError } from "@/lib/llm/types";

// Every provider failure becomes: our short reason + HTTP status + the
// provider's `error.message` field, redacted, ≤ 300 characters. Never the
// body itself (the SDK's own e.message quotes it when there is no error.message).

const KEY = "sk-proj-Q7vLm2Xw9RtB4nZk8HcJ5pYd";
const ENV_KEY = "sk-env-0a1b2c3d4e5f6a7b8c9d0e1f";
const headers = new Headers({ "retry-after": "3" });

/** What the SDK throws for a non-2xx answer: `error` is body.error when the body is JSON, else the raw text goes into `message`. */
function sdkError(status: number, body: string): InstanceType<typeof OpenAI.APIError> {
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  return OpenAI.APIError.generate(status, json, json ? undefined : body, headers);
}

const saved = process.env.OPENAI_API_KEY;
beforeEach(() => {
  process.env.OPENAI_API_KEY = ENV_KEY;
});
afterEach(() => {
  if (saved === undefined) delete process.env.OPENAI_API_KEY;
  else process.env.OPENAI_API_KEY = saved;
});

describe("providerError", () => {
  it("401 with the key echoed in error.message → auth, status and the redacted message", () => {
    const err = providerError(sdkError(401, JSON.stringify({ error: { message: `Incorrect API key provided: ${KEY}` } })), { secrets: [KEY] });
    expect(err).toMatchObject({ kind: "auth", status: 401 });
    expect(err.message).toBe(`The endpoint rejected the API key (401): Incorrect API key provided: ${REDACTED}`);
  });

  it("a partial echo and a mask are redacted too", () => {
    const msg = `Incorrect API key provided: ${KEY.slice(0, 8)}${"*".repeat(16)}${KEY.slice(-4)} (starts ${KEY.slice(0, 10)})`;
    const err = providerError(sdkError(401, JSON.stringify({ error: { message: msg } })), { secrets: [KEY] });
    expect(err.message).not.toContain(KEY.slice(0, 6));
    expect(err.message).not.toContain(KEY.slice(-4));
    expect(err.message).toMatch(/^The endpoint rejected the API key \(401\): Incorrect API key provided: \[redacted\]/);
  });

  it("the environment's key is redacted whichever provider failed", () => {
    const err = providerError(sdkError(403, JSON.stringify({ error: { message: `forbidden for ${ENV_KEY}` } })));
    expect(err.message).toBe(`The endpoint rejected the API key (403): forbidden for ${REDACTED}`);
  });

  it("a body that is not JSON is never shown (the SDK's e.message would quote it)", () => {
    const e = sdkError(401, `Unauthorized. Your key ${KEY} is not valid. internal-host-7.corp`);
    expect(e.message).toContain(KEY); // what we must not use
    const err = providerError(e, { secrets: [KEY] });
    expect(err.message).toBe("The endpoint rejected the API key (401)");
  });

  it("a 500 with an HTML page shows only the status", () => {
    const err = providerError(sdkError(500, "<html><body><h1>Internal</h1><pre>at db.internal:5432 password=hunter2</pre></body></html>"));
    expect(err).toMatchObject({ kind: "server", status: 500, message: "The endpoint failed (500)" });
  });

  it("JSON without error.message shows only the status (never JSON.stringify of the body)", () => {
    for (const body of [{ error: { code: "x", detail: "internal stack" } }, { error: "string error with secrets" }, { message: "top-level" }]) {
      const err = providerError(sdkError(400, JSON.stringify(body)));
      expect(err.message).toBe("The endpoint refused the request (400)");
    }
  });

  it("429 keeps retry-after; 404 → bad_request with the provider's words", () => {
    expect(providerError(sdkError(429, JSON.stringify({ error: { message: "Slow down" } })))).toMatchObject({
      kind: "rate_limit", status: 429, retryAfterMs: 3000, message: "Rate limited by the endpoint (429): Slow down",
    });
    expect(providerError(sdkError(404, JSON.stringify({ error: { message: "The model `x` does not exist" } })))).toMatchObject({
      kind: "bad_request", message: "The endpoint refused the request (404): The model `x` does not exist",
    });
  });

  it(`at most ${MAX_ERROR_CHARS} characters, on one line`, () => {
    const long = `line one\nline two ${"blah ".repeat(500)} ${KEY}`;
    const err = providerError(sdkError(400, JSON.stringify({ error: { message: long } })), { secrets: [KEY] });
    expect(err.message.length).toBeLessThanOrEqual(MAX_ERROR_CHARS);
    expect(err.message).not.toContain("\n");
    expect(err.message).toMatch(/…$/);
  });

  it("an error event inside a stream (no status) → server, with the provider's words", () => {
    const e = new OpenAI.APIError(undefined, { message: `overloaded, key ${KEY}` }, undefined, headers);
    expect(providerError(e, { secrets: [KEY] })).toMatchObject({ kind: "server", message: `The endpoint reported an error: overloaded, key ${REDACTED}` });
  });

  it("connection failures name the socket code only", () => {
    const cause = Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("connect ECONNREFUSED 10.0.0.5:8080"), { code: "ECONNREFUSED" }) });
    const err = providerError(new OpenAI.APIConnectionError({ cause }));
    expect(err).toMatchObject({ kind: "unreachable", message: "Cannot reach the model endpoint (ECONNREFUSED)" });
  });

  it("an LlmError inside the cause chain wins (a redirect elsewhere, a refused address)", () => {
    const redirected = new OpenAI.APIConnectionError({ cause: new LlmError("redirected", "The endpoint redirected elsewhere (302); the redirect was not followed", 302) });
    expect(providerError(redirected)).toMatchObject({ kind: "redirected", status: 302 });
    const blocked = new OpenAI.APIConnectionError({ cause: Object.assign(new TypeError("fetch failed"), { cause: new AddressRefusedError("localhost", "loopback") }) });
    expect(providerError(blocked)).toMatchObject({ kind: "blocked", message: expect.stringMatching(/PROVIDER_NETWORK=public/) });
  });

  it("anything else is 'could not be read', never its message", () => {
    const err = providerError(new SyntaxError(`Unexpected token '<', "<html>${KEY}"... is not valid JSON`));
    expect(err).toMatchObject({ kind: "server", message: "The model endpoint sent an answer that could not be read" });
  });

  it("an LlmError passes through redacted and clipped; applying it twice changes nothing", () => {
    const once = providerError(new LlmError("invalid_output", `bad output ${KEY} ${"x ".repeat(400)}`), { secrets: [KEY] });
    expect(once.kind).toBe("invalid_output");
    expect(once.message).not.toContain(KEY.slice(0, 8));
    expect(once.message.length).toBeLessThanOrEqual(MAX_ERROR_CHARS);
    expect(providerError(once, { secrets: [KEY] }).message).toBe(once.message);
  });
});

describe("failureOf / safeErrorText", () => {
  const LOCAL = "local-secret-123456"; // not key-shaped: only its holder knows it
  const holder = { redact: (t: string) => t.replaceAll(LOCAL, "[gone]") };

  it("apply each holder's redaction, then the environment's and key-shaped strings", () => {
    expect(safeErrorText(`a ${LOCAL} b ${ENV_KEY} c ${KEY}`, holder)).toBe(`a [gone] b ${REDACTED} c ${REDACTED}`);
    expect(safeErrorText(`a ${LOCAL}`)).toBe(`a ${LOCAL}`);
    expect(failureOf(new LlmError("auth", `rejected ${LOCAL}`, 401), holder)).toMatchObject({ kind: "auth", status: 401, message: "rejected [gone]" });
  });
});
