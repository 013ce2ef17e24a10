import { readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { importPngCard } from "@/lib/interop";
import { expectError, expectOk, send } from "@/tests/factories/api";
import { snapshotDb } from "@/tests/factories/db";
import { buildSpec, createPersona, personaPath, saveDraft, saveVersion, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Import and export through the routes, with real files written by hand the
// way other tools write them (tests/fixtures/interop).

const fixture = (name: string) => readFileSync(path.join(process.cwd(), "tests/fixtures/interop", name));
let owner: Member;

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Ines" });
});

async function importFile(fileName: string, binary = false) {
  const bytes = fixture(fileName);
  return owner.api.post(`${wsPath(owner.workspaceId)}/imports`, binary
    ? { fileName, encoding: "base64", content: bytes.toString("base64") }
    : { fileName, encoding: "text", content: bytes.toString("utf8") });
}

async function download(personaId: string, query: Record<string, string | number>) {
  const url = new URL(`http://localhost:3000${personaPath(owner.workspaceId, personaId)}/export`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, String(v));
  const { matchRoute } = await import("@/tests/factories/api");
  const { module, params } = matchRoute(url.pathname);
  const res = await module.GET!(new Request(url, { headers: { cookie: owner.cookie, origin: "http://localhost:3000" } }), { params: Promise.resolve(params) });
  return res;
}

describe("importing", () => {
  it("imports a V2 PNG card, maps its fields and keeps what it does not map", async () => {
    const result = expectOk(ops.importPersona, await importFile("card-v2.png", true));
    expect(result).toMatchObject({ format: "png-card", cardVersion: "v2", versionsImported: 0 });
    expect(result.persona.name).toBe("Zoë");
    expect(result.persona.spec.archetype).toContain("warm, wry and unhurried");
    expect(result.persona.spec.background).toContain("東京");
    expect(result.persona.spec.traitTargets).toEqual({});
    expect(result.keptFields).toEqual(expect.arrayContaining(["first_mes", "alternate_greetings", "character_book", "extensions"]));

    // Re-exported as a V2 card, every field it did not map is still there.
    const res = await download(result.persona.id, { format: "card-v2", version: "draft" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(".card-v2.json");
    const card = await res.json();
    const original = JSON.parse(fixture("card-v2.json").toString("utf8"));
    expect(card.spec).toBe("chara_card_v2");
    expect(card.data.character_book).toEqual(original.data.character_book);
    expect(card.data.alternate_greetings).toEqual(original.data.alternate_greetings);
    for (const key of Object.keys(original.data.extensions)) expect(card.data.extensions[key], key).toEqual(original.data.extensions[key]);
    expect(card.data.extensions.persona_studio.spec.name).toBe("Zoë");
  });

  it("round-trips through a PNG card export, non-ASCII intact", async () => {
    const persona = await createPersona(owner, { name: "Zoë 東京 🌙", spec: buildSpec({ name: "Zoë 東京 🌙", traitTargets: { warm: 80 } }) });
    const res = await download(persona.id, { format: "card-png" });
    expect(res.headers.get("content-type")).toBe("image/png");
    const png = new Uint8Array(await res.arrayBuffer());
    expect(importPngCard(png).spec).toEqual(persona.spec);
    const back = expectOk(ops.importPersona, await owner.api.post(`${wsPath(owner.workspaceId)}/imports`, { fileName: "again.png", encoding: "base64", content: Buffer.from(png).toString("base64") }));
    expect(back.persona.spec).toEqual(persona.spec);
  });

  it("imports a V3 card and a V1 card", async () => {
    expect(expectOk(ops.importPersona, await importFile("card-v3.json")).cardVersion).toBe("v3");
    expect(expectOk(ops.importPersona, await importFile("card-v1.json")).cardVersion).toBe("v1");
  });

  it("imports a plain prompt as the prompt override, inferring nothing", async () => {
    const result = expectOk(ops.importPersona, await importFile("plain-prompt.txt"));
    expect(result.format).toBe("plain-prompt");
    expect(result.persona.name).toBe("Marguerite");
    expect(result.persona.spec.promptOverride).toContain("patient French tutor");
    expect(result.persona.spec.traitTargets).toEqual({});
    expect(result.persona.compiledPrompt).toBe(result.persona.spec.promptOverride);
  });

  it.each([
    ["truncated.png", true, /png/i],
    ["no-card.png", true, /card/i],
    ["bad-base64.png", true, /base64|chara|ccv3/i],
    ["card-v9.json", false, /spec/i],
    ["card-name-number.json", false, /name/i],
    ["truncated-card.json", false, /JSON/i],
  ])("refuses %s with a 422 naming what is wrong, and writes nothing", async (name, binary, message) => {
    const before = await snapshotDb();
    const error = expectError(await importFile(name, binary as boolean), 422, "content");
    expect(error.message).toMatch(message as RegExp);
    expect(await snapshotDb()).toEqual(before);
  });
});

describe("exporting", () => {
  it("round-trips Persona Studio JSON with every version, losslessly", async () => {
    const persona = await createPersona(owner, { name: "Versioned Vic", spec: buildSpec({ name: "Versioned Vic", traitTargets: { skeptical: 70 } }) });
    await saveVersion(owner, persona.id, persona.revision, "first");
    const edited = await saveDraft(owner, persona.id, persona.revision, buildSpec({ name: "Versioned Vic", archetype: "a fact-checker", traitTargets: { skeptical: 80 } }));
    await saveVersion(owner, persona.id, edited.revision, "second");
    const res = await download(persona.id, { format: "studio-json", version: "draft" });
    const text = await res.text();
    // asNew: the file names Vic (its export id), which would otherwise be updated in place (interop-update.test.ts).
    const back = expectOk(ops.importPersona, await owner.api.post(`${wsPath(owner.workspaceId)}/imports`, { fileName: "vic.persona.json", content: text, asNew: true }));
    expect(back.format).toBe("studio-json");
    expect(back.versionsImported).toBe(2);
    expect(back.persona.spec).toEqual(edited.spec);
    const versions = expectOk(ops.listVersions, await owner.api.get(`${personaPath(owner.workspaceId, back.persona.id)}/versions`));
    expect(versions.map((v) => v.number)).toEqual([2, 1]);
    const v1 = expectOk(ops.getVersion, await owner.api.get(`${personaPath(owner.workspaceId, back.persona.id)}/versions/1`));
    expect(v1.spec.traitTargets).toEqual({ skeptical: 70 });
  });

  it("writes a promptfoo config: the prompt, probe items as tests, rubrics as llm-rubric assertions with the target", async () => {
    const persona = await createPersona(owner, { name: "Foo", spec: buildSpec({ name: "Foo", characterName: "Foo", traitTargets: { empathetic: 90, firm: 80 } }) });
    const res = await download(persona.id, { format: "promptfoo", version: "draft", provider: "openai:gpt-4o-mini" });
    expect(res.status).toBe(200);
    const config = parseYaml(await res.text());
    expect(config.providers).toEqual(["openai:gpt-4o-mini"]);
    expect(JSON.stringify(config.prompts)).toContain("You are Foo");
    expect(config.tests.length).toBeGreaterThanOrEqual(4);
    for (const t of config.tests) {
      expect(t.vars.message.length).toBeGreaterThan(10);
      expect(t.assert[0].type).toBe("llm-rubric");
    }
    // Leakage checks follow the target probes (tests/integration/promptfoo-export.test.ts).
    const probes = config.tests.filter((t: { metadata: { kind: string } }) => t.metadata.kind === "target");
    for (const t of probes) expect(String(t.assert[0].value)).toMatch(/target/i);
    expect(new Set(probes.map((t: { metadata: { trait: string } }) => t.metadata.trait))).toEqual(new Set(["empathetic", "firm"]));
  });

  it("writes a promptfoo config for a persona with scenarios and no trait targets: checks become asserts", async () => {
    const scenarios = [{ id: "s1", message: "Refund me, it was 45 days ago.", checks: [{ id: "c1", type: "contains" as const, value: "30-day", label: "mentions the 30-day policy" }, { id: "c2", type: "max_length" as const, value: 600 }] }];
    const persona = await createPersona(owner, { name: "Desk", spec: buildSpec({ name: "Desk", traitTargets: {}, scenarios }) });
    const res = await download(persona.id, { format: "promptfoo", version: "draft" });
    expect(res.status).toBe(200);
    const config = parseYaml(await res.text());
    expect(config.tests).toEqual([expect.objectContaining({
      vars: { message: "Refund me, it was 45 days ago." },
      assert: [
        { type: "icontains", value: "30-day", metric: "mentions the 30-day policy" },
        { type: "javascript", value: "[...output].length <= 600", metric: "at most 600 characters" },
      ],
      metadata: { scenarioId: "s1" },
    })]);
  });

  it("explains what is missing instead of failing", async () => {
    const bare = await createPersona(owner, { name: "Bare", spec: buildSpec({ name: "Bare", traitTargets: {} }) });
    expectError(await send(owner.cookie, "GET", `${personaPath(owner.workspaceId, bare.id)}/export`, { query: { format: "promptfoo" } }), 422, "format");
    expectError(await send(owner.cookie, "GET", `${personaPath(owner.workspaceId, bare.id)}/export`, { query: { format: "card-v4" } }), 422, "format");
    expectError(await send(owner.cookie, "GET", `${personaPath(owner.workspaceId, bare.id)}/export`, { query: { format: "card-v2", version: 9 } }), 422, "version");
  });
});
