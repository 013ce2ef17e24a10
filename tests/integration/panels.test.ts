import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import type { PanelConflictDetails } from "@/lib/schemas/panel";
import { expectError, expectOk } from "@/tests/factories/api";
import { snapshotDb } from "@/tests/factories/db";
import { addTeammate, buildSpec, createPersona, saveVersion, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Panels: CRUD, roles, a stale save (409 with the current panel), versions,
// another workspace's panel, and members/seats that must belong to this workspace.

let owner: Member;
let editor: Awaited<ReturnType<typeof addTeammate>>;
let viewer: Awaited<ReturnType<typeof addTeammate>>;
let outsider: Member;
let ada: { id: string };
let ben: { id: string };
let providerId: string;

const panels = () => `${wsPath(owner.workspaceId)}/panels`;
const panel = (id: string) => `${panels()}/${id}`;

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Panel Owner" });
  editor = await addTeammate(owner, "editor");
  viewer = await addTeammate(owner, "viewer");
  outsider = await signUpWithWorkspace({ name: "Outsider" });
  const a = await createPersona(owner, { name: "Ada", spec: buildSpec({ name: "Ada", archetype: "Night nurse" }) });
  await saveVersion(owner, a.id, a.revision, "first");
  ada = a;
  ben = await createPersona(owner, { name: "Ben", spec: buildSpec({ name: "Ben", archetype: "Sceptical engineer" }) });
  providerId = expectOk(ops.createProvider, await owner.api.post(`${wsPath(owner.workspaceId)}/providers`, { name: "OpenRouter", preset: "openrouter", baseUrl: "http://127.0.0.1:9/v1", defaultModel: "m" })).id;
});

function boardSpec() {
  return {
    members: [
      { key: "ada", personaId: ada.id, version: 1 as const },
      { key: "ben", personaId: ben.id, version: "latest" as const, label: "Benjamin" },
    ],
    polarityPairs: [{ a: "ada", b: "ben", axis: { trait: "empathetic" }, direction: "a_higher" as const }],
    plans: {
      single: { seats: { ada: { providerId: "simulator", model: "persona-sim-1" }, ben: { providerId: "simulator", model: "persona-sim-1" } } },
      routed: { seats: { ada: { providerId, model: "gpt-4o-mini" }, ben: { providerId: "simulator", model: "persona-sim-2" } } },
    },
    activePlan: "routed" as const,
  };
}

describe("create, read, list, delete", () => {
  it("an editor creates a panel; members are served resolved on the active plan's seats", async () => {
    const created = expectOk(ops.createPanel, await editor.api.post(panels(), { name: "Review board", description: "Two voices", spec: boardSpec() }));
    expect(created).toMatchObject({ name: "Review board", slug: "review-board", memberCount: 2, revision: 1, latestVersion: 0, updatedBy: editor.name });
    expect(created.members).toEqual([
      expect.objectContaining({ key: "ada", name: "Ada", archetype: "Night nurse", seat: { providerId, model: "gpt-4o-mini" }, seatLabel: "OpenRouter · gpt-4o-mini", missing: false }),
      expect.objectContaining({ key: "ben", name: "Benjamin", archetype: "Sceptical engineer", seatLabel: "Simulator — not a language model · persona-sim-2", missing: false }),
    ]);
    const read = expectOk(ops.getPanel, await viewer.api.get(panel(created.id)));
    expect(read.spec.polarityPairs).toEqual(boardSpec().polarityPairs);
    const list = expectOk(ops.listPanels, await viewer.api.get(panels()));
    expect(list.map((p) => p.id)).toContain(created.id);
  });

  it("a member with no seat in the active plan sits on the workspace default", async () => {
    const spec = { ...boardSpec(), activePlan: "single" as const, plans: { single: { seats: { ada: { providerId: "simulator", model: "persona-sim-3" } } } } };
    const created = expectOk(ops.createPanel, await owner.api.post(panels(), { name: "Half seated", spec }));
    expect(created.members.map((m) => [m.seat, m.seatLabel])).toEqual([
      [{ providerId: "simulator", model: "persona-sim-3" }, "Simulator — not a language model · persona-sim-3"],
      [null, "Workspace default"],
    ]);
  });

  it("marks a member missing once its persona is deleted", async () => {
    const gone = await createPersona(owner, { name: "Gone", spec: buildSpec({ name: "Gone" }) });
    const created = expectOk(ops.createPanel, await owner.api.post(panels(), { name: "Fragile", spec: { members: [{ key: "gone", personaId: gone.id, version: "latest" }] } }));
    await owner.api.delete(`${wsPath(owner.workspaceId)}/personas/${gone.id}`);
    const read = expectOk(ops.getPanel, await owner.api.get(panel(created.id)));
    expect(read.members[0]).toMatchObject({ key: "gone", missing: true, name: "gone" });
  });

  it("viewers read but cannot create, edit or delete; the panel is untouched", async () => {
    const created = expectOk(ops.createPanel, await owner.api.post(panels(), { name: "Guarded" }));
    const before = await snapshotDb();
    expectError(await viewer.api.post(panels(), { name: "Nope" }), 403);
    expectError(await viewer.api.patch(panel(created.id), { revision: 1, name: "Nope" }), 403);
    expectError(await viewer.api.delete(panel(created.id)), 403);
    expectError(await viewer.api.post(`${panel(created.id)}/versions`, { message: "x", revision: 1 }), 403);
    expect(await snapshotDb()).toEqual(before);
    expectOk(ops.getPanel, await viewer.api.get(panel(created.id)));
  });

  it("an editor deletes a panel; its personas stay", async () => {
    const created = expectOk(ops.createPanel, await owner.api.post(panels(), { name: "Short lived", spec: { members: [{ key: "ada", personaId: ada.id, version: "latest" }] } }));
    expect((await editor.api.delete(panel(created.id))).status).toBe(204);
    expectError(await owner.api.get(panel(created.id)), 404);
    expectOk(ops.getPersona, await owner.api.get(`${wsPath(owner.workspaceId)}/personas/${ada.id}`));
  });
});

describe("saving with a revision", () => {
  it("a stale save is 409 with the current panel, and the newer save is kept", async () => {
    const created = expectOk(ops.createPanel, await owner.api.post(panels(), { name: "Contested", spec: boardSpec() }));
    const first = expectOk(ops.updatePanel, await owner.api.patch(panel(created.id), { revision: 1, name: "Owner's name" }));
    expect(first.revision).toBe(2);
    const error = expectError(await editor.api.patch(panel(created.id), { revision: 1, name: "Editor's name", description: "mine" }), 409, "revision");
    const details = error.details as PanelConflictDetails;
    expect(details.current).toMatchObject({ revision: 2, name: "Owner's name", updatedBy: owner.name });
    expect(details.current.spec.members.map((m) => m.key)).toEqual(["ada", "ben"]);
    const now = expectOk(ops.getPanel, await owner.api.get(panel(created.id)));
    expect(now).toMatchObject({ name: "Owner's name", description: "", revision: 2 });
    // Choosing to keep the editor's text: save again on the current revision.
    expectOk(ops.updatePanel, await editor.api.patch(panel(created.id), { revision: 2, name: "Editor's name" }));
  });

  it("refuses a spec whose members are not personas of this workspace, or whose pinned version does not exist", async () => {
    const created = expectOk(ops.createPanel, await owner.api.post(panels(), { name: "Strict" }));
    const theirs = await createPersona(outsider, { name: "Theirs", spec: buildSpec({ name: "Theirs" }) });
    const before = await snapshotDb();
    const refuse = async (spec: unknown, field: string) => {
      const error = expectError(await owner.api.patch(panel(created.id), { revision: 1, spec }), 422, field);
      expect(error.message).toContain(field);
    };
    await refuse({ members: [{ key: "ada", personaId: ada.id, version: "latest" }, { key: "x", personaId: theirs.id, version: "latest" }] }, "spec.members.1.personaId");
    await refuse({ members: [{ key: "ben", personaId: ben.id, version: 3 }] }, "spec.members.0.version");
    await refuse({ members: [{ key: "ada", personaId: ada.id, version: 1 }], plans: { routed: { seats: { ada: { providerId: "someone-elses", model: "m" } } } } }, "spec.plans.routed.seats.ada.providerId");
    expectError(await owner.api.post(panels(), { name: "Strict 2", spec: { members: [{ key: "x", personaId: theirs.id, version: "latest" }] } }), 422, "spec.members.0.personaId");
    expect(await snapshotDb()).toEqual(before);
  });

  it("accepts \"env\" and \"simulator\" seats", async () => {
    const created = expectOk(ops.createPanel, await owner.api.post(panels(), { name: "Built-ins", spec: { members: [{ key: "ada", personaId: ada.id, version: "latest" }], plans: { single: { seats: { ada: { providerId: "env", model: "gpt-4o-mini" } } } } } }));
    expect(created.members[0].seatLabel).toBe("Environment (OPENAI_*) · gpt-4o-mini");
  });
});

describe("versions", () => {
  it("snapshots the panel; the same revision twice gives the version already made; a stale revision is 409", async () => {
    const created = expectOk(ops.createPanel, await owner.api.post(panels(), { name: "Versioned", spec: boardSpec() }));
    const v1 = expectOk(ops.createPanelVersion, await owner.api.post(`${panel(created.id)}/versions`, { message: "First cut", revision: 1 }));
    expect(v1).toMatchObject({ number: 1, message: "First cut", authorName: owner.name });
    expect(v1.spec.members).toHaveLength(2);
    const again = expectOk(ops.createPanelVersion, await editor.api.post(`${panel(created.id)}/versions`, { message: "Double click", revision: 1 }));
    expect(again).toMatchObject({ number: 1, message: "First cut" });
    expectOk(ops.updatePanel, await owner.api.patch(panel(created.id), { revision: 1, spec: { ...boardSpec(), polarityPairs: [] } }));
    expectError(await owner.api.post(`${panel(created.id)}/versions`, { message: "Stale", revision: 1 }), 409, "revision");
    const v2 = expectOk(ops.createPanelVersion, await owner.api.post(`${panel(created.id)}/versions`, { message: "No pairs", revision: 2 }));
    expect(v2.number).toBe(2);
    expect(v2.spec.polarityPairs).toEqual([]);
    const list = expectOk(ops.listPanelVersions, await viewer.api.get(`${panel(created.id)}/versions`));
    expect(list.map((v) => [v.number, v.message])).toEqual([[2, "No pairs"], [1, "First cut"]]);
    expect(expectOk(ops.getPanel, await owner.api.get(panel(created.id))).latestVersion).toBe(2);
  });
});

describe("another workspace", () => {
  it("cannot see, edit, version, export or delete the panel: 404, nothing changes", async () => {
    const created = expectOk(ops.createPanel, await owner.api.post(panels(), { name: "Private board", spec: boardSpec() }));
    const before = await snapshotDb();
    const theirs = `${wsPath(outsider.workspaceId)}/panels/${created.id}`;
    for (const path of [panel(created.id), theirs]) {
      expectError(await outsider.api.get(path), 404);
      expectError(await outsider.api.patch(path, { revision: 1, name: "Taken" }), 404);
      expectError(await outsider.api.delete(path), 404);
      expectError(await outsider.api.post(`${path}/versions`, { message: "x", revision: 1 }), 404);
      expectError(await outsider.api.get(`${path}/export-council`), 404);
    }
    expect(expectOk(ops.listPanels, await outsider.api.get(`${wsPath(outsider.workspaceId)}/panels`))).toEqual([]);
    expect(await snapshotDb()).toEqual(before);
  });
});
