import encodeChunks from "png-chunks-encode";
import extractChunks from "png-chunks-extract";
import * as pngText from "png-chunk-text";
import { exportCharacterCard, importCharacterCard, type CardExportOptions, type CardImport } from "@/lib/interop/character-card";
import { base64ToBytes, bytesToBase64, utf8Decode, utf8Encode } from "@/lib/interop/encoding";
import { InteropError, parseJson, type InteropWarning } from "@/lib/interop/errors";
import { placeholderPng } from "@/lib/interop/png-placeholder";
import type { PersonaSpec } from "@/lib/schemas/persona";

// Character cards inside PNG images: tEXt chunks keyed "chara" (V2 JSON) and
// "ccv3" (V3 JSON), each UTF-8 JSON → base64 (tEXt itself is Latin-1 only).
// Readers prefer ccv3. No Buffer or zlib: runs in the browser too.

type Chunk = { name: string; data: Uint8Array };
export type CardChunk = "ccv3" | "chara";

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CARD_KEYWORDS: readonly string[] = ["chara", "ccv3"];
const TEXT_CHUNKS = ["tEXt", "zTXt", "iTXt"];

export function hasPngSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && SIGNATURE.every((b, i) => bytes[i] === b);
}

const readUint32 = (b: Uint8Array, at: number) => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/**
 * The file's chunks, after checking its structure ourselves: png-chunks-extract
 * reads past the end of a truncated file and would allocate whatever length a
 * damaged header claims.
 */
function readChunks(bytes: unknown): Chunk[] {
  if (!(bytes instanceof Uint8Array)) throw new InteropError("png", "Expected the bytes of a PNG file");
  if (!hasPngSignature(bytes)) throw new InteropError("png.signature", "This file is not a PNG image (the PNG signature is missing)");
  let offset = 8;
  for (let index = 0; ; index++) {
    if (offset + 12 > bytes.length) {
      throw new InteropError("png.chunk", `The PNG is truncated: it ends ${offset >= bytes.length ? "before the IEND chunk" : `inside chunk ${index}`}`);
    }
    const length = readUint32(bytes, offset);
    const type = ascii(bytes, offset + 4, offset + 8);
    if (offset + 12 + length > bytes.length) {
      throw new InteropError("png.chunk", `The PNG is truncated: chunk ${index} (${type}) needs ${length} bytes, but the file ends after ${bytes.length - offset - 12}`);
    }
    offset += 12 + length;
    if (type === "IEND") break;
  }
  try {
    return extractChunks(bytes);
  } catch (error) {
    throw new InteropError("png.chunk", `The PNG is damaged: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function keywordOf(chunk: Chunk): string | null {
  if (!TEXT_CHUNKS.includes(chunk.name)) return null;
  const end = chunk.data.indexOf(0);
  return end < 0 ? null : ascii(chunk.data, 0, Math.min(end, 79));
}

/** base64 → UTF-8 → JSON of one card chunk; errors name the chunk ("png.ccv3", "png.chara"). */
function decodeCardChunk(chunk: Chunk, keyword: CardChunk): unknown {
  const field = `png.${keyword}`;
  if (chunk.name !== "tEXt") throw new InteropError(field, `The ${keyword} card is in a ${chunk.name} chunk; card readers expect tEXt`);
  let text: string;
  try {
    text = pngText.decode(chunk.data).text;
  } catch (error) {
    throw new InteropError(field, `The ${keyword} chunk is damaged: ${error instanceof Error ? error.message : String(error)}`);
  }
  const json = utf8Decode(base64ToBytes(text, field), field);
  return parseJson(json, field);
}

/** The card JSON embedded in a PNG: ccv3 when present and readable, else chara. */
export function readPngCard(bytes: Uint8Array): { card: unknown; chunk: CardChunk; warnings: InteropWarning[] } {
  const found = new Map<CardChunk, Chunk>();
  for (const chunk of readChunks(bytes)) {
    const keyword = keywordOf(chunk);
    if ((keyword === "ccv3" || keyword === "chara") && !found.has(keyword)) found.set(keyword, chunk);
  }
  const ccv3 = found.get("ccv3");
  const chara = found.get("chara");
  if (!ccv3 && !chara) {
    throw new InteropError("png.chunk", "This PNG has no character card in it (no tEXt chunk named ccv3 or chara)");
  }
  if (ccv3) {
    try {
      return { card: decodeCardChunk(ccv3, "ccv3"), chunk: "ccv3", warnings: [] };
    } catch (error) {
      // A broken V3 copy next to a good V2 card should not lose the character.
      if (!chara || !(error instanceof InteropError)) throw error;
      const card = decodeCardChunk(chara, "chara");
      return { card, chunk: "chara", warnings: [{ field: error.field, message: `${error.message}; the V2 card in the chara chunk was read instead` }] };
    }
  }
  return { card: decodeCardChunk(chara!, "chara"), chunk: "chara", warnings: [] };
}

export type PngCardImport = CardImport & { chunk: CardChunk };

export function importPngCard(bytes: Uint8Array): PngCardImport {
  const { card, chunk, warnings } = readPngCard(bytes);
  const imported = importCharacterCard(card);
  return { ...imported, chunk, warnings: [...warnings, ...imported.warnings] };
}

function cardChunk(keyword: CardChunk, card: unknown): Chunk {
  return pngText.encode(keyword, bytesToBase64(utf8Encode(JSON.stringify(card))));
}

/**
 * `png` (or a placeholder image) with the given cards as chara/ccv3 tEXt
 * chunks just before IEND. Card chunks already in the image are removed, so
 * re-exporting over an exported card replaces it.
 */
export function writePngCard(cards: { v2?: unknown; v3?: unknown }, png?: Uint8Array): Uint8Array {
  if (cards.v2 === undefined && cards.v3 === undefined) throw new InteropError("cards", "Give at least one card to embed");
  const chunks = readChunks(png ?? placeholderPng()).filter((c) => !CARD_KEYWORDS.includes(keywordOf(c) ?? ""));
  const added = [
    ...(cards.v2 !== undefined ? [cardChunk("chara", cards.v2)] : []),
    ...(cards.v3 !== undefined ? [cardChunk("ccv3", cards.v3)] : []),
  ];
  const iend = chunks.findIndex((c) => c.name === "IEND");
  chunks.splice(iend, 0, ...added);
  return encodeChunks(chunks);
}

/** A PNG card carrying both the V2 (chara) and the V3 (ccv3) card for `spec`. */
export function exportPngCard(spec: PersonaSpec, options: Omit<CardExportOptions, "version"> & { png?: Uint8Array } = {}): Uint8Array {
  const { png, ...cardOptions } = options;
  return writePngCard(
    {
      v2: exportCharacterCard(spec, { ...cardOptions, version: "v2" }),
      v3: exportCharacterCard(spec, { ...cardOptions, version: "v3" }),
    },
    png,
  );
}
