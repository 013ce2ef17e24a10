import { exportCharacterCard, importCharacterCard, type CardExportOptions, type CardImport } from "@/lib/interop/character-card";
import { base64ToBytes, bytesToBase64, latin1Decode, utf8Decode, utf8Encode } from "@/lib/interop/encoding";
import { InteropError, parseJson, type InteropWarning } from "@/lib/interop/errors";
import { placeholderPng } from "@/lib/interop/png-placeholder";
import type { PersonaSpec } from "@/lib/schemas/persona";

// Character cards inside PNG images: tEXt chunks keyed "chara" (V2 JSON) and
// "ccv3" (V3 JSON), each UTF-8 JSON → base64 (tEXt itself is Latin-1 only).
// Readers prefer ccv3. No zlib: the image data is never decoded.
//
// Built for multi-megabyte cards: chunks are views into the file (no copies),
// only the chunks we read or rewrite are checksummed, and text is decoded and
// encoded natively (encoding.ts), never in a JavaScript loop per character.

type Chunk = { name: string; data: Uint8Array };
export type CardChunk = "ccv3" | "chara";

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CARD_KEYWORDS: readonly string[] = ["chara", "ccv3"];
const TEXT_CHUNKS = ["tEXt", "zTXt", "iTXt"];
/** The PNG spec's limit for a text chunk keyword. */
const MAX_KEYWORD = 79;

export function hasPngSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && SIGNATURE.every((b, i) => bytes[i] === b);
}

const readUint32 = (b: Uint8Array, at: number) => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

const CRC_TABLE = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

/** CRC-32 of a chunk's type and data, as stored after them. */
function crc32(bytes: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/**
 * The file's chunks up to IEND, as views into `bytes`. The structure is
 * checked first (a damaged length must not read past the end or allocate what
 * it claims); `verify` says which chunks' CRCs are checked: the ones the
 * caller reads or writes back.
 */
function readChunks(bytes: unknown, verify: (chunk: Chunk) => boolean): Chunk[] {
  if (!(bytes instanceof Uint8Array)) throw new InteropError("png", "Expected the bytes of a PNG file");
  if (!hasPngSignature(bytes)) throw new InteropError("png.signature", "This file is not a PNG image (the PNG signature is missing)");
  const chunks: Chunk[] = [];
  let offset = 8;
  for (let index = 0; ; index++) {
    if (offset + 12 > bytes.length) {
      throw new InteropError("png.chunk", `The PNG is truncated: it ends ${offset >= bytes.length ? "before the IEND chunk" : `inside chunk ${index}`}`);
    }
    const length = readUint32(bytes, offset);
    const name = ascii(bytes, offset + 4, offset + 8);
    if (offset + 12 + length > bytes.length) {
      throw new InteropError("png.chunk", `The PNG is truncated: chunk ${index} (${name}) needs ${length} bytes, but the file ends after ${bytes.length - offset - 12}`);
    }
    if (index === 0 && name !== "IHDR") throw new InteropError("png.chunk", "The PNG is damaged: IHDR header missing");
    const chunk = { name, data: bytes.subarray(offset + 8, offset + 8 + length) };
    if (verify(chunk)) {
      const stored = readUint32(bytes, offset + 8 + length);
      const actual = crc32(bytes.subarray(offset + 4, offset + 8 + length));
      if (stored !== actual) {
        throw new InteropError("png.chunk", `The PNG is damaged: CRC mismatch in chunk ${index} (${name}): expected ${stored}, got ${actual}`);
      }
    }
    chunks.push(chunk);
    offset += 12 + length;
    if (name === "IEND") return chunks;
  }
}

/** The PNG file of `chunks` (IEND included), each with its length and a fresh CRC. */
function encodeChunks(chunks: Chunk[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + 12 + c.data.length, 8));
  const view = new DataView(out.buffer);
  out.set(SIGNATURE);
  let at = 8;
  for (const { name, data } of chunks) {
    view.setUint32(at, data.length);
    for (let i = 0; i < 4; i++) out[at + 4 + i] = name.charCodeAt(i);
    out.set(data, at + 8);
    view.setUint32(at + 8 + data.length, crc32(out.subarray(at + 4, at + 8 + data.length)));
    at += 12 + data.length;
  }
  return out;
}

function keywordOf(chunk: Chunk): string | null {
  if (!TEXT_CHUNKS.includes(chunk.name)) return null;
  const end = chunk.data.indexOf(0);
  return end < 0 ? null : ascii(chunk.data, 0, Math.min(end, MAX_KEYWORD));
}

const isCardChunk = (chunk: Chunk) => CARD_KEYWORDS.includes(keywordOf(chunk) ?? "");

/** base64 → UTF-8 → JSON of one card chunk; errors name the chunk ("png.ccv3", "png.chara"). */
function decodeCardChunk(chunk: Chunk, keyword: CardChunk): unknown {
  const field = `png.${keyword}`;
  if (chunk.name !== "tEXt") throw new InteropError(field, `The ${keyword} card is in a ${chunk.name} chunk; card readers expect tEXt`);
  const start = chunk.data.indexOf(0) + 1;
  if (chunk.data.indexOf(0, start) >= 0) {
    throw new InteropError(field, `The ${keyword} chunk is damaged: a 0x00 byte is not permitted in tEXt content`);
  }
  const text = latin1Decode(chunk.data.subarray(start));
  const json = utf8Decode(base64ToBytes(text, field), field);
  return parseJson(json, field);
}

/** The card JSON embedded in a PNG: ccv3 when present and readable, else chara. */
export function readPngCard(bytes: Uint8Array): { card: unknown; chunk: CardChunk; warnings: InteropWarning[] } {
  const found = new Map<CardChunk, Chunk>();
  for (const chunk of readChunks(bytes, isCardChunk)) {
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
  // base64 is ASCII, so its UTF-8 bytes are its Latin-1 bytes.
  const text = utf8Encode(bytesToBase64(utf8Encode(JSON.stringify(card))));
  const data = new Uint8Array(keyword.length + 1 + text.length);
  data.set(utf8Encode(keyword));
  data.set(text, keyword.length + 1);
  return { name: "tEXt", data };
}

/**
 * `png` (or a placeholder image) with the given cards as chara/ccv3 tEXt
 * chunks just before IEND. Card chunks already in the image are removed, so
 * re-exporting over an exported card replaces it.
 */
export function writePngCard(cards: { v2?: unknown; v3?: unknown }, png?: Uint8Array): Uint8Array {
  if (cards.v2 === undefined && cards.v3 === undefined) throw new InteropError("cards", "Give at least one card to embed");
  // Every chunk kept is written back with a fresh CRC, so every one is checked first.
  const chunks = readChunks(png ?? placeholderPng(), () => true).filter((c) => !isCardChunk(c));
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
