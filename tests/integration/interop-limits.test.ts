import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { placeholderPng } from "@/lib/interop";
import { expectError, expectOk, matchRoute } from "@/tests/factories/api";
import { db, snapshotDb } from "@/tests/factories/db";
import { personaPath, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";
import { pngWithText } from "@/tests/unit/interop/helpers";

// Imports that used to hurt the server (issue 10, item 12): a card nested
// 10,000 levels deep ended in a stack overflow (500), and a multi-megabyte PNG
// card was kept whole on the persona. Now: a 422 naming the content, and only
// the card fields the studio does not map are stored.

let owner: Member;

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Ines" });
});

const post = (body: Record<string, unknown>) => owner.api.post(`${wsPath(owner.workspaceId)}/imports`, body);
const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
const nested = (levels: number, open = "[", close = "]") => `${open.repeat(levels)}${close.repeat(levels)}`;
const deepCard = (levels: number) =>
  `{"spec":"chara_card_v2","spec_version":"2.0","data":{"name":"Deep","description":"[not a bracket]","extensions":{"deep":${nested(levels)}}}}`;

async function exportCard(personaId: string, format: "card-v2" | "card-v3") {
  const url = new URL(`http://localhost:3000${personaPath(owner.workspaceId, personaId)}/export?format=${format}&version=draft`);
  const { module, params } = matchRoute(url.pathname);
  const res = await module.GET!(new Request(url, { headers: { cookie: owner.cookie } }), { params: Promise.resolve(params) });
  expect(res.status).toBe(200);
  return (await res.json()) as { data: Record<string, unknown> };
}

describe("deeply nested files", () => {
  it.each([
    ["a card JSON", { fileName: "deep.json", encoding: "text", content: deepCard(10_000) }],
    ["a Persona Studio JSON", { fileName: "deep.persona.json", encoding: "text", content: `{"format":"persona-studio","formatVersion":1,"exportedAt":"2026-01-01","persona":{"name":"Deep","spec":${nested(10_000, '{"a":', "}").replace(/\{"a":\}/, "{}")}}}` }],
    ["a PNG card", { fileName: "deep.png", encoding: "base64", content: Buffer.from(pngWithText(placeholderPng(), [{ keyword: "chara", text: b64(deepCard(10_000)) }])).toString("base64") }],
  ])("%s nested 10,000 levels is a 422 on content, and nothing is written", async (_label, body) => {
    const before = await snapshotDb();
    const error = expectError(await post(body), 422, "content");
    expect(error.message).toMatch(/nests deeper than \d+ levels/);
    expect(await snapshotDb()).toEqual(before);
  });

  it("nesting a real card needs is fine, and brackets inside text do not count", async () => {
    const result = expectOk(ops.importPersona, await post({ fileName: "ok.json", encoding: "text", content: deepCard(20) }));
    expect(result.persona.spec.background).toBe("[not a bracket]");
  });
});

describe("a large PNG card", () => {
  // A 1.3 MB description (twice: in data and as the V1 copy) (the spec keeps 4,000 characters of it) and a lorebook.
  const description = "{{char}} hosts a night-shift radio show in 東京 and answers calls between songs. ".repeat(15_000);
  const lorebook = { name: "Lore", entries: Array.from({ length: 50 }, (_, i) => ({ keys: [`k${i}`], content: `Entry ${i} où`, id: i })) };
  const card = {
    spec: "chara_card_v2", spec_version: "2.0",
    name: "Zoë", description, personality: "warm", // V1 copies at the top level, as SillyTavern writes them
    data: {
      name: "Zoë", description, personality: "warm, wry and unhurried", scenario: "It is 3 a.m.", first_mes: "You're on the air.",
      mes_example: "<START>\n{{user}}: hi\n{{char}}: Stay for a song.", creator_notes: "Cosy.", system_prompt: "Be brief.", tags: ["radio"],
      alternate_greetings: ["Line two, you're on."], character_book: lorebook, extensions: { talkativeness: "0.5", depth_prompt: { depth: 4, prompt: "x" } },
      custom_field: { kept: true },
    },
  };
  const png = pngWithText(placeholderPng(), [{ keyword: "chara", text: b64(JSON.stringify(card)) }]);

  it("imports, and the persona keeps only the fields the studio does not map", async () => {
    expect(png.length).toBeGreaterThan(3_000_000);
    const result = expectOk(ops.importPersona, await post({ fileName: "big.png", encoding: "base64", content: Buffer.from(png).toString("base64") }));
    expect(result.format).toBe("png-card");
    expect(result.persona.spec.background.length).toBeLessThanOrEqual(4000);
    expect(result.keptFields).toEqual(expect.arrayContaining(["first_mes", "alternate_greetings", "character_book", "extensions", "custom_field"]));

    const row = await db.persona.findUniqueOrThrow({ where: { id: result.persona.id }, select: { imported: true } });
    expect(row.imported!.length).toBeLessThan(20_000);
    const stored = JSON.parse(row.imported!) as { card: { name: string; description: string; data: Record<string, unknown> } };
    expect(stored.card.data).toMatchObject({ name: "Zoë", description: "", personality: "", first_mes: "You're on the air.", character_book: lorebook, custom_field: { kept: true } });
    expect(stored.card.description).toBe("");
  });

  it("exports the unknown fields back, and the mapped ones from the spec", async () => {
    const result = expectOk(ops.importPersona, await post({ fileName: "big.png", encoding: "base64", content: Buffer.from(png).toString("base64") }));
    const exported = await exportCard(result.persona.id, "card-v2");
    expect(exported.data).toMatchObject({
      name: "Zoë", first_mes: "You're on the air.", alternate_greetings: card.data.alternate_greetings, character_book: lorebook,
      custom_field: { kept: true }, personality: "warm, wry and unhurried",
    });
    expect(exported.data.extensions).toMatchObject(card.data.extensions);
    expect(String(exported.data.description)).toContain("hosts a night-shift radio show in 東京");
    // The description comes from the spec, which keeps its first 4,000 characters (the scenario went with the rest).
    expect(String(exported.data.description).length).toBeLessThanOrEqual(4000);
    expect((exported as Record<string, unknown>).description).toBe(exported.data.description);
  });
});
