import { beforeAll, describe, expect, it, vi } from "vitest";

// COST_RATE_LIMIT=off (read once at start, like every setting) turns the metering off entirely.
vi.hoisted(() => {
  process.env.RATE_LIMIT_PREVIEW = "1/60";
  process.env.COST_RATE_LIMIT = "off";
});

import { ops } from "@/lib/http/operations";
import { expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { buildSpec, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

let owner: Member;

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Otto" });
});

describe("COST_RATE_LIMIT=off", () => {
  it("lets a member past a limit of 1, with no limit headers and nothing counted", async () => {
    for (let i = 0; i < 3; i++) {
      const res = await owner.api.post(`${wsPath(owner.workspaceId)}/preview`, { source: { kind: "spec", spec: buildSpec() }, message: "Hi", seed: i });
      expectOk(ops.preview, res);
      expect(res.headers.get("x-ratelimit-limit")).toBeNull();
    }
    expect(await db.rateLimiterFlexible.count()).toBe(0);
  });
});
