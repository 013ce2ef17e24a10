import { describe, expect, it } from "vitest";
import { cardRemainder, exportCharacterCard, importCharacterCard, importFile, importStudioJson, readPngCard } from "@/lib/interop";
import { base64ToBytes, bytesToBase64, latin1Decode } from "@/lib/interop/encoding";
import { assertJsonDepth, MAX_JSON_DEPTH } from "@/lib/interop/errors";
import { placeholderPng } from "@/lib/interop/png-placeholder";
import { expectInteropError, fixtureJson, pngWithText } from "./helpers";

// Hostile or huge inputs (issue 10, item 12): nesting is refused before any
// recursive step runs, byte decoding is native, and what the studio keeps of a
// card is only what it does not map.

const nest = (levels: number, inner = "0") => `${"[".repeat(levels)}${inner}${"]".repeat(levels)}`;

describe("nesting depth", () => {
  it("accepts the limit and refuses one level more, naming the field", () => {
    expect(() => assertJsonDepth(nest(MAX_JSON_DEPTH))).not.toThrow();
    expect(expectInteropError(() => assertJsonDepth(nest(MAX_JSON_DEPTH + 1), "png.ccv3"), "png.ccv3").message).toMatch(/nests deeper than 64 levels/);
  });

  it("counts objects and arrays, not brackets inside strings or after escaped quotes", () => {
    const tricky = JSON.stringify({ a: "[[[[{{{{", b: 'say \\"[[[" ok', c: "\\\\", d: [{ e: "]]]]" }] });
    expect(() => assertJsonDepth(tricky, "json", 3)).not.toThrow();
    expect(() => assertJsonDepth(`{"x":"\\\\"}${nest(5)}`, "json", 4)).toThrow(/nests deeper/);
  });

  it("refuses 100,000 levels in every importer without overflowing the stack", () => {
    const card = `{"spec":"chara_card_v2","data":{"name":"Deep","extensions":{"x":${nest(100_000)}}}}`;
    expectInteropError(() => importCharacterCard(card), "json");
    expectInteropError(() => importFile("deep.json", card), "json");
    expectInteropError(() => importStudioJson(`{"format":"persona-studio","formatVersion":1,"persona":${nest(100_000)}}`), "json");
    const png = pngWithText(placeholderPng(), [{ keyword: "chara", text: Buffer.from(card).toString("base64") }]);
    expectInteropError(() => readPngCard(png), "png.chara");
  });
});

describe("byte decoding", () => {
  it("base64 stays strict: standard or URL-safe, optional padding, whitespace ignored", () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 251, 252, 253, 254, 255]);
    const std = bytesToBase64(bytes);
    expect(std).toBe(Buffer.from(bytes).toString("base64"));
    expect(base64ToBytes(std, "f")).toEqual(bytes);
    expect(base64ToBytes(Buffer.from(bytes).toString("base64url"), "f")).toEqual(bytes);
    expect(base64ToBytes(`${std.slice(0, 4)}\n ${std.slice(4)}`, "f")).toEqual(bytes);
    expect(expectInteropError(() => base64ToBytes("ab$d", "png.chara"), "png.chara").message).toMatch(/contains "\$"/);
    expect(expectInteropError(() => base64ToBytes("abcde", "f"), "f").message).toMatch(/wrong length/);
    expect(expectInteropError(() => base64ToBytes("abc==", "f"), "f").message).toMatch(/wrong length/);
    expect(expectInteropError(() => base64ToBytes("ab=c", "f"), "f").message).toMatch(/contains "="/);
  });

  it("Latin-1 is one character per byte, 0x80–0x9F included (not windows-1252)", () => {
    expect(latin1Decode(new Uint8Array([0x41, 0x80, 0x9f, 0xe9, 0xff]))).toBe("A\u0080\u009fé\u00ff");
  });

  it("a 0x00 byte inside a card chunk's text is a damaged chunk", () => {
    const png = pngWithText(placeholderPng(), [{ keyword: "chara", text: "abcd\u0000efgh" }]);
    expect(expectInteropError(() => readPngCard(png), "png.chara").message).toMatch(/0x00/);
  });
});

describe("what the studio keeps of a card", () => {
  it("V2 with V1 copies: mapped fields emptied (keys kept), name and everything unmapped untouched, studio extension dropped", () => {
    const card = fixtureJson("card-v2.json") as { data: Record<string, unknown> } & Record<string, unknown>;
    const data: Record<string, unknown> = { ...card.data, extensions: { ...(card.data.extensions as object), persona_studio: { spec: {} } } };
    const withCopies = { ...card, name: "Zoë", description: "copy", first_mes: "copy of first_mes", data };
    const kept = cardRemainder(withCopies) as typeof card;
    for (const key of ["description", "personality", "scenario", "mes_example", "creator_notes", "system_prompt"]) expect(kept.data[key], key).toBe("");
    expect(kept.data.tags).toEqual([]);
    expect(kept.data.name).toBe("Zoë");
    for (const key of ["first_mes", "alternate_greetings", "character_book", "post_history_instructions"]) expect(kept.data[key], key).toEqual(card.data[key]);
    expect(kept.data.extensions).toEqual(card.data.extensions);
    expect(kept).toMatchObject({ name: "Zoë", description: "", first_mes: "copy of first_mes", spec: "chara_card_v2" });
    expect(withCopies.data.description).not.toBe(""); // the input is not changed
  });

  it("V1: the flat card, mapped fields emptied", () => {
    const kept = cardRemainder(fixtureJson("card-v1.json"));
    expect(kept).toMatchObject({ description: "", personality: "", scenario: "", mes_example: "" });
    expect(kept.first_mes).toBe(fixtureJson("card-v1.json").first_mes);
  });

  it("an export over the remainder writes the unmapped fields back and the mapped ones from the spec", () => {
    const imported = importCharacterCard(fixtureJson("card-v2.json"));
    const out = exportCharacterCard(imported.spec, { version: "v2", base: cardRemainder(imported.unmapped) }) as { data: Record<string, unknown> };
    const original = fixtureJson("card-v2.json") as { data: Record<string, unknown> };
    for (const key of ["first_mes", "alternate_greetings", "character_book", "post_history_instructions"]) expect(out.data[key], key).toEqual(original.data[key]);
    expect(out.data.name).toBe("Zoë");
    expect(out.data.personality).toBe(original.data.personality);
    expect(String(out.data.description)).toContain("東京");
    expect(importCharacterCard(out).spec).toEqual(imported.spec);
  });
});
