import { beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { ops } from "@/lib/http/operations";
import { expectError, expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { buildSpec, createPersona, personaPath, saveDraft, saveVersion, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

let owner: Member;
const ids: Record<string, string> = {};

const list = async (query: Record<string, string> = {}) =>
  expectOk(ops.listPersonas, await owner.api.get(`${wsPath(owner.workspaceId)}/personas`, query));
/** Keeps the shared list as the other tests expect it, even when a test fails midway. */
const removeAll = async (personaIds: string[]) => {
  for (const id of personaIds) await owner.api.delete(personaPath(owner.workspaceId, id));
};
const names = async (query: Record<string, string> = {}) => (await list(query)).personas.map((p) => p.name);

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Lena" });
  for (const [name, archetype] of [
    ["Nurse Ada", "a veteran ER triage nurse"],
    ["Captain Brine", "a grumpy ferry captain"],
    ["Zed", "a skeptical science journalist"],
    ["Old Mentor", "a retired ICU nurse who now teaches"],
  ]) {
    ids[name] = (await createPersona(owner, { name, archetype })).id;
  }
  expectOk(ops.archivePersona, await owner.api.post(`${personaPath(owner.workspaceId, ids["Old Mentor"])}/archive`, { archived: true }));
});

describe("listing personas", () => {
  it("hides archived personas by default and shows them with status=archived or all", async () => {
    expect((await names()).sort()).toEqual(["Captain Brine", "Nurse Ada", "Zed"]);
    expect(await names({ status: "archived" })).toEqual(["Old Mentor"]);
    expect(await names({ status: "all" })).toHaveLength(4);
  });

  it("searches in the name", async () => {
    expect(await names({ q: "brine" })).toEqual(["Captain Brine"]);
  });

  it("searches in the archetype", async () => {
    expect((await names({ q: "nurse" })).sort()).toEqual(["Nurse Ada"]);
    expect((await names({ q: "nurse", status: "all" })).sort()).toEqual(["Nurse Ada", "Old Mentor"]);
    expect(await names({ q: "journalist" })).toEqual(["Zed"]);
  });

  it("treats % and _ in a search as plain characters, not wildcards", async () => {
    const percent = await createPersona(owner, { name: "100% honest" });
    const snake = await createPersona(owner, { name: "snake_case fan" });
    onTestFinished(() => removeAll([percent.id, snake.id]));
    expect(await names({ q: "%" })).toEqual(["100% honest"]);
    expect(await names({ q: "_" })).toEqual(["snake_case fan"]);
    expect(await names({ q: "e_c" })).toEqual(["snake_case fan"]);
  });

  it("answers every search by its own words when the statement's plan is kept (PostgreSQL: after five runs of a prepared statement)", async () => {
    const expected: [string, string[]][] = [["nurse", ["Nurse Ada"]], ["brine", ["Captain Brine"]], ["journal", ["Zed"]], ["astronaut", []], ["ze", ["Zed"]]];
    for (let round = 0; round < 3; round++) {
      for (const [q, want] of expected) expect(await names({ q }), `round ${round}, "${q}"`).toEqual(want);
    }
  });

  it("returns nothing for a search that matches nothing", async () => {
    expect(await names({ q: "astronaut" })).toEqual([]);
  });

  it("sorts by name alphabetically", async () => {
    expect(await names({ sort: "name" })).toEqual(["Captain Brine", "Nurse Ada", "Zed"]);
  });

  it("sorts by last update by default, most recent first", async () => {
    await owner.api.patch(personaPath(owner.workspaceId, ids["Captain Brine"]), {
      revision: 1, spec: buildSpec({ name: "Captain Brine", archetype: "a cheerful ferry captain" }),
    });
    expect((await names())[0]).toBe("Captain Brine");
  });

  it("summarises each persona for the list (counts, status, who edited)", async () => {
    const [ada] = (await list({ q: "Nurse Ada" })).personas;
    expect(ada).toMatchObject({ slug: "nurse-ada", status: "draft", revision: 1, latestVersion: 0, traitCount: 0, updatedBy: "Lena" });
  });

  it("gives two personas with the same name different slugs", async () => {
    const twin = await createPersona(owner, { name: "Nurse Ada" });
    onTestFinished(() => removeAll([twin.id]));
    expect(twin.slug).toBe("nurse-ada-2");
  });
});

describe("archiving", () => {
  it("freezes the draft: saving or restoring into an archived persona answers 409 until it is unarchived", async () => {
    const p = await createPersona(owner, { name: "To be archived" });
    const path = personaPath(owner.workspaceId, p.id);
    const archived = expectOk(ops.archivePersona, await owner.api.post(`${path}/archive`, { archived: true }));
    expect(archived.status).toBe("archived");

    expectError(await owner.api.patch(path, { revision: archived.revision, spec: { ...p.spec, background: "edit" } }), 409);
    expect(expectOk(ops.getPersona, await owner.api.get(path)).spec.background).toBe("");

    await saveVersion(owner, p.id, archived.revision, "before archiving");
    expectError(await owner.api.post(`${path}/versions/1/restore`, { revision: archived.revision }), 409);
    expect(expectOk(ops.getPersona, await owner.api.get(path)).revision).toBe(archived.revision);

    const back = expectOk(ops.archivePersona, await owner.api.post(`${path}/archive`, { archived: false }));
    expect(back.status).toBe("draft");
    const saved = expectOk(ops.updateDraft, await owner.api.patch(path, { revision: back.revision, spec: { ...p.spec, background: "edit" } }));
    expect(saved.spec.background).toBe("edit");
  });

  it("does not count archived personas in the list's count", async () => {
    const active = await list();
    expect(active.count).toBe(active.personas.length);
    expect(active.personas.map((p) => p.status)).not.toContain("archived");
    expect((await list({ status: "all" })).count).toBe(active.personas.length + 1);
  });
});

describe("deleting", () => {
  it("removes the persona and all of its versions", async () => {
    const p = await createPersona(owner, { name: "Short-lived" });
    const path = personaPath(owner.workspaceId, p.id);
    await saveVersion(owner, p.id, p.revision, "v1");
    const edited = await saveDraft(owner, p.id, p.revision, buildSpec({ name: "Short-lived", archetype: "A night-shift pharmacist" }));
    await saveVersion(owner, p.id, edited.revision, "v2");
    expect(await db.personaVersion.count({ where: { personaId: p.id } })).toBe(2);

    const res = await owner.api.delete(path);
    expect(res.status).toBe(204);
    expectOk(ops.deletePersona, res);

    expectError(await owner.api.get(path), 404);
    expectError(await owner.api.get(`${path}/versions`), 404);
    expectError(await owner.api.get(`${path}/versions/1`), 404);
    expectError(await owner.api.delete(path), 404);
    expect(await names({ status: "all", q: "Short-lived" })).toEqual([]);
    expect(await db.personaVersion.count({ where: { personaId: p.id } })).toBe(0);
  });
});
