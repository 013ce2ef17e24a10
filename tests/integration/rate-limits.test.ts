import { beforeAll, describe, expect, it, vi } from "vitest";

// Small limits for this file only, set before any app module reads them.
vi.hoisted(() => {
  process.env.RATE_LIMIT_PREVIEW = "3/60";
  process.env.RATE_LIMIT_PROBE = "2/600";
});

import { ops } from "@/lib/http/operations";
import { COST_LIMIT_DEFAULTS, costLimit } from "@/lib/http/rate-limit-config";
import { expectError, expectOk, tokenApi, type Api, type ApiResponse } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { addTeammate, buildSpec, createPersona, personaPath, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Costly routes are metered per member and per API token: past the limit a
// caller gets 429 with Retry-After, every metered answer says where it stands.

let owner: Member;
let reviewer: Awaited<ReturnType<typeof addTeammate>>;
let token: string;

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Rita" });
  reviewer = await addTeammate(owner, "reviewer");
  const created = expectOk(ops.createApiToken, await owner.api.post(`${wsPath(owner.workspaceId)}/api-tokens`, { name: "CI" }));
  token = created.token;
});

const previewBody = { source: { kind: "spec", spec: buildSpec() }, message: "Hello there", seed: 1 };
const preview = (client: Api) => client.post(`${wsPath(owner.workspaceId)}/preview`, previewBody);

function limitHeaders(res: ApiResponse) {
  return {
    limit: res.headers.get("x-ratelimit-limit"),
    remaining: res.headers.get("x-ratelimit-remaining"),
    reset: Number(res.headers.get("x-ratelimit-reset")),
  };
}

describe("the limits", () => {
  it("come from one table of defaults, each overridable by RATE_LIMIT_<BUCKET>=points/seconds", () => {
    expect(costLimit("preview")).toEqual({ points: 3, seconds: 60 });
    expect(costLimit("suggest")).toEqual(COST_LIMIT_DEFAULTS.suggest);
    expect(costLimit("samples", { RATE_LIMIT_SAMPLES: "5/7" })).toEqual({ points: 5, seconds: 7 });
    expect(costLimit("samples", { RATE_LIMIT_SAMPLES: "lots" })).toEqual(COST_LIMIT_DEFAULTS.samples);
  });

  it("mark every costly operation, and only those", () => {
    const metered = Object.values(ops).filter((op) => "cost" in op).map((op) => [op.id, (op as { cost: string }).cost]);
    expect(Object.fromEntries(metered)).toEqual({
      streamPreview: "preview", streamPanelPreview: "preview", startAxesExperiment: "probe", suggestArchetypes: "suggest", createProbeRun: "probe", probeVariants: "probe", startRangeCheck: "probe", createPanelRun: "probe",
      draftCustomTrait: "draft", recordSampleAnswers: "samples", draftScenarios: "draft", createShareLink: "samples",
    });
  });
});

describe("a member past the preview limit", () => {
  it("sees the limit, what is left and when it resets on every answer, then gets 429 with Retry-After", async () => {
    const seen = [];
    for (let i = 0; i < 3; i++) {
      const res = await preview(owner.api);
      expectOk(ops.preview, res);
      seen.push(limitHeaders(res));
    }
    expect(seen.map((h) => [h.limit, h.remaining])).toEqual([["3", "2"], ["3", "1"], ["3", "0"]]);
    for (const h of seen) {
      expect(h.reset).toBeGreaterThanOrEqual(1);
      expect(h.reset).toBeLessThanOrEqual(60);
    }

    const refused = await preview(owner.api);
    const error = expectError(refused, 429);
    expect(error.code).toBe("rate_limited");
    expect(error.message).toMatch(/preview/);
    expect(error.message).toMatch(/3 per minute/);
    expect(error.message).toMatch(/Try again in \d+ s/);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limitHeaders(refused)).toMatchObject({ limit: "3", remaining: "0", reset: retryAfter });
  });

  it("keeps the count in the database, so every process serving it shares the limit", async () => {
    const row = await db.rateLimiterFlexible.findUnique({ where: { key: `cost:preview:member:${owner.workspaceId}:${owner.id}` } });
    expect(row?.points).toBeGreaterThanOrEqual(4);
  });

  it("does not hold back another member of the workspace", async () => {
    const res = await preview(reviewer.api);
    expectOk(ops.preview, res);
    expect(limitHeaders(res)).toMatchObject({ limit: "3", remaining: "2" });
  });

  it("does not hold back an API token the member created: it has its own count", async () => {
    const res = await preview(tokenApi(token));
    expectOk(ops.preview, res);
    expect(limitHeaders(res).remaining).toBe("2");
  });

  it("does not hold back the member's other buckets", async () => {
    const res = await owner.api.post(`${wsPath(owner.workspaceId)}/archetypes/suggest`, { traitTargets: { empathetic: 90 } });
    expectOk(ops.suggestArchetypes, res);
    expect(limitHeaders(res).limit).toBe(String(COST_LIMIT_DEFAULTS.suggest.points));
  });
});

describe("probe runs", () => {
  it("refuse the third start within the window, and start nothing", async () => {
    const persona = await createPersona(owner, { name: "Probe me", spec: buildSpec() });
    const runs = `${personaPath(owner.workspaceId, persona.id)}/probe-runs`;
    const first = await owner.api.post(runs, {});
    expectOk(ops.createProbeRun, first);
    expect(limitHeaders(first)).toMatchObject({ limit: "2", remaining: "1" });
    expectOk(ops.createProbeRun, await owner.api.post(runs, {}));
    const refused = await owner.api.post(runs, {});
    expect(expectError(refused, 429).message).toMatch(/probe runs/);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(60);
    expect(await db.probeRun.count({ where: { personaId: persona.id } })).toBe(2);
  });
});
