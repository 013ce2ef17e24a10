import { beforeAll, describe, expect, it, vi } from "vitest";

// A small preview limit for this file only, set before any app module reads it.
vi.hoisted(() => {
  process.env.RATE_LIMIT_PREVIEW = "5/60";
});

import { ops } from "@/lib/http/operations";
import { expectError, expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { buildSpec, createPersona, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// The panel preview counts every member's model call against the preview limit:
// members × rounds units, charged before any call.

let owner: Member;
let panelId: string;

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Lim" });
  const members = [];
  for (const key of ["a", "b", "c"]) {
    const p = await createPersona(owner, { name: `Member ${key}`, spec: buildSpec({ name: `Member ${key}` }) });
    members.push({ key, personaId: p.id, version: "latest" as const });
  }
  const spec = { members, polarityPairs: [], groups: [], plans: {}, activePlan: "single", questions: [] };
  panelId = (await db.panel.create({ data: { workspaceId: owner.workspaceId, slug: "lim", name: "Lim", spec: JSON.stringify(spec), createdById: owner.id, updatedById: owner.id, updatedByName: owner.name } })).id;
});

const ask = (body: unknown) => owner.api.post(`${wsPath(owner.workspaceId)}/panels/${panelId}/preview`, body);

describe("the preview limit", () => {
  it("takes one unit per member call: 3 members use 3 of 5; with cross-examination (6 calls) the rest is not enough", async () => {
    const res = await ask({ question: "Ship on Friday?" });
    expectOk(ops.panelPreview, res);
    expect(res.headers.get("x-ratelimit-remaining")).toBe("2");
    const refused = expectError(await ask({ question: "Ship on Friday?", crossExamine: true }), 429);
    expect(refused.code).toBe("rate_limited");
    expect(refused.message).toMatch(/preview/);
  });
});
