import { readFileSync } from "node:fs";
import path from "node:path";
import { inflateSync } from "node:zlib";
import { expect } from "vitest";
import { InteropError } from "@/lib/interop";
import { emptySpec, type PersonaSpec } from "@/lib/schemas/persona";

// Fixture access and an independent PNG reader (node Buffer + zlib, not the
// code under test) for checking what the exporters write.

const FIXTURES = path.resolve(__dirname, "../../fixtures/interop");

export const fixtureBytes = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(FIXTURES, name)));
export const fixtureText = (name: string): string => readFileSync(path.join(FIXTURES, name), "utf8");
export const fixtureJson = (name: string): Record<string, unknown> => JSON.parse(fixtureText(name));

/** A spec using every field, with non-ASCII text, so a lossy path shows up in a deep-equal. */
export function richSpec(overrides: Partial<PersonaSpec> = {}): PersonaSpec {
  return {
    ...emptySpec("Zoë Nakamura"),
    archetype: "a night-shift radio host in 東京 who listens more than she talks",
    background: "Grew up in Lyon, moved to Tokyo ten years ago. Hosts \"Midnight Tsukimi\" 🌙 four nights a week.",
    values: ["honesty with callers", "nobody hangs up feeling dismissed"],
    voice: { register: "conversational", tone: "warm, wry, unhurried", length: "brief" },
    boundaries: ["never gives medical advice on air", "no politics"],
    traitTargets: { empathetic: 85, playful: 60, formal: 20 },
    examples: [
      { user: "I can't sleep again.", assistant: "Then stay with me for a song or two. What's on your mind?" },
      { user: "Do you ever get lonely?", assistant: "Lonely? With half of 東京 awake and listening?\nSometimes, yes." },
    ],
    notes: "Designer notes: keep her French sparse. ✨",
    sampleMessages: ["It's 3 a.m. and I'm still at the office.", "Tell me something good about today."],
    promptOverride: null,
    ...overrides,
  };
}

/** Runs `fn` and checks it throws an InteropError naming `field`; returns the error for more checks. */
export function expectInteropError(fn: () => unknown, field: string): InteropError {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `expected an InteropError for ${field}`).toBeInstanceOf(InteropError);
  const error = thrown as InteropError;
  expect(error.field).toBe(field);
  expect(error.message.length).toBeGreaterThan(10);
  return error;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export type RawChunk = { type: string; data: Buffer };

/** Chunks of a PNG, checking signature and every CRC. */
export function pngChunks(bytes: Uint8Array): RawChunk[] {
  const buf = Buffer.from(bytes);
  expect([...buf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks: RawChunk[] = [];
  let at = 8;
  while (at < buf.length) {
    const length = buf.readUInt32BE(at);
    const typeAndData = buf.subarray(at + 4, at + 8 + length);
    expect(buf.readUInt32BE(at + 8 + length)).toBe(crc32(typeAndData));
    chunks.push({ type: typeAndData.subarray(0, 4).toString("latin1"), data: Buffer.from(typeAndData.subarray(4)) });
    at += 12 + length;
  }
  expect(chunks.at(-1)?.type).toBe("IEND");
  return chunks;
}

/** tEXt chunks as keyword → text. */
export function textChunks(bytes: Uint8Array): { keyword: string; text: string }[] {
  return pngChunks(bytes)
    .filter((c) => c.type === "tEXt")
    .map((c) => {
      const nul = c.data.indexOf(0);
      return { keyword: c.data.subarray(0, nul).toString("latin1"), text: c.data.subarray(nul + 1).toString("latin1") };
    });
}

/** The card JSON in a tEXt chunk, decoded with node's Buffer (base64 → UTF-8). */
export function cardInChunk(bytes: Uint8Array, keyword: "chara" | "ccv3"): Record<string, unknown> {
  const found = textChunks(bytes).filter((c) => c.keyword === keyword);
  expect(found, `exactly one ${keyword} chunk`).toHaveLength(1);
  return JSON.parse(Buffer.from(found[0].text, "base64").toString("utf8"));
}

/** Width, height and inflated scanlines of a PNG. */
export function pngImage(bytes: Uint8Array): { width: number; height: number; raw: Buffer } {
  const chunks = pngChunks(bytes);
  const ihdr = chunks[0];
  expect(ihdr.type).toBe("IHDR");
  const idat = Buffer.concat(chunks.filter((c) => c.type === "IDAT").map((c) => c.data));
  return { width: ihdr.data.readUInt32BE(0), height: ihdr.data.readUInt32BE(4), raw: inflateSync(idat) };
}

/** A PNG built here (not by lib/interop) from the image of `base` plus the given tEXt chunks. */
export function pngWithText(base: Uint8Array, texts: { keyword: string; text: string }[]): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const typeAndData = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc32(typeAndData));
    return Buffer.concat([head, typeAndData, tail]);
  };
  const image = pngChunks(base).filter((c) => c.type !== "tEXt" && c.type !== "IEND");
  return new Uint8Array(Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    ...image.map((c) => chunk(c.type, c.data)),
    ...texts.map((t) => chunk("tEXt", Buffer.from(`${t.keyword}\0${t.text}`, "latin1"))),
    chunk("IEND", Buffer.alloc(0)),
  ]));
}
