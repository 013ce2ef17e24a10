import { describe, expect, it } from "vitest";
import {
  exportCharacterCard, exportPngCard, importCharacterCard, importPngCard, placeholderPng, readPngCard, writePngCard,
} from "@/lib/interop";
import {
  cardInChunk, expectInteropError, fixtureBytes, fixtureJson, pngChunks, pngImage, pngWithText, richSpec, textChunks,
} from "@/tests/unit/interop/helpers";

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

describe("PNG card import (fixtures written by make-fixtures.mjs)", () => {
  it("reads the V2 card from the chara chunk, with non-ASCII text intact", () => {
    const imported = importPngCard(fixtureBytes("card-v2.png"));
    expect(imported.chunk).toBe("chara");
    expect(imported.version).toBe("v2");
    expect(imported.unmapped).toEqual(fixtureJson("card-v2.json"));
    expect(imported.spec).toEqual(importCharacterCard(fixtureJson("card-v2.json")).spec);
    expect(imported.spec.name).toBe("Zoë");
    expect(imported.spec.archetype).toContain("🌙");
    expect(imported.spec.background).toContain("東京");
  });

  it("prefers the ccv3 chunk over a chara backfill", () => {
    const imported = importPngCard(fixtureBytes("card-v3.png"));
    expect(imported.chunk).toBe("ccv3");
    expect(imported.version).toBe("v3");
    expect(imported.spec.name).toBe("Captain Mirela Ionescu");
    expect(imported.unmapped).toEqual(fixtureJson("card-v3.json"));
  });

  it("falls back to chara, with a warning, when the ccv3 chunk is unreadable", () => {
    const png = pngWithText(fixtureBytes("card-v2.png"), [
      { keyword: "ccv3", text: "%%% not base64 %%%" },
      { keyword: "chara", text: b64(JSON.stringify(fixtureJson("card-v2.json"))) },
    ]);
    const imported = importPngCard(png);
    expect(imported.chunk).toBe("chara");
    expect(imported.warnings).toEqual([expect.objectContaining({ field: "png.ccv3" })]);
  });
});

describe("PNG card export", () => {
  it("round-trips a spec through a V3 (ccv3) and a V2 (chara) PNG", () => {
    const spec = richSpec();
    const both = exportPngCard(spec);
    expect(importPngCard(both)).toMatchObject({ chunk: "ccv3", spec, restoredFromStudio: true });
    const v2Only = writePngCard({ v2: exportCharacterCard(spec, { version: "v2" }) });
    expect(importPngCard(v2Only)).toMatchObject({ chunk: "chara", version: "v2", spec });
  });

  it("writes UTF-8 JSON as base64 that any reader decodes (checked with node's Buffer)", () => {
    const spec = richSpec();
    const png = exportPngCard(spec);
    const v2 = cardInChunk(png, "chara") as { spec: string; data: { name: string; extensions: { persona_studio: { spec: unknown } } } };
    const v3 = cardInChunk(png, "ccv3") as typeof v2;
    expect(v2.spec).toBe("chara_card_v2");
    expect(v3.spec).toBe("chara_card_v3");
    expect(v2.data.name).toBe("Zoë Nakamura");
    expect(v3.data.extensions.persona_studio.spec).toEqual(spec);
  });

  it("re-exports onto the card's own image: pixels untouched, old card replaced, unknown fields kept", () => {
    const source = fixtureBytes("card-v2.png");
    const imported = importPngCard(source);
    const edited = { ...imported.spec, archetype: "warm and wry 🌙" };
    const png = exportPngCard(edited, { base: imported.unmapped, png: source, now: new Date("2025-06-01T00:00:00Z") });

    const imageChunks = (bytes: Uint8Array) => pngChunks(bytes).filter((c) => c.type !== "tEXt");
    expect(imageChunks(png)).toEqual(imageChunks(source));
    expect(textChunks(png).map((t) => t.keyword)).toEqual(["Software", "chara", "ccv3"]);

    const original = fixtureJson("card-v2.json") as { data: Record<string, unknown> & { extensions: Record<string, unknown> } };
    for (const keyword of ["chara", "ccv3"] as const) {
      const card = cardInChunk(png, keyword) as typeof original;
      expect(card.data.personality).toBe("warm and wry 🌙");
      expect(card.data.character_book).toEqual(original.data.character_book);
      expect(card.data.alternate_greetings).toEqual(original.data.alternate_greetings);
      expect(card.data.extensions.depth_prompt).toEqual(original.data.extensions.depth_prompt);
      expect(card.data.extensions.chub).toEqual(original.data.extensions.chub);
      expect(card.data.extensions.unknown_tool).toEqual(original.data.extensions.unknown_tool);
    }
    const again = importPngCard(png);
    expect(again.spec).toEqual(edited);
    expect(again.spec.background).toContain("東京");
  });

  it("re-exporting over an exported PNG leaves exactly one card of each kind", () => {
    const once = exportPngCard(richSpec());
    const twice = exportPngCard(richSpec({ name: "Zoë II" }), { png: once });
    expect(textChunks(twice).map((t) => t.keyword)).toEqual(["chara", "ccv3"]);
    expect(importPngCard(twice).spec.name).toBe("Zoë II");
  });

  it("uses a valid 64×64 placeholder image when none is given", () => {
    const { width, height, raw } = pngImage(placeholderPng());
    expect([width, height]).toEqual([64, 64]);
    expect(raw.length).toBe(64 * (1 + 64 / 8));
    expect(pngImage(exportPngCard(richSpec())).width).toBe(64);
  });
});

describe("PNG card errors name the problem", () => {
  it("a truncated file", () => {
    expect(expectInteropError(() => importPngCard(fixtureBytes("truncated.png")), "png.chunk").message).toMatch(/truncated/);
  });

  it("a PNG without a card", () => {
    expect(expectInteropError(() => importPngCard(fixtureBytes("no-card.png")), "png.chunk").message).toMatch(/no character card/);
  });

  it("a chara chunk that is not base64", () => {
    expect(expectInteropError(() => importPngCard(fixtureBytes("bad-base64.png")), "png.chara").message).toMatch(/base64/);
  });

  it("a chunk whose checksum does not match", () => {
    expect(expectInteropError(() => importPngCard(fixtureBytes("bad-crc.png")), "png.chunk").message).toMatch(/CRC/);
  });

  it("a file that is not a PNG at all", () => {
    expectInteropError(() => importPngCard(fixtureBytes("card-v2.json")), "png.signature");
    expectInteropError(() => importPngCard(new Uint8Array(0)), "png.signature");
    expectInteropError(() => importPngCard("not bytes" as unknown as Uint8Array), "png");
  });

  it("base64 that is not UTF-8, or UTF-8 that is not JSON", () => {
    const base = fixtureBytes("no-card.png");
    const latin1 = Buffer.from([0x7b, 0xff, 0xfe, 0x7d]).toString("base64");
    expect(expectInteropError(() => readPngCard(pngWithText(base, [{ keyword: "chara", text: latin1 }])), "png.chara").message).toMatch(/UTF-8/);
    expect(expectInteropError(() => readPngCard(pngWithText(base, [{ keyword: "ccv3", text: b64("{ nope") }])), "png.ccv3").message).toMatch(/JSON/);
  });

  it("a card chunk whose JSON is not a valid card", () => {
    const base = fixtureBytes("no-card.png");
    const card = { spec: "chara_card_v2", data: { name: 42 } };
    expectInteropError(() => importPngCard(pngWithText(base, [{ keyword: "chara", text: b64(JSON.stringify(card)) }])), "data.name");
  });

  it("a base image that is not a PNG on export", () => {
    expectInteropError(() => exportPngCard(richSpec(), { png: new Uint8Array([1, 2, 3]) }), "png.signature");
  });
});
