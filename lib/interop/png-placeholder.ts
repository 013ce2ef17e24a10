import encodeChunks from "png-chunks-encode";

// A 64×64 single-colour PNG for cards exported without an image. Built by hand
// (1-bit palette image, zlib "stored" block) so no compressor is needed and the
// module stays browser-safe; png-chunks-encode adds the chunk CRCs.

const SIZE = 64;
/** Studio indigo. */
const COLOUR = [0x4f, 0x46, 0xe5];

function uint32(n: number): number[] {
  return [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** zlib stream with one uncompressed deflate block (fine below 64 KiB). */
function zlibStored(raw: Uint8Array): Uint8Array {
  const len = raw.length;
  const header = [0x78, 0x01, 0x01, len & 0xff, len >> 8, ~len & 0xff, (~len >> 8) & 0xff];
  const out = new Uint8Array(header.length + len + 4);
  out.set(header, 0);
  out.set(raw, header.length);
  out.set(uint32(adler32(raw)), header.length + len);
  return out;
}

let cached: Uint8Array | null = null;

export function placeholderPng(): Uint8Array {
  if (!cached) {
    const rowBytes = 1 + SIZE / 8; // filter byte + 1 bit per pixel, all palette index 0
    const ihdr = new Uint8Array([...uint32(SIZE), ...uint32(SIZE), 1, 3, 0, 0, 0]);
    cached = encodeChunks([
      { name: "IHDR", data: ihdr },
      { name: "PLTE", data: new Uint8Array(COLOUR) },
      { name: "IDAT", data: zlibStored(new Uint8Array(rowBytes * SIZE)) },
      { name: "IEND", data: new Uint8Array(0) },
    ]);
  }
  return cached.slice();
}
