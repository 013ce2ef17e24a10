import { describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { allOps, expectError } from "@/tests/factories/api";
import { sweepWorkspace } from "@/tests/factories/sweep";
import { buildSpec, personaPath } from "@/tests/factories/personas";
import { opsWithBody, validRequest } from "@/tests/factories/requests";

// Loose bodies are refused: a field the schema does not know is a 422 naming it
// (a typo like `budget` must not silently start a 60-per-trait run on a paid
// model), and an operation with a body schema needs a body.

const sweep = sweepWorkspace("Strict");
const { expectNothingWritten, send: sendWith } = sweep;

describe("unknown fields", () => {
  it('refuses {"budget": 6} on createProbeRun with 422 naming "budget", and starts no run', async () => {
    const error = expectError(await sweep.owner.api.post(`${personaPath(sweep.owner.workspaceId, sweep.ids.personaId)}/probe-runs`, { budget: 6 }), 422, "budget");
    expect(error.message).toContain("budget");
    await expectNothingWritten();
  });

  it("names a nested unknown field with its path", async () => {
    const spec = { ...buildSpec(), voice: { ...buildSpec().voice, pitch: "low" } };
    expectError(await sweep.owner.api.patch(personaPath(sweep.owner.workspaceId, sweep.ids.personaId), { revision: sweep.ids.revision, spec }), 422, "spec.voice.pitch");
    await expectNothingWritten();
  });

  it.each(opsWithBody.map((op) => [op.id, op] as const))("%s: its valid body plus an unknown field is a 422 naming the field", async (_id, op) => {
    const valid = validRequest(op, sweep.ids).body as Record<string, unknown>;
    const error = expectError(await sendWith(op, { body: { ...valid, zzUnknown: 1 } }), 422, "zzUnknown");
    expect(error.code).toBe("validation");
    await expectNothingWritten();
  });

  it("refuses fields on an operation that takes no body (revoke, cancel, resume)", async () => {
    for (const op of [ops.revokeShare, ops.cancelProbeRun, ops.revokeApiToken]) {
      expectError(await sendWith(op, { body: { force: true } }), 422, "force");
      expectError(await sendWith(op, { rawBody: "[1]" }), 422, "body");
    }
    await expectNothingWritten();
  });
});

describe("a required body", () => {
  it.each(opsWithBody.map((op) => [op.id, op] as const))("%s: an empty body is a 422 on field body", async (_id, op) => {
    const error = expectError(await sendWith(op, { rawBody: "" }), 422, "body");
    expect(error.message).toMatch(/body/i);
    await expectNothingWritten();
  });

  it("every write with a body schema is covered", () => {
    expect(opsWithBody.length).toBeGreaterThan(25);
    expect(allOps.filter((op) => op.body && op.method === "GET")).toEqual([]);
  });
});
