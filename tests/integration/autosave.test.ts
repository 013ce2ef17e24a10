import { beforeAll, describe, expect, it } from "vitest";
import { conflictDetailsSchema } from "@/lib/schemas/persona-api";
import { ops } from "@/lib/http/operations";
import { expectError, expectOk } from "@/tests/factories/api";
import { addTeammate, buildSpec, createPersona, personaPath, saveVersion, signUpWithWorkspace, type Member } from "@/tests/factories/personas";

// Two people editing one draft: the later save based on an old revision must not
// silently overwrite the other person's work.

let olive: Member;
let eddie: Awaited<ReturnType<typeof addTeammate>>;

beforeAll(async () => {
  olive = await signUpWithWorkspace({ name: "Olive" });
  eddie = await addTeammate(olive, "editor", "Eddie Editor");
});

describe("autosave", () => {
  it("bumps the revision and recompiles the prompt", async () => {
    const created = await createPersona(olive);
    expect(created.revision).toBe(1);
    const saved = expectOk(
      ops.updateDraft,
      await olive.api.patch(personaPath(olive.workspaceId, created.id), {
        revision: 1,
        spec: { ...created.spec, archetype: "a retired lighthouse keeper", traitTargets: { empathetic: 10 } },
      }),
    );
    expect(saved.revision).toBe(2);
    expect(saved.compiledPrompt.split("\n")[0]).toBe("You are a retired lighthouse keeper.");
    expect(saved.compiledPrompt).toContain("stay matter-of-fact");
    expect(saved.compiledPrompt).not.toContain("name the person's feelings");
    expect(saved).toMatchObject({ archetype: "a retired lighthouse keeper", updatedBy: "Olive", dirty: true });

    const reloaded = expectOk(ops.getPersona, await olive.api.get(personaPath(olive.workspaceId, created.id)));
    expect(reloaded).toEqual(saved);
  });

  it("says after each save whether the draft differs from the latest version (read with the save itself)", async () => {
    const created = await createPersona(olive, { name: "Versioned" });
    const path = personaPath(olive.workspaceId, created.id);
    await saveVersion(olive, created.id, created.revision, "v1");
    const edited = expectOk(ops.updateDraft, await olive.api.patch(path, { revision: created.revision, spec: { ...created.spec, notes: "an edit" } }));
    expect(edited).toMatchObject({ latestVersion: 1, dirty: true });
    const back = expectOk(ops.updateDraft, await olive.api.patch(path, { revision: edited.revision, spec: created.spec }));
    expect(back).toMatchObject({ latestVersion: 1, dirty: false, revision: edited.revision + 1 });
    expect(expectOk(ops.getPersona, await olive.api.get(path))).toEqual(back);
  });

  it("renames the persona in the list when the spec's name changes", async () => {
    const created = await createPersona(olive, { name: "Draft name" });
    await olive.api.patch(personaPath(olive.workspaceId, created.id), { revision: 1, spec: { ...created.spec, name: "Final name" } });
    const list = expectOk(ops.listPersonas, await olive.api.get(`/api/workspaces/${olive.workspaceId}/personas`));
    expect(list.personas.find((p) => p.id === created.id)?.name).toBe("Final name");
  });

  it("rejects a stale save with 409, returns the other person's draft, and keeps it", async () => {
    const created = await createPersona(olive);
    const path = personaPath(olive.workspaceId, created.id);

    // Both open revision 1. Eddie saves first.
    const eddieSpec = buildSpec({ background: "Eddie's rewrite of the background." });
    expectOk(ops.updateDraft, await eddie.api.patch(path, { revision: 1, spec: eddieSpec }));

    // Olive's autosave still carries revision 1.
    const oliveSpec = buildSpec({ background: "Olive's text that must not win silently." });
    const error = expectError(await olive.api.patch(path, { revision: 1, spec: oliveSpec }), 409, "revision");
    expect(error.message).toContain("Eddie Editor");
    const { current } = conflictDetailsSchema.parse(error.details);
    expect(current.revision).toBe(2);
    expect(current.updatedBy).toBe("Eddie Editor");
    expect(current.spec.background).toBe("Eddie's rewrite of the background.");

    const stored = expectOk(ops.getPersona, await olive.api.get(path));
    expect(stored.revision).toBe(2);
    expect(stored.spec.background).toBe("Eddie's rewrite of the background.");
    expect(stored.compiledPrompt).not.toContain("Olive's text");

    // Having seen the conflict, Olive can save on top of revision 2.
    const resolved = expectOk(ops.updateDraft, await olive.api.patch(path, { revision: current.revision, spec: oliveSpec }));
    expect(resolved).toMatchObject({ revision: 3, updatedBy: "Olive" });
    expect(resolved.spec.background).toBe("Olive's text that must not win silently.");
  });

  it("rejects a revision from the future as stale too", async () => {
    const created = await createPersona(olive);
    expectError(await olive.api.patch(personaPath(olive.workspaceId, created.id), { revision: 7, spec: created.spec }), 409);
  });

  it("refuses to save an archived persona (409, nothing written) and a deleted one (404)", async () => {
    const created = await createPersona(olive, { name: "Shelved" });
    const path = personaPath(olive.workspaceId, created.id);
    const archived = expectOk(ops.archivePersona, await olive.api.post(`${path}/archive`, { archived: true }));
    const refused = expectError(await olive.api.patch(path, { revision: archived.revision, spec: { ...created.spec, background: "Changed." } }), 409);
    expect(refused.message).toContain("archived");
    const after = expectOk(ops.getPersona, await olive.api.get(path));
    expect(after).toMatchObject({ revision: archived.revision, status: "archived" });
    expect(after.spec.background).toBe(created.spec.background);
    expectOk(ops.archivePersona, await olive.api.post(`${path}/archive`, { archived: false }));
    expect(await olive.api.delete(path)).toMatchObject({ status: 204 });
    expectError(await olive.api.patch(path, { revision: after.revision, spec: created.spec }), 404);
  });

  it("folds a burst of one person's saves into the trail's newest entry, and only that (read with the save itself)", async () => {
    const created = await createPersona(olive, { name: "Trail" });
    const path = personaPath(olive.workspaceId, created.id);
    const save = async (who: Member | typeof eddie, revision: number, spec: typeof created.spec) =>
      expectOk(ops.updateDraft, await who.api.patch(path, { revision, spec }));
    let saved = await save(olive, created.revision, { ...created.spec, background: "One." });
    saved = await save(olive, saved.revision, { ...saved.spec, voice: { ...saved.spec.voice, tone: "dry" } });
    saved = await save(eddie, saved.revision, { ...saved.spec, background: "Two." });
    saved = await save(olive, saved.revision, { ...saved.spec, background: "Three." });
    saved = await save(olive, saved.revision, { ...saved.spec, values: ["candour"] });
    const trail = expectOk(ops.listActivity, await olive.api.get(`${path}/activity`));
    expect(trail.map((a) => [a.kind, a.actor.name, a.count, a.summary])).toEqual([
      // Olive's edit after Eddie's is a new entry (Eddie's is newest then), which her next save folds into.
      ["edited", "Olive", 2, "edited the draft: background, values"],
      ["edited", "Eddie Editor", 1, "edited the draft: background"],
      ["edited", "Olive", 2, "edited the draft: background, voice"],
      ["created", "Olive", 1, expect.any(String)],
    ]);
  });
});
