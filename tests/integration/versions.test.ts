import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import type { PersonaDetail } from "@/lib/schemas/persona-api";
import { expectError, expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { buildSpec, createPersona, personaPath, saveDraft, saveVersion, signUpWithWorkspace, type Member } from "@/tests/factories/personas";

let owner: Member;
let path: string;
let v1Spec: PersonaDetail["spec"];
let draft: PersonaDetail;

// A persona with version 1 (the nurse), version 2 (archetype changed, a trait added)
// and a draft edited after version 2.
beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Vera" });
  const created = await createPersona(owner, { name: "Nurse Ada", spec: buildSpec({ traitTargets: { empathetic: 80 } }) });
  path = personaPath(owner.workspaceId, created.id);
  v1Spec = created.spec;
  await saveVersion(owner, created.id, created.revision, "First cut");
  const edited = await saveDraft(owner, created.id, created.revision, {
    ...created.spec, archetype: "a veteran ICU nurse", traitTargets: { empathetic: 80, firm: 90 },
  });
  await saveVersion(owner, created.id, edited.revision, "ICU, firmer");
  draft = await saveDraft(owner, created.id, edited.revision, { ...edited.spec, background: "Now teaches new nurses." });
});

describe("saving versions", () => {
  it("numbers versions and lists them newest first with message and author", async () => {
    const list = expectOk(ops.listVersions, await owner.api.get(`${path}/versions`));
    expect(list.map((v) => [v.number, v.message, v.authorName])).toEqual([
      [2, "ICU, firmer", "Vera"],
      [1, "First cut", "Vera"],
    ]);
  });

  it("marks the draft dirty when it differs from the latest version, and clean right after saving one", async () => {
    expect(draft.latestVersion).toBe(2);
    expect(draft.dirty).toBe(true);
    const other = await createPersona(owner, { name: "Clean one" });
    await saveVersion(owner, other.id, other.revision, "v1");
    expect(expectOk(ops.getPersona, await owner.api.get(personaPath(owner.workspaceId, other.id))).dirty).toBe(false);
  });

  it("keeps version 1 exactly as saved after later edits (versions are immutable)", async () => {
    const v1 = expectOk(ops.getVersion, await owner.api.get(`${path}/versions/1`));
    expect(v1.spec).toEqual(v1Spec);
    expect(v1.message).toBe("First cut");
    expect(v1.compiledPrompt.split("\n")[0]).toBe("You are a veteran ER triage nurse.");
    // The firm trait was only added for version 2.
    expect(v1.compiledPrompt).not.toContain("state limits plainly");
  });

  it("refuses to snapshot a stale revision (409) and writes no version", async () => {
    const countBefore = await db.personaVersion.count();
    const error = expectError(await owner.api.post(`${path}/versions`, { message: "from an old tab", revision: draft.revision - 1 }), 409);
    expect(error.details).toMatchObject({ current: { revision: draft.revision } });
    expect(await db.personaVersion.count()).toBe(countBefore);
  });
});

describe("diff", () => {
  it("shows the changed archetype, the added trait and the changed prompt lines between 1 and 2", async () => {
    const diff = expectOk(ops.diff, await owner.api.get(`${path}/diff`, { from: 1, to: 2 }));
    expect(diff.from).toBe(1);
    expect(diff.to).toBe(2);
    expect(diff.fields.map((f) => [f.path, f.kind])).toEqual([
      ["archetype", "changed"],
      ["traitTargets.firm", "added"],
    ]);
    expect(diff.fields[0]).toMatchObject({ before: "a veteran ER triage nurse", after: "a veteran ICU nurse" });
    expect(diff.prompt.linesAdded).toBeGreaterThanOrEqual(2);
    expect(diff.prompt.linesRemoved).toBeGreaterThanOrEqual(1);
    const added = diff.prompt.parts.filter((p) => p.added).map((p) => p.value).join("");
    expect(added).toContain("You are a veteran ICU nurse.");
    expect(added).toContain("state limits plainly");
  });

  it("compares a version with the draft when 'to' is left out", async () => {
    const diff = expectOk(ops.diff, await owner.api.get(`${path}/diff`, { from: 2 }));
    expect(diff.to).toBe("draft");
    expect(diff.fields).toEqual([expect.objectContaining({ path: "background", kind: "changed", after: "Now teaches new nurses." })]);
    expect(diff.prompt).toMatchObject({ linesAdded: 1, linesRemoved: 1 });
  });

  it("reports no changes between a version and itself", async () => {
    const diff = expectOk(ops.diff, await owner.api.get(`${path}/diff`, { from: 1, to: 1 }));
    expect(diff.fields).toEqual([]);
    expect(diff.prompt).toMatchObject({ linesAdded: 0, linesRemoved: 0 });
  });
});

describe("restore", () => {
  it("refuses a stale revision (409) and leaves the draft alone", async () => {
    const current = expectOk(ops.getPersona, await owner.api.get(path));
    expectError(await owner.api.post(`${path}/versions/1/restore`, { revision: current.revision - 1 }), 409, "revision");
    expect(expectOk(ops.getPersona, await owner.api.get(path))).toEqual(current);
  });

  it("copies version 1 into the draft as a new revision, keeping the history", async () => {
    const current = expectOk(ops.getPersona, await owner.api.get(path));
    const restored = expectOk(ops.restoreVersion, await owner.api.post(`${path}/versions/1/restore`, { revision: current.revision }));
    expect(restored.revision).toBe(current.revision + 1);
    expect(restored.spec).toEqual(v1Spec);
    expect(restored.archetype).toBe("a veteran ER triage nurse");
    expect(restored.latestVersion).toBe(2);

    const v1 = expectOk(ops.getVersion, await owner.api.get(`${path}/versions/1`));
    expect(restored.compiledPrompt).toBe(v1.compiledPrompt);
    expect(expectOk(ops.listVersions, await owner.api.get(`${path}/versions`))).toHaveLength(2);
    const diff = expectOk(ops.diff, await owner.api.get(`${path}/diff`, { from: 1, to: "draft" }));
    expect(diff.fields).toEqual([]);
  });
});
