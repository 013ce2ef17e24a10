import { beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/config/env";
import { rawSend } from "@/tests/factories/api";
import { BASE_URL } from "@/tests/factories/auth";
import { db } from "@/tests/factories/db";
import { signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Bodies are read with a cap (BODY_LIMIT_BYTES, 1 MB; imports IMPORT_BODY_LIMIT_BYTES, larger):
// a declared Content-Length over it is refused before reading, and a streamed body
// is cut off as soon as it passes the cap — the rest is never pulled from the client.

const MB = 1024 * 1024;
let owner: Member;

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Cap" });
});

const json = { origin: BASE_URL, "content-type": "application/json" };

/** A body of `total` bytes that is produced only as it is read, counting what was pulled. */
function countingStream(total: number, chunk = 64 * 1024) {
  const stats = { pulled: 0, cancelled: false };
  const piece = new TextEncoder().encode(`{"name":"${"x".repeat(chunk)}`).subarray(0, chunk);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stats.pulled >= total) return controller.close();
      stats.pulled += piece.byteLength;
      controller.enqueue(piece.slice());
    },
    cancel() {
      stats.cancelled = true;
    },
  }, { highWaterMark: 0 });
  return { stream, stats };
}

async function errorOf(res: Response) {
  const body = (await res.json()) as { error: { code: string; message: string; field?: string } };
  return { status: res.status, ...body.error };
}

describe("the default cap", () => {
  it("is 1 MB unless BODY_LIMIT_BYTES says otherwise; imports get a larger cap (an 8 MB file, base64 in JSON)", () => {
    expect(env.bodyLimitBytes).toBe(MB);
    expect(env.importBodyLimitBytes).toBeGreaterThanOrEqual(Math.ceil((8 * MB * 4) / 3));
  });

  it("refuses a declared Content-Length over the cap with 413 payload_too_large naming the limit", async () => {
    const { stream, stats } = countingStream(100 * MB);
    const res = await rawSend("POST", `${wsPath(owner.workspaceId)}/personas`, {
      cookie: owner.cookie, headers: { ...json, "content-length": String(100 * MB) }, body: stream,
    });
    expect(await errorOf(res)).toMatchObject({ status: 413, code: "payload_too_large", field: "body", message: expect.stringContaining("1 MB") });
    expect(stats.pulled).toBe(0);
  });

  it("stops reading a 100 MB streamed body (no Content-Length) just past the cap: memory does not grow with the body", async () => {
    const { stream, stats } = countingStream(100 * MB);
    const res = await rawSend("POST", `${wsPath(owner.workspaceId)}/personas`, { cookie: owner.cookie, headers: json, body: stream });
    expect(await errorOf(res)).toMatchObject({ status: 413, code: "payload_too_large", field: "body" });
    // Bytes pulled from the client, not time or RSS: a little over the 1 MB cap, nowhere near 100 MB.
    expect(stats.pulled).toBeGreaterThan(MB);
    expect(stats.pulled).toBeLessThan(2 * MB);
    expect(stats.cancelled).toBe(true);
    expect(await db.persona.count({ where: { workspaceId: owner.workspaceId } })).toBe(0);
  });

  it("accepts a body just under the cap (it is the schema's job to judge it)", async () => {
    const body = JSON.stringify({ name: "Fine", archetype: "a".repeat(MB - 100) });
    const res = await rawSend("POST", `${wsPath(owner.workspaceId)}/personas`, { cookie: owner.cookie, headers: json, body });
    expect(await errorOf(res)).toMatchObject({ status: 422, field: "archetype" });
  });
});

describe("the import cap", () => {
  const importsPath = () => `${wsPath(owner.workspaceId)}/imports`;

  it("lets an import body over 1 MB through", async () => {
    const prompt = `You are Quinn, a patient librarian. ${"Keep answers short. ".repeat(100_000)}`.slice(0, 2 * MB);
    const body = JSON.stringify({ fileName: "prompt.txt", content: prompt, encoding: "text" });
    expect(body.length).toBeGreaterThan(MB);
    const res = await rawSend("POST", importsPath(), { cookie: owner.cookie, headers: json, body });
    expect(res.status).not.toBe(413);
  });

  it("refuses an import over its cap, streamed, after pulling little more than the cap", async () => {
    const { stream, stats } = countingStream(100 * MB);
    const res = await rawSend("POST", importsPath(), { cookie: owner.cookie, headers: json, body: stream });
    expect(await errorOf(res)).toMatchObject({ status: 413, code: "payload_too_large", message: expect.stringContaining(`${env.importBodyLimitBytes / MB} MB`) });
    expect(stats.pulled).toBeLessThan(env.importBodyLimitBytes + MB);
  });
});
