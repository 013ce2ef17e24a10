import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { expectError, expectOk, matchRoute } from "@/tests/factories/api";
import { buildSpec, createPersona, personaPath, saveDraft, saveVersion, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Issue 16 §8: importing a file exported from a persona updates that persona
// (matched by the export id in the file, or chosen by the user) instead of
// adding a copy; another workspace's id never updates anything.

let owner: Member;
let other: Member;

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Ines" });
  other = await signUpWithWorkspace({ name: "Olek" });
});

async function exported(m: Member, personaId: string, format: string): Promise<{ fileName: string; encoding: "text" | "base64"; content: string }> {
  const url = new URL(`http://localhost:3000${personaPath(m.workspaceId, personaId)}/export?format=${format}&version=draft`);
  const { module, params } = matchRoute(url.pathname);
  const res = await module.GET!(new Request(url, { headers: { cookie: m.cookie, origin: "http://localhost:3000" } }), { params: Promise.resolve(params) });
  expect(res.status).toBe(200);
  if (format === "card-png") return { fileName: "card.png", encoding: "base64", content: Buffer.from(await res.arrayBuffer()).toString("base64") };
  return { fileName: format === "studio-json" ? "p.persona.json" : "p.card.json", encoding: "text", content: await res.text() };
}

const importAs = (m: Member, body: Record<string, unknown>) => m.api.post(`${wsPath(m.workspaceId)}/imports`, body);
const names = async (m: Member) => expectOk(ops.listPersonas, await m.api.get(`${wsPath(m.workspaceId)}/personas`, { limit: 100 })).personas.map((p) => p.name);
const versions = async (m: Member, id: string) => expectOk(ops.listVersions, await m.api.get(`${personaPath(m.workspaceId, id)}/versions`));
const activity = async (m: Member, id: string) => (await m.api.get(`${personaPath(m.workspaceId, id)}/activity`)).body as { kind: string; summary: string }[] | { items: { kind: string; summary: string }[] };
const entries = async (m: Member, id: string) => { const a = await activity(m, id); return Array.isArray(a) ? a : a.items; };

describe("import into the persona a file came from", () => {
  it.each(["studio-json", "card-v2", "card-v3", "card-png"])("a %s export carries the persona's id; importing it again updates that persona, no duplicate", async (format) => {
    const name = `Support agent ${format}`;
    const persona = await createPersona(owner, { name, spec: buildSpec({ name, archetype: "a patient support agent" }) });
    const file = await exported(owner, persona.id, format);
    // The persona moves on meanwhile; the file's text comes back as the draft.
    const edited = await saveDraft(owner, persona.id, persona.revision, buildSpec({ name, archetype: "a terse support agent" }));
    for (let i = 0; i < 3; i++) {
      const result = expectOk(ops.importPersona, await importAs(owner, file));
      expect(result.action).toBe("updated");
      expect(result.persona.id).toBe(persona.id);
      expect(result.persona.spec.archetype).toBe("a patient support agent");
      expect(result.persona.revision).toBeGreaterThan(edited.revision);
    }
    expect((await names(owner)).filter((n) => n === name)).toHaveLength(1);
    const trail = await entries(owner, persona.id);
    expect(trail.find((e) => e.kind === "imported")?.summary).toMatch(/updated the draft from/);
  });

  it("asNew creates a copy even when the id matches", async () => {
    const persona = await createPersona(owner, { name: "Copy me", spec: buildSpec({ name: "Copy me" }) });
    const result = expectOk(ops.importPersona, await importAs(owner, { ...(await exported(owner, persona.id, "studio-json")), asNew: true }));
    expect(result.action).toBe("created");
    expect(result.persona.id).not.toBe(persona.id);
  });

  it("saves only the versions the persona does not have, never a duplicate", async () => {
    const p = await createPersona(owner, { name: "Vic", spec: buildSpec({ name: "Vic", traitTargets: { skeptical: 70 } }) });
    await saveVersion(owner, p.id, p.revision, "first");
    const file = await exported(owner, p.id, "studio-json");
    // Same history: nothing to add.
    const same = expectOk(ops.importPersona, await importAs(owner, file));
    expect(same.versionsImported).toBe(0);
    expect((await versions(owner, p.id)).map((v) => v.number)).toEqual([1]);
    // A file whose history has one more version (made elsewhere): that one is appended as v2.
    const json = JSON.parse(file.content);
    const v2spec = buildSpec({ name: "Vic", archetype: "a fact-checker", traitTargets: { skeptical: 85 } });
    json.versions.push({ number: 2, message: "sharper", spec: v2spec, createdAt: new Date().toISOString(), authorName: "Elsewhere" });
    json.persona.spec = v2spec;
    const more = expectOk(ops.importPersona, await importAs(owner, { ...file, content: JSON.stringify(json) }));
    expect(more.versionsImported).toBe(1);
    const list = await versions(owner, p.id);
    expect(list.map((v) => v.number)).toEqual([2, 1]);
    expect(list[0].message).toContain("was v2 by Elsewhere");
    expect(more.persona.latestVersion).toBe(2);
    // And again: still two.
    expect(expectOk(ops.importPersona, await importAs(owner, { ...file, content: JSON.stringify(json) })).versionsImported).toBe(0);
    expect(await versions(owner, p.id)).toHaveLength(2);
    expect((await entries(owner, p.id)).some((e) => e.kind === "imported" && /saved 1 new version \(up to v2\)/.test(e.summary))).toBe(true);
  });

  it("updates a persona the user chose, at the revision they saw; a stale revision is a 409", async () => {
    const source = await createPersona(owner, { name: "Source", spec: buildSpec({ name: "Source", archetype: "from the file" }) });
    const target = await createPersona(owner, { name: "Target", spec: buildSpec({ name: "Target" }) });
    const file = await exported(owner, source.id, "card-v3");
    const ok = expectOk(ops.importPersona, await importAs(owner, { ...file, target: { personaId: target.id, revision: target.revision } }));
    expect(ok).toMatchObject({ action: "updated", persona: { id: target.id } });
    expect(ok.persona.spec.archetype).toBe("from the file");
    expectError(await importAs(owner, { ...file, target: { personaId: target.id, revision: target.revision } }), 409, "revision");
    expectError(await importAs(owner, { ...file, target: { personaId: target.id, revision: ok.persona.revision }, asNew: true }), 422, "asNew");
  });

  it("another workspace's persona id is never updated: not found as a target, ignored as an export id", async () => {
    const theirs = await createPersona(other, { name: "Theirs", spec: buildSpec({ name: "Theirs", archetype: "untouched" }) });
    const file = await exported(other, theirs.id, "studio-json");
    expectError(await importAs(owner, { ...file, target: { personaId: theirs.id, revision: theirs.revision } }), 404);
    const copy = expectOk(ops.importPersona, await importAs(owner, file));
    expect(copy.action).toBe("created");
    expect(copy.persona.id).not.toBe(theirs.id);
    const still = expectOk(ops.getPersona, await other.api.get(personaPath(other.workspaceId, theirs.id)));
    expect(still.revision).toBe(theirs.revision);
  });

  it("a plain prompt into a chosen persona becomes its prompt, keeping its name", async () => {
    const target = await createPersona(owner, { name: "Quinn", spec: buildSpec({ name: "Quinn" }) });
    const result = expectOk(ops.importPersona, await importAs(owner, { fileName: "prompt.txt", content: "You are Marguerite, a patient French tutor.", target: { personaId: target.id, revision: target.revision } }));
    expect(result.persona).toMatchObject({ id: target.id, name: "Quinn" });
    expect(result.persona.spec.promptOverride).toContain("patient French tutor");
  });

  it("older files without an export id still import as new", async () => {
    const file = { fileName: "old.persona.json", encoding: "text", content: JSON.stringify({ format: "persona-studio", formatVersion: 1, exportedAt: "2025-01-01T00:00:00Z", persona: { name: "Old", spec: buildSpec({ name: "Old" }) } }) };
    expect(expectOk(ops.importPersona, await importAs(owner, file)).action).toBe("created");
  });
});
