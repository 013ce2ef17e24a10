import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { PROBE_TOPICS } from "@/lib/probing/traits/types";
import { expectError, expectOk } from "@/tests/factories/api";
import { buildCustomTrait } from "@/tests/factories/custom-traits";
import { snapshotDb } from "@/tests/factories/db";
import { addTeammate, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Custom traits: the model drafts from one line, the designer edits and saves, every save is a version.

let owner: Member;
let other: Member;
let badModel: Server;
let badModelUrl: string;

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Tess" });
  other = await signUpWithWorkspace({ name: "Otto" });
  // An OpenAI-compatible endpoint whose structured output is valid JSON of the wrong shape.
  badModel = createServer((_req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({
      id: "x", object: "chat.completion", created: 0, model: "m",
      choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content: JSON.stringify({ name: "Half a trait", items: [] }) } }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    }));
  });
  await new Promise<void>((r) => badModel.listen(0, "127.0.0.1", r));
  badModelUrl = `http://127.0.0.1:${(badModel.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  badModel.closeAllConnections();
  await new Promise((r) => badModel.close(r));
});

const base = (m: Member) => `${wsPath(m.workspaceId)}/custom-traits`;

describe("drafting with the model", () => {
  it("drafts name, key, poles, 12+ items over all six topics and an anchored rubric from one line (simulator)", async () => {
    const draft = expectOk(ops.draftCustomTrait, await owner.api.post(`${base(owner)}/draft`, { description: "Celebrates small wins before pointing out what is missing" }));
    expect(draft).toMatchObject({ simulated: true, name: "Celebrates small wins before", key: "celebrates_small_wins_before" });
    expect(draft.items.length).toBeGreaterThanOrEqual(12);
    expect(new Set(draft.items.map((i) => i.topic))).toEqual(new Set(PROBE_TOPICS));
    expect(draft.high).toMatch(/celebrates small wins/);
    expect(Object.keys(draft.rubric.anchors).sort()).toEqual(["0", "100", "50"]);
  });

  it("stores nothing: a draft is only saved when the designer saves it", async () => {
    const before = await snapshotDb();
    expectOk(ops.draftCustomTrait, await owner.api.post(`${base(owner)}/draft`, { description: "Asks one clarifying question first" }));
    expect(await snapshotDb()).toEqual(before);
  });

  it("answers 502 naming the problem when the model's draft has the wrong shape", async () => {
    const provider = expectOk(ops.createProvider, await owner.api.post(`${wsPath(owner.workspaceId)}/providers`, { name: "Sloppy", baseUrl: badModelUrl, defaultModel: "m" }));
    const res = await owner.api.post(`${base(owner)}/draft`, { description: "Stays calm", providerId: provider.id });
    const error = expectError(res, 502);
    expect(error.code).toBe("upstream");
    expect(error.message).toMatch(/draft did not match/);
  });
});

describe("saving versions", () => {
  it("saves a draft as edited: version 1, then version 2 of the same key; the list shows the latest", async () => {
    const draft = expectOk(ops.draftCustomTrait, await owner.api.post(`${base(owner)}/draft`, { description: "Keeps promises small and specific" }));
    const { simulated: _s, providerLabel: _p, model: _m, ...fields } = draft;
    const v1 = expectOk(ops.saveCustomTrait, await owner.api.post(base(owner), { ...fields, key: "small_promises" }));
    expect(v1).toMatchObject({ key: "small_promises", version: 1, createdBy: "Tess" });
    const v2 = expectOk(ops.saveCustomTrait, await owner.api.post(base(owner), { ...fields, key: "small_promises", name: "Small, specific promises" }));
    expect(v2.version).toBe(2);

    const list = expectOk(ops.listCustomTraits, await owner.api.get(base(owner)));
    expect(list.filter((t) => t.key === "small_promises")).toEqual([expect.objectContaining({ version: 2, name: "Small, specific promises" })]);
    const versions = expectOk(ops.listCustomTraitVersions, await owner.api.get(`${base(owner)}/small_promises/versions`));
    expect(versions.map((v) => [v.version, v.name])).toEqual([[2, "Small, specific promises"], [1, fields.name]]);
    expect(versions[1].items).toEqual(fields.items);
  });

  it("refuses a built-in trait's key with 422 on 'key' and stores nothing", async () => {
    const before = await snapshotDb();
    const error = expectError(await owner.api.post(base(owner), buildCustomTrait({ key: "firm" })), 422, "key");
    expect(error.message).toMatch(/built-in/);
    expect(await snapshotDb()).toEqual(before);
  });

  it("answers 404 for the versions of a key nobody saved", async () => {
    expectError(await owner.api.get(`${base(owner)}/never_saved/versions`), 404);
  });

  it("keeps each workspace's traits to itself, even under the same key", async () => {
    expectOk(ops.saveCustomTrait, await other.api.post(base(other), buildCustomTrait({ key: "shared_name" })));
    expectOk(ops.saveCustomTrait, await owner.api.post(base(owner), buildCustomTrait({ key: "shared_name" })));
    const mine = expectOk(ops.listCustomTraitVersions, await owner.api.get(`${base(owner)}/shared_name/versions`));
    expect(mine.map((v) => v.version)).toEqual([1]);
    const theirs = expectOk(ops.listCustomTraits, await other.api.get(base(other)));
    expect(theirs.map((t) => t.key)).toEqual(["shared_name"]);
  });
});

describe("roles", () => {
  it("lets a viewer read custom traits but not draft or save them", async () => {
    expectOk(ops.saveCustomTrait, await owner.api.post(base(owner), buildCustomTrait({ key: "for_viewers" })));
    const viewer = await addTeammate(owner, "viewer");
    expect(expectOk(ops.listCustomTraits, await viewer.api.get(base(owner))).map((t) => t.key)).toContain("for_viewers");
    expectOk(ops.listCustomTraitVersions, await viewer.api.get(`${base(owner)}/for_viewers/versions`));
    expectError(await viewer.api.post(`${base(owner)}/draft`, { description: "Anything at all" }), 403);
    expectError(await viewer.api.post(base(owner), buildCustomTrait({ key: "viewer_made" })), 403);
  });
});
