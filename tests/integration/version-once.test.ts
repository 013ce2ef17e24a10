import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { buildSpec, createPersona, personaPath, saveDraft, signUpWithWorkspace, type Member } from "@/tests/factories/personas";

// A draft revision is saved as a version once: a double click, a retry or 20
// concurrent "Save version" with one revision answer with the same version.

let owner: Member;

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Vic" });
});

describe("saving a revision that is already saved", () => {
  it("20 concurrent saves of one revision make one version, and every answer is that version", async () => {
    const persona = await createPersona(owner, { name: "Busy", spec: buildSpec() });
    const path = `${personaPath(owner.workspaceId, persona.id)}/versions`;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => owner.api.post(path, { message: `save ${i}`, revision: persona.revision })),
    );
    const versions = results.map((r) => expectOk(ops.createVersion, r));
    expect(new Set(versions.map((v) => v.number))).toEqual(new Set([1]));
    expect(new Set(versions.map((v) => v.message)).size).toBe(1);
    expect(await db.personaVersion.count({ where: { personaId: persona.id } })).toBe(1);
    expect(await db.activity.count({ where: { personaId: persona.id, kind: "version_saved" } })).toBe(1);
  });

  it("answers a later save of the same revision with the saved version (201, its message kept); an edit makes a new one", async () => {
    const persona = await createPersona(owner, { name: "Steady", spec: buildSpec() });
    const path = `${personaPath(owner.workspaceId, persona.id)}/versions`;
    const v1 = expectOk(ops.createVersion, await owner.api.post(path, { message: "first", revision: persona.revision }));
    const again = expectOk(ops.createVersion, await owner.api.post(path, { message: "clicked twice", revision: persona.revision }));
    expect(again).toEqual(v1);

    const edited = await saveDraft(owner, persona.id, persona.revision, { ...persona.spec, background: "Changed." });
    const v2 = expectOk(ops.createVersion, await owner.api.post(path, { message: "after the edit", revision: edited.revision }));
    expect(v2.number).toBe(2);
    const list = expectOk(ops.listVersions, await owner.api.get(path));
    expect(list.map((v) => v.message)).toEqual(["after the edit", "first"]);
  });
});
